import Papa from 'papaparse';
import { profileIdFromUrl } from '../model/profile-url';
// fold also takes the stray tabs LinkedIn's export sometimes has.
import { fold } from '../model/text';

/**
 * LinkedIn's Connections.csv from "Get a copy of your data", in both known shapes:
 * - current: a "Notes:" preamble, a blank line, then
 *   `First Name,Last Name,URL,Email Address,Company,Position,Connected On` with dates like `09 Oct 2024`;
 * - older: no preamble, no URL column, dates like `1/8/18, 6:14 PM`.
 */

export interface ConnectionRow {
  /** 1-based line in the file, for messages. */
  line: number;
  name: string;
  /** The profile id from the URL column, or null when the row has none. */
  id: string | null;
  company: string;
  position: string;
  /** YYYY-MM-DD, or '' when the date could not be read. */
  connectedOn: string;
}

export interface SkippedRow {
  line: number;
  reason: string;
}

export class ConnectionsFileError extends Error {}

const REQUIRED = ['First Name', 'Last Name', 'Company', 'Position', 'Connected On'] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parseConnectionsCsv(text: string): { rows: ConnectionRow[]; skipped: SkippedRow[] } {
  const content = text.replace(/^\uFEFF/, '');
  const lines = content.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((line) => /^\s*"?First Name"?\s*,\s*"?Last Name"?/i.test(line));
  if (headerIndex < 0 || headerIndex > 50) {
    if (/^\s*[{[]/.test(content)) {
      throw new ConnectionsFileError(
        'This looks like a JSON file, not LinkedIn’s Connections.csv. Kindred exports are imported with “Import Kindred file”.',
      );
    }
    throw new ConnectionsFileError(
      'This is not LinkedIn’s Connections.csv: no "First Name,Last Name,…" header was found. In LinkedIn, use Settings → Data privacy → Get a copy of your data → Connections.',
    );
  }
  const parsed = Papa.parse<Record<string, string>>(lines.slice(headerIndex).join('\n'), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => fold(header),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((column) => !fields.includes(column));
  if (missing.length > 0) {
    throw new ConnectionsFileError(
      `This Connections.csv lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
    );
  }

  const rows: ConnectionRow[] = [];
  const skipped: SkippedRow[] = [];
  // Papa reports rows without line numbers; the header is at headerIndex, so row i sits on a later line.
  const lineOf = lineCounter(lines, headerIndex);
  parsed.data.forEach((record, index) => {
    const line = lineOf(index);
    const name = fold(`${record['First Name'] ?? ''} ${record['Last Name'] ?? ''}`);
    const url = fold(record.URL ?? '');
    const id = url ? profileIdFromUrl(url) : null;
    if (!name && !id) return skipped.push({ line, reason: 'no name and no profile URL' });
    if (url && !id) return skipped.push({ line, reason: `"${url.slice(0, 80)}" is not a LinkedIn profile URL` });
    rows.push({
      line,
      name,
      id,
      company: fold(record.Company ?? ''),
      position: fold(record.Position ?? ''),
      connectedOn: parseConnectedOn(record['Connected On'] ?? ''),
    });
  });
  return { rows, skipped };
}

/** "09 Oct 2024" or "1/8/18, 6:14 PM" (month/day/year) → "2024-10-09". */
export function parseConnectedOn(value: string): string {
  const text = fold(value);
  const named = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(text);
  if (named) return isoDate(Number(named[3]), MONTHS.indexOf(named[2]!.toLowerCase()) + 1, Number(named[1]));
  const numeric = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,.*)?$/.exec(text);
  if (numeric) {
    const year = Number(numeric[3]);
    return isoDate(year < 100 ? 2000 + year : year, Number(numeric[1]), Number(numeric[2]));
  }
  return '';
}

function isoDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return '';
  return date.toISOString().slice(0, 10);
}

/**
 * Maps a data row's index to its line in the file. Quoted fields can span lines, so count record
 * starts the way the parser does: only newlines outside quotes end a record.
 */
function lineCounter(lines: string[], headerIndex: number): (index: number) => number {
  const starts: number[] = [];
  let inQuotes = false;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    // The parser skips lines with nothing but separators and spaces ("greedy"); so does this count.
    if (!inQuotes && !/^[\s,]*$/.test(line)) starts.push(i + 1);
    for (const char of line) if (char === '"') inQuotes = !inQuotes;
  }
  return (index) => starts[index] ?? headerIndex + 2 + index;
}
