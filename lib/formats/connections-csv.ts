import Papa from 'papaparse';
import { LIMITS, normalizeName } from '../model/contact';
import { profileIdFromUrl } from '../model/profile-url';
// fold also takes the stray tabs LinkedIn's export sometimes has.
import { cutText, fold } from '../model/text';

/**
 * LinkedIn's Connections.csv from "Get a copy of your data", in both known shapes:
 * - current: a "Notes:" preamble, a blank line, then
 *   `First Name,Last Name,URL,Email Address,Company,Position,Connected On` with dates like `09 Oct 2024`;
 * - older: no preamble, no URL column, dates like `1/8/18, 6:14 PM`.
 * Every value comes out the way Kindred stores it (texts cut to LIMITS, dates as YYYY-MM-DD), so a row
 * that is read is a row the Kindred JSON import accepts again after an export.
 */

export interface ConnectionRow {
  /** 1-based line in the file, for messages. */
  line: number;
  /** At most LIMITS.name characters; the other texts are cut to their limits too. */
  name: string;
  /** The profile id from the URL column, or null when the row has none. */
  id: string | null;
  company: string;
  position: string;
  /** YYYY-MM-DD, or '' when the cell was empty or could not be read. */
  connectedOn: string;
  /** The cell as written when it is not empty and could not be read as a date; '' otherwise. */
  connectedOnText: string;
}

export interface SkippedRow {
  line: number;
  reason: string;
}

export class ConnectionsFileError extends Error {}

/** The most connections a Connections.csv may hold: LinkedIn allows 30,000, plus a margin. */
export const MAX_CONNECTIONS = 35_000;

const REQUIRED = ['First Name', 'Last Name', 'Company', 'Position', 'Connected On'] as const;
/** The columns Kindred reads, by their names in LinkedIn's file, found whatever their case ("first name"). */
const COLUMNS = new Map([...REQUIRED, 'URL'].map((column) => [column.toLowerCase(), column]));

export function parseConnectionsCsv(text: string): { rows: ConnectionRow[]; skipped: SkippedRow[] } {
  const content = text.replace(/^\uFEFF/, '');
  const lines = content.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((line) => /^\s*"?First Name"?\s*,\s*"?Last Name"?/i.test(line));
  if (headerIndex < 0 || headerIndex > 50) {
    // "F\0i\0r\0s\0t\0": UTF-16 (Excel's "Unicode text") read as UTF-8, as browsers read files.
    if (/^[^\n]{0,8}?(?:[^\0]\0){4}/.test(content) || /^[^\n]{0,8}?(?:\0[^\0]){4}/.test(content)) {
      throw new ConnectionsFileError(
        'This file is saved as UTF-16 (“Unicode text”), not as LinkedIn’s Connections.csv is. Import the Connections.csv from LinkedIn’s download as it is, or save it as “CSV UTF-8”.',
      );
    }
    if (/^\s*[{[]/.test(content)) {
      throw new ConnectionsFileError(
        'This looks like a JSON file, not LinkedIn’s Connections.csv. Kindred exports are imported with “Import Kindred file”.',
      );
    }
    throw new ConnectionsFileError(
      'This is not LinkedIn’s Connections.csv: no "First Name,Last Name,…" header was found. In LinkedIn, use Settings → Data privacy → Get a copy of your data → Connections.',
    );
  }
  const csv = lines.slice(headerIndex).join('\n');
  const parsed = Papa.parse<Record<string, string>>(csv, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => COLUMNS.get(fold(header).toLowerCase()) ?? fold(header),
  });
  // A quote that never closes swallows every later row into one cell: refuse rather than store that.
  const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    const line = headerIndex + 1 + (csv.slice(0, unclosed.index ?? 0).match(/\n/g)?.length ?? 0);
    throw new ConnectionsFileError(
      `Line ${line} of this Connections.csv opens a quote (") that is never closed, so the rows after it cannot be read. Nothing was changed.`,
    );
  }
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
    const name = cutText(clean(`${record['First Name'] ?? ''} ${record['Last Name'] ?? ''}`), LIMITS.name);
    const url = fold(record.URL ?? '');
    const id = url ? profileIdFromUrl(url) : null;
    // A name of nothing but accents or symbols normalizes to nothing: it cannot be a name-only id.
    if (!id && !url && !normalizeName(name)) return skipped.push({ line, reason: 'no name and no profile URL' });
    if (url && !id) {
      return skipped.push({ line, reason: `"${cutText(url, 80)}" is not a LinkedIn profile URL` });
    }
    const connected = clean(record['Connected On'] ?? '');
    const connectedOn = parseConnectedOn(connected);
    rows.push({
      line,
      name,
      id,
      company: cutText(clean(record.Company ?? ''), LIMITS.company),
      position: cutText(clean(record.Position ?? ''), LIMITS.headline),
      connectedOn,
      connectedOnText: connectedOn ? '' : cutText(connected, LIMITS.connectedOnText),
    });
  });
  if (rows.length > MAX_CONNECTIONS) {
    throw new ConnectionsFileError(
      `This file has ${rows.length} connections; Kindred imports at most ${MAX_CONNECTIONS} (LinkedIn allows 30,000). Nothing was changed.`,
    );
  }
  return { rows, skipped };
}

/** A cell's text as stored: control characters (a NUL, an escape) dropped, white space folded. */
function clean(cell: string): string {
  // eslint-disable-next-line no-control-regex
  return fold(cell.replace(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/g, ''));
}

