import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionsFileError, parseConnectionsCsv, parseConnectedOn } from './connections-csv';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../tests/fixtures/connections', name), 'utf8');

describe('parseConnectionsCsv', () => {
  it('reads the current format: BOM, Notes preamble, URLs, quoted commas, quotes, emoji, tabs, line breaks', () => {
    const { rows, skipped } = parseConnectionsCsv(fixture('connections-2024.csv'));
    expect(rows).toEqual([
      {
        line: 5,
        name: 'Anna de Vries',
        id: 'anna-de-vries-1a2b3c',
        company: 'Flexa',
        position: 'Head of People, EMEA',
        connectedOn: '2024-10-09',
        connectedOnText: '',
      },
      {
        line: 6,
        name: 'Bram Janssen',
        id: 'bramjanssen',
        company: 'Timewise "Flex" Ltd',
        position: 'Researcher 🔬',
        connectedOn: '2023-03-21',
        connectedOnText: '',
      },
      {
        line: 7,
        name: 'Chloé Martin',
        id: 'chloé-martin',
        company: 'Purpose Co',
        position: 'Founder & CEO',
        connectedOn: '2020-01-01',
        connectedOnText: '',
      },
      {
        line: 9,
        name: 'Deepa Iyer',
        id: 'deepa-iyer',
        company: '',
        position: '',
        connectedOn: '2019-08-15',
        connectedOnText: '',
      },
    ]);
    expect(skipped).toEqual([
      { line: 11, reason: '"https://evil.example/in/not-linkedin" is not a LinkedIn profile URL' },
    ]);
  });

  it('reads the older format without preamble or URL column', () => {
    const { rows, skipped } = parseConnectionsCsv(fixture('connections-2018.csv'));
    expect(rows.map((r) => [r.name, r.id, r.company, r.connectedOn])).toEqual([
      ['Jane Doe', null, 'Flexa', '2018-01-08'],
      ['John Smith', null, 'Acme', '2019-12-31'],
      ['John Smith', null, 'Globex', '2020-03-04'],
      ['Zoë Ng', null, '', '2020-02-29'],
    ]);
    expect(skipped).toEqual([]);
  });

  it('reads a header in another case, as a spreadsheet may have saved it', () => {
    const csv =
      'first name,LAST NAME,url,Email Address,company,Position,connected on\n' +
      'Jane,Doe,https://www.linkedin.com/in/jane-doe,,Flexa,CTO,09 Oct 2024\n';
    expect(parseConnectionsCsv(csv).rows).toMatchObject([
      { name: 'Jane Doe', id: 'jane-doe', company: 'Flexa', position: 'CTO', connectedOn: '2024-10-09' },
    ]);
  });

  it.each([
    ['not-connections.csv', 'no "First Name,Last Name,…" header'],
    ['missing-columns.csv', 'lacks the columns Company, Position, Connected On'],
  ])('refuses %s', (file, message) => {
    expect(() => parseConnectionsCsv(fixture(file))).toThrow(message);
  });

  it('refuses a Kindred JSON export given as CSV, and empty files', () => {
    expect(() => parseConnectionsCsv('{"format":"kindred","version":1,"contacts":[]}')).toThrow(
      'looks like a JSON file',
    );
    expect(() => parseConnectionsCsv('')).toThrow(ConnectionsFileError);
  });
});

