import { describe, expect, it } from 'vitest';
import { newContact } from '../model/contact';
import { contactsToCsv, csvCell, csvFileName } from './export-csv';
import { DEFAULT_TAXONOMY } from '../model/taxonomy';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['crlf\r\nline', '"crlf\r\nline"'],
    ['Zoë 🌱', 'Zoë 🌱'],
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+1-555', "'+1-555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['a=b', 'a=b'],
    // Split on ";" by spreadsheets in Dutch and German locales: quoted, so no cell starts with the formula.
    ["x;=cmd|'/C calc'!A0", `"x;=cmd|'/C calc'!A0"`],
    ['Amsterdam; Utrecht', '"Amsterdam; Utrecht"'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('contactsToCsv', () => {
  it('writes a BOM, a header and one CRLF-terminated row per contact with tag labels', () => {
    const contact = {
      ...newContact('jane-doe', '2026-11-01T10:00:00.000Z'),
      name: 'Jane, "JD" Doe',
      purposes: ['work', 'growth'],
      relationships: ['mentor'],
      note: 'Line one\nLine two',
    };
    const csv = contactsToCsv([contact], DEFAULT_TAXONOMY);
    expect(
      csv.startsWith(
        '\uFEFFName,Profile URL,Headline,Company,Location,Purposes,Relationships,Note,Created,Updated,Last seen\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain(
      '"Jane, ""JD"" Doe",https://www.linkedin.com/in/jane-doe/,,,,"Gets work done; Career resilience",Mentor,"Line one\nLine two",2026-11-01T10:00:00.000Z,2026-11-01T10:00:00.000Z,\r\n',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('names the file by local date', () => {
    expect(csvFileName(new Date(2026, 10, 22))).toBe('kindred-contacts-2026-11-22.csv');
  });
});
