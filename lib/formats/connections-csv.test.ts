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
  ])('%j → %j', (value, date) => {
    expect(parseConnectedOn(value)).toBe(date);
  });
});