describe('parseConnectedOn', () => {
  it.each([
    ['09 Oct 2024', '2024-10-09'],
    ['9 Oct 2024', '2024-10-09'],
    ['1/8/18, 6:14 PM', '2018-01-08'],
    ['12/31/2019', '2019-12-31'],
    ['2/30/20, 8:00 PM', ''],
    ['yesterday', ''],
    ['', ''],
    // Every language LinkedIn exports in, abbreviated as LinkedIn writes it.
    ['09 okt 2024', '2024-10-09'],
    ['09 Okt. 2024', '2024-10-09'],
    ['09 oct. 2024', '2024-10-09'],
    ['09 oct 2024', '2024-10-09'],
    ['09 out 2024', '2024-10-09'],
    ['09 paź 2024', '2024-10-09'],
    ['09 ott 2024', '2024-10-09'],
    ['09 Eki 2024', '2024-10-09'],
    ['12 mrt 2023', '2023-03-12'],
    ['12 März 2023', '2023-03-12'],
    ['01 févr. 2022', '2022-02-01'],
    ['01 ene 2022', '2022-01-01'],
    ['01 fev 2022', '2022-02-01'],
    ['01 sty 2022', '2022-01-01'],
    ['17 dez 2021', '2021-12-17'],
    ['17 dic 2021', '2021-12-17'],
    ['17 gru 2021', '2021-12-17'],
    ['05 mei 2020', '2020-05-05'],
    ['05 Mai 2020', '2020-05-05'],
    ['05 maj 2020', '2020-05-05'],
    // Written out in full, with the Spanish and Portuguese "de", the German day's dot, month first.
    ['9. Oktober 2024', '2024-10-09'],
    ['9 de octubre de 2024', '2024-10-09'],
    ['09 de out. de 2024', '2024-10-09'],
    ['9 października 2024', '2024-10-09'],
    ['Oct 9, 2024', '2024-10-09'],
    // Numeric forms.
    ['2024-10-09', '2024-10-09'],
    ['09.10.2024', '2024-10-09'],
    ['09-10-2024', '2024-10-09'],
    ['31/12/2019', '2019-12-31'],
    ['10/9/24, 08:15', '2024-10-09'],
    // Not a date for sure: never guessed.
    ['31 Feb 2024', ''],
    ['09 xyz 2024', ''],
    ['09 Oct', ''],
    ['2024', ''],
    ['09 Oct 1024', ''],
  ])('%j → %j', (value, date) => {
    expect(parseConnectedOn(value)).toBe(date);
  });
});

describe('month names', () => {
  it('no word means two different months in two languages', async () => {
    // Every listed name read back on the 1st of 2024 gives its own month, whatever other languages list.
    const months = [
      ['jan', 'januari', 'janv.', 'ene', 'sty', 'gen', 'oca'],
      ['feb', 'févr.', 'fev', 'lut', 'şub'],
      ['mar', 'mrt', 'märz', 'mars'],
      ['apr', 'avr.', 'abr', 'kwi', 'nis'],
      ['may', 'mei', 'mai', 'maj', 'mag'],
      ['jun', 'juin', 'cze', 'giu', 'haz'],
      ['jul', 'juil.', 'lip', 'lug', 'tem'],
      ['aug', 'août', 'ago', 'sie', 'ağu'],
      ['sep', 'sept.', 'set', 'wrz', 'eyl'],
      ['oct', 'okt', 'out', 'paź', 'ott', 'eki'],
      ['nov', 'lis', 'kas'],
      ['dec', 'dez', 'déc.', 'dic', 'gru', 'des', 'ara'],
    ];
    months.forEach((names, index) => {
      for (const name of names) {
        expect(parseConnectedOn(`01 ${name} 2024`), name).toBe(`2024-${String(index + 1).padStart(2, '0')}-01`);
      }
    });
  });
});