/**
 * Month names and abbreviations in the languages LinkedIn exports in, folded (lower case, no accents, no
 * dots), each listed at its month: "okt" (Dutch, German, Swedish), "out" (Portuguese), "paz" (Polish
 * "paź"). No token means two months in two languages, so one table serves every language.
 */
const MONTH_NAMES: readonly string[][] = [
  // en, nl, de, fr, es, pt, pl (nominative and genitive), it, sv/da/no, tr
  [
    'jan',
    'january',
    'januari',
    'januar',
    'janv',
    'janvier',
    'ene',
    'enero',
    'janeiro',
    'sty',
    'styczen',
    'stycznia',
    'gen',
    'gennaio',
    'oca',
    'ocak',
  ],
  [
    'feb',
    'february',
    'februari',
    'februar',
    'fevr',
    'fevrier',
    'febrero',
    'fev',
    'fevereiro',
    'lut',
    'luty',
    'lutego',
    'febbraio',
    'sub',
    'subat',
  ],
  ['mar', 'march', 'maart', 'mrt', 'marz', 'maerz', 'mars', 'marzo', 'marco', 'marzec', 'marca', 'mart'],
  ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'kwi', 'kwiecien', 'kwietnia', 'aprile', 'nis', 'nisan'],
  ['may', 'mei', 'mai', 'mayo', 'maio', 'maj', 'maja', 'mag', 'maggio', 'mayis'],
  ['jun', 'june', 'juni', 'juin', 'junio', 'junho', 'cze', 'czerwiec', 'czerwca', 'giu', 'giugno', 'haz', 'haziran'],
  [
    'jul',
    'july',
    'juli',
    'juil',
    'juillet',
    'julio',
    'julho',
    'lip',
    'lipiec',
    'lipca',
    'lug',
    'luglio',
    'tem',
    'temmuz',
  ],
  ['aug', 'august', 'augustus', 'aout', 'ago', 'agosto', 'sie', 'sierpien', 'sierpnia', 'agu', 'agustos'],
  [
    'sep',
    'sept',
    'september',
    'septembre',
    'septiembre',
    'set',
    'setembro',
    'wrz',
    'wrzesien',
    'wrzesnia',
    'settembre',
    'eyl',
    'eylul',
  ],
  [
    'oct',
    'october',
    'okt',
    'oktober',
    'octobre',
    'octubre',
    'out',
    'outubro',
    'paz',
    'pazdziernik',
    'pazdziernika',
    'ott',
    'ottobre',
    'eki',
    'ekim',
  ],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro', 'lis', 'listopad', 'listopada', 'kas', 'kasim'],
  [
    'dec',
    'december',
    'dez',
    'dezember',
    'dec',
    'decembre',
    'dic',
    'diciembre',
    'dezembro',
    'gru',
    'grudzien',
    'grudnia',
    'dicembre',
    'des',
    'desember',
    'ara',
    'aralik',
  ],
];
const MONTH_OF = new Map(MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));

/** Lower case, accents off ("paź" → "paz", "févr." → "févr" → "fevr"), dotless i and ł spelled out. */
function foldWord(word: string): string {
  return word.toLowerCase().replace(/ı/g, 'i').replace(/ł/g, 'l').normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * A "Connected On" cell as YYYY-MM-DD, or '' when it is empty or cannot be read for sure. Read are the
 * day-month-year forms of every export language ("09 Oct 2024", "09 okt 2024", "09 Okt. 2024",
 * "9. Oktober 2024", "09 de out. de 2024", "09 paź 2024"), the English month-first form
 * ("Oct 9, 2024"), the older export's "1/8/18, 6:14 PM" (month/day/year, unless the first number
 * cannot be a month), "09.10.2024" and "09-10-2024" (day first) and ISO "2024-10-09".
 */
export function parseConnectedOn(value: string): string {
  // A time after the date ("1/8/18, 6:14 PM") says nothing about the day.
  const text = fold(value).replace(/,?\s*\d{1,2}:\d{2}(?::\d{2})?\s*([ap]\.?m\.?)?$/i, '');
  if (!text) return '';
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (slashed) {
    const [first, second, year] = [Number(slashed[1]), Number(slashed[2]), fullYear(slashed[3]!)];
    // LinkedIn's US export writes month first; a first number over 12 can only be a day.
    return first > 12 ? isoDate(year, second, first) : isoDate(year, first, second);
  }
  const dayFirst = /^(\d{1,2})[.-](\d{1,2})[.-](\d{2}|\d{4})$/.exec(text);
  if (dayFirst) return isoDate(fullYear(dayFirst[3]!), Number(dayFirst[2]), Number(dayFirst[1]));

  // Words and numbers; "de" (Spanish, Portuguese) and "of" join them and say nothing.
  const tokens = (text.match(/[\p{L}\p{M}]+|\d+/gu) ?? [])
    .map(foldWord)
    .filter((t) => !['de', 'del', 'of'].includes(t));
  if (tokens.length !== 3) return '';
  const numbers = tokens.map((token) => (/^\d+$/.test(token) ? Number(token) : undefined));
  const month = tokens.map((token) => MONTH_OF.get(token));
  // day month year, or month day year
  if (numbers[0] !== undefined && month[1] && /^\d{4}$/.test(tokens[2]!)) {
    return isoDate(numbers[2]!, month[1], numbers[0]);
  }
  if (month[0] && numbers[1] !== undefined && /^\d{4}$/.test(tokens[2]!)) {
    return isoDate(numbers[2]!, month[0], numbers[1]);
  }
  return '';
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** The ISO date, or '' for a day that does not exist or a year no LinkedIn connection can have. */
function isoDate(year: number, month: number, day: number): string {
  if (year < 1900 || year > 2199) return '';
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return '';
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