describe('normalizing rows', () => {
  const csv = (...rows: string[][]) =>
    [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ...rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')),
    ].join('\n');

  it('keeps a date it cannot read as written, in connectedOnText, never in connectedOn', () => {
    const { rows } = parseConnectionsCsv(
      csv(
        ['Ann', 'A', 'https://www.linkedin.com/in/ann/', '', '', '', 'gisteren'],
        ['Ben', 'B', 'https://www.linkedin.com/in/ben/', '', '', '', ''],
        ['Cas', 'C', 'https://www.linkedin.com/in/cas/', '', '', '', '09 okt 2024'],
        ['Dee', 'D', 'https://www.linkedin.com/in/dee/', '', '', '', 'x'.repeat(300)],
      ),
    );
    expect(rows.map((r) => [r.connectedOn, r.connectedOnText])).toEqual([
      ['', 'gisteren'],
      ['', ''],
      ['2024-10-09', ''],
      ['', 'x'.repeat(100)],
    ]);
  });

  it('cuts long texts to the limits, never inside a character', () => {
    const emoji = '😀'.repeat(300); // 600 UTF-16 code units
    const { rows } = parseConnectionsCsv(
      csv(['A'.repeat(150), 'B'.repeat(150), '', '', 'C'.repeat(250), `x${emoji}`, '09 Oct 2024']),
    );
    const [row] = rows;
    expect(row!.name).toBe(`${'A'.repeat(150)} ${'B'.repeat(49)}`);
    expect(row!.company).toBe('C'.repeat(200));
    // 500 would split the 250th emoji in two: the cut stops before it.
    expect(row!.position).toBe(`x${'😀'.repeat(249)}`);
    expect(row!.position.length).toBe(499);
  });

  it('skips a row whose name is nothing but accents and that has no URL, and says why', () => {
    const { rows, skipped } = parseConnectionsCsv(csv(['\u0301', '', '', '', '', '', '']));
    expect(rows).toEqual([]);
    expect(skipped).toEqual([{ line: 2, reason: 'no name and no profile URL' }]);
  });

  // Hostile inputs (helper "hostile").
  it('refuses a file where a quote is never closed, naming the line, instead of storing the rest as one name', () => {
    const text = [
      'Notes:',
      '"When exporting your connection data…"',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Anna,Vries,https://www.linkedin.com/in/anna,,Flexa,Head,09 Oct 2024',
      '"Bram,Janssen,https://www.linkedin.com/in/bram,,Timewise,Researcher,21 Mar 2023',
      'Chloé,Martin,https://www.linkedin.com/in/chloe,,Purpose,Founder,01 Jan 2020',
    ].join('\r\n');
    expect(() => parseConnectionsCsv(text)).toThrow(
      'Line 6 of this Connections.csv opens a quote (") that is never closed, so the rows after it cannot be read. Nothing was changed.',
    );
    // Quoted, with a line break in it and the quote closed: read.
    const closed = text.replace(
      '"Bram,Janssen,https://www.linkedin.com/in/bram,,Timewise,',
      'Bram,Janssen,https://www.linkedin.com/in/bram,,"Timewise\r\nLtd",',
    );
    expect(parseConnectionsCsv(closed).rows.map((row) => [row.line, row.name, row.company])).toEqual([
      [5, 'Anna Vries', 'Flexa'],
      [6, 'Bram Janssen', 'Timewise Ltd'],
      [8, 'Chloé Martin', 'Purpose'],
    ]);
  });

  it('drops NUL and other control characters from the cells it stores', () => {
    const { rows } = parseConnectionsCsv(
      csv(['Ja\0ne', 'D\x1boe', 'https://www.linkedin.com/in/jane', '', 'Ac\0me\x7f', '\0Boss', '\x0009 Oct 2024']),
    );
    expect(rows).toMatchObject([
      { name: 'Jane Doe', company: 'Acme', position: 'Boss', connectedOn: '2024-10-09', connectedOnText: '' },
    ]);
  });

  it('says that a file saved as UTF-16 is one, not just that it has no header', () => {
    const text = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nJane,Doe,,,,,\r\n';
    // As the page reads a file: as UTF-8. Excel's "Unicode text" is UTF-16, little-endian with a BOM.
    const utf16le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    const utf16be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [0, c.charCodeAt(0)])]);
    for (const bytes of [utf16le, utf16be]) {
      expect(() => parseConnectionsCsv(new TextDecoder().decode(bytes))).toThrow(
        'This file is saved as UTF-16 (“Unicode text”), not as LinkedIn’s Connections.csv is. Import the Connections.csv from LinkedIn’s download as it is, or save it as “CSV UTF-8”.',
      );
    }
  });
});
