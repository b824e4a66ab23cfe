import * as v from 'valibot';
import { type Contact, contactUrl, tagField } from '../model/contact';
import { Color, Dimension, TagId, TagLabel, TagRhythm, describeIssues, issueMessage, issuePath, text } from './fields';
import { DEFAULT_TAXONOMY, TAG_LIMITS, type Tag } from '../model/taxonomy';
import { FILE_VERSION } from './export-format';
import { FileContact, MAX_TAGS, repairContact } from './contact-record';
import { BalanceSnapshots, PurposeStatement } from './review-fields';
import type { BalanceSnapshot } from '../model/balance-history';

/**
 * Reading a Kindred export file. The whole file is checked before anything touches the database. A
 * problem with the file itself (not JSON, wrong version, a bad tag) refuses it; a problem with one
 * contact is reported with the contact's place in the file, its field and the reason, so the person
 * can choose to import the valid contacts or nothing.
 */

const MAX_IMPORT_CONTACTS = 50_000;

export class ImportFileError extends Error {}

const optionalText = (max: number) => v.optional(text(max), '');
const OptionalTimestamp = v.optional(
  v.union(
    [v.literal(''), v.pipe(v.string(), v.isoTimestamp())],
    'must be a date and time like 2026-11-22T10:00:00.000Z, or empty',
  ),
  '',
);

const TagSchema = v.strictObject({
  id: TagId,
  dimension: Dimension,
  label: TagLabel,
  description: optionalText(TAG_LIMITS.description),
  color: v.optional(Color, '#4a5568'),
  order: v.optional(v.pipe(v.number(), v.integer('must be a whole number')), 0),
  archived: v.optional(v.boolean(), false),
  rhythmDays: v.optional(TagRhythm),
});

/**
 * The current version's file around its contacts; each contact is checked on its own (`FileContact`).
 * A later Kindred adds optional fields to FileContact (lib/formats/contact-record.ts) and, when the
 * shape changes incompatibly, a new version with its upgrade step below.
 */
const FileSchema = v.strictObject({
  format: v.literal('kindred', 'must be "kindred"'),
  version: v.literal(FILE_VERSION),
  exportedAt: OptionalTimestamp,
  taxonomy: v.optional(v.pipe(v.array(TagSchema), v.maxLength(MAX_TAGS, `must have at most ${MAX_TAGS} tags`)), []),
  // Optional in version 2 (issue 16): the professional purpose and the monthly balance snapshots.
  purposeStatement: v.optional(PurposeStatement),
  snapshots: v.optional(BalanceSnapshots),
  contacts: v.pipe(
    v.array(v.unknown(), 'must be a list of contacts'),
    v.maxLength(MAX_IMPORT_CONTACTS, `must have at most ${MAX_IMPORT_CONTACTS} contacts`),
  ),
});

/** What an import applies: the file with every default filled in and every reference checked. */
export interface ImportData extends FileExtras {
  taxonomy: Tag[];
  contacts: Contact[];
}

/** What a file holds besides tags and contacts (issue 16), when it holds it. */
export interface FileExtras {
  purposeStatement?: string;
  snapshots?: BalanceSnapshot[];
}

/** One contact of a file that cannot be imported: where it is, who it is (as far as known) and why. */
export interface RecordProblem {
  /** 0-based place in the file's `contacts`. */
  index: number;
  /** The contact's id and name when the file gives them as text, else ''. */
  id: string;
  name: string;
  /** Which field ('' for the whole record) and why: `{ field: 'headline', reason: 'must be at most 500 characters' }`. */
  problems: Array<{ field: string; reason: string }>;
}

/** A checked file: the valid contacts ready to apply, and the ones that are not. */
export interface KindredFileContents extends ImportData {
  invalid: RecordProblem[];
}

/** How many problems a message names before "and N more". */
const PROBLEMS_NAMED = 3;

/**
 * Parses and checks a Kindred export's text, all or nothing: any invalid contact refuses the file.
 * Throws ImportFileError with a message for people.
 */
export function parseKindredFile(textContent: string, now: string): ImportData {
  const { invalid, ...data } = readKindredFile(textContent, now);
  if (invalid.length > 0) throw new ImportFileError(describeInvalid(invalid));
  return data;
}

/** "The file has problems: contacts[3].headline: must be …; … (and 4 more). Nothing was changed." */
export function describeInvalid(invalid: readonly RecordProblem[]): string {
  const all = invalid.flatMap((record) =>
    record.problems.map(({ field, reason }) => `contacts[${record.index}]${field ? `.${field}` : ''}: ${reason}`),
  );
  const more = all.length > PROBLEMS_NAMED ? ` (and ${all.length - PROBLEMS_NAMED} more)` : '';
  return `The file has problems: ${all.slice(0, PROBLEMS_NAMED).join('; ')}${more}. Nothing was changed.`;
}

/**
 * Parses and checks a Kindred export's text. Throws ImportFileError when the file as a whole cannot be
 * read; returns the valid contacts and, separately, every contact that cannot be imported and why.
 */
export function readKindredFile(textContent: string, now: string): KindredFileContents {
  const trimmed = textContent.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') throw new ImportFileError('The file is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch (error) {
    throw notJson(trimmed, error);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw NOT_AN_OBJECT();
  const { contacts, ...rest } = raw as Record<string, unknown>;
  const head = readHead(
    Array.isArray(contacts) ? { ...rest, contacts: [] } : (raw as Record<string, unknown>),
    contactCount(contacts),
  );
  if (!Array.isArray(contacts))
    throw new ImportFileError('The file has problems: contacts: must be a list of contacts. Nothing was changed.');
  const checker = new ContactChecker(head, now);
  const valid: Contact[] = [];
  contacts.forEach((record, index) => {
    const checked = checker.check(record, index);
    if ('problems' in checked) return;
    valid.push(checked);
  });
  return { ...fileExtras(head), taxonomy: checker.taxonomy(), contacts: valid, invalid: checker.invalid };
}

/** The message for a text that is not JSON: a CSV file gets a pointer to the right import. */
export function notJson(trimmed: string, error: unknown): ImportFileError {
  if (/^(first name|notes:)/i.test(trimmed) || looksLikeCsv(trimmed)) {
    return new ImportFileError(
      'This looks like a CSV file, not a Kindred export. LinkedIn’s Connections.csv is imported with “Import LinkedIn connections”.',
    );
  }
  return new ImportFileError(`This is not a Kindred export: the file is not valid JSON (${(error as Error).message}).`);
}

/**
 * A comma before any `{` or `[`, on a line that a line break ends. Found in one pass: the regular
 * expression it replaces (/^[^{[]*,.*\n/) took minutes on a megabyte of commas without a line break.
 */
function looksLikeCsv(text: string): boolean {
  const comma = text.indexOf(',');
  if (comma < 0 || /[{[]/.test(text.slice(0, comma))) return false;
  return text.indexOf('\n', comma) >= 0;
}

export const NOT_AN_OBJECT = () =>
  new ImportFileError('This is not a Kindred export: it should be a JSON object with "format": "kindred".');

function contactCount(contacts: unknown): number {
  return Array.isArray(contacts) ? contacts.length : 0;
}

/** What the file says besides its contacts, checked: the version its contacts are in and its tags. */
export interface FileHead extends FileExtras {
  version: number;
  taxonomy: Tag[];
}

/** The head's optional extras, only those the file has. */
export function fileExtras(head: FileExtras): FileExtras {
  return {
    ...(head.purposeStatement !== undefined ? { purposeStatement: head.purposeStatement } : {}),
    ...(head.snapshots !== undefined ? { snapshots: head.snapshots } : {}),
  };
}

/**
 * Checks everything of a file but its contacts: `head` is the file's object with `contacts` emptied
 * (or absent when the file has none), `count` how many contacts it has.
 */
export function readHead(head: Record<string, unknown>, count: number): FileHead {
  if (head.format !== 'kindred') {
    throw new ImportFileError('This is not a Kindred export: "format" should be "kindred".');
  }
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    throw new ImportFileError('This Kindred export has no valid "version".');
  }
  if (head.version > FILE_VERSION) {
    throw new ImportFileError(
      `This file was made by a newer Kindred (format version ${head.version}). Update Kindred to import it. Nothing was changed.`,
    );
  }
  if (count > MAX_IMPORT_CONTACTS) throw tooManyContacts();
  const parsed = v.safeParse(FileSchema, upgradeToCurrent(head, head.version));
  if (!parsed.success) {
    throw new ImportFileError(`The file has problems: ${describeIssues(parsed.issues)}. Nothing was changed.`);
  }
  const taxonomy = new Map<string, Tag>();
  const duplicateTags: string[] = [];
  parsed.output.taxonomy.forEach((tag, index) => {
    if (taxonomy.has(tag.id)) duplicateTags.push(`taxonomy[${index}].id: duplicate tag id "${tag.id}"`);
    taxonomy.set(tag.id, tag);
  });
  if (duplicateTags.length > 0) {
    throw new ImportFileError(
      `The file has problems: ${duplicateTags.slice(0, PROBLEMS_NAMED).join('; ')}. Nothing was changed.`,
    );
  }
  return { version: head.version, taxonomy: [...taxonomy.values()], ...fileExtras(parsed.output) };
}

export const tooManyContacts = () =>
  new ImportFileError(
    `The file has problems: contacts: must have at most ${MAX_IMPORT_CONTACTS} contacts. Nothing was changed.`,
  );
export { MAX_IMPORT_CONTACTS };

/**
 * Each older version's step to the next; a file is upgraded one step at a time up to FILE_VERSION, so
 * a version 1 file keeps importing however many versions come after it.
 */
const UPGRADES: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {
  1: (file) => ({ ...file, version: 2 }),
};

/**
 * Each older version's step for one contact. Version 1 files could hold what Kindred 1's Connections.csv
 * import stored unchecked: empty or written-out connection dates, over-long texts and name-only ids.
 * They are repaired as that import does today (`repairContact`), so an old backup restores. Texts are cut
 * only on contacts that came from that import: anything else over a limit was not written by Kindred
 * and is refused.
 */
const CONTACT_UPGRADES: Record<number, (contact: unknown) => unknown> = {
  1: (contact) => {
    if (typeof contact !== 'object' || contact === null || Array.isArray(contact)) return contact;
    const record = contact as Record<string, unknown>;
    return repairContact(record, { cutTexts: record.source === 'linkedin-connections' });
  },
};

function upgradeContact(contact: unknown, version: number): unknown {
  let upgraded = contact;
  for (let at = version; at < FILE_VERSION; at++) upgraded = CONTACT_UPGRADES[at]!(upgraded);
  return upgraded;
}

function upgradeToCurrent(file: Record<string, unknown>, version: number): Record<string, unknown> {
  let upgraded = file;
  for (let at = version; at < FILE_VERSION; at++) upgraded = UPGRADES[at]!(upgraded);
  return upgraded;
}

/**
 * Checks a file's contacts one at a time, in file order, against the one contact schema and the file's
 * tags (`check`); duplicates after the first are invalid. Keeps only ids and problems, never contacts,
 * so a file of any size can be checked as it arrives.
 */
export class ContactChecker {
  readonly invalid: RecordProblem[] = [];
  /** Valid contacts, counted. */
  valid = 0;
  private readonly seen = new Map<string, number>();
  private readonly fileTags: Map<string, Tag>;
  private readonly known: Map<string, Tag>;
  private readonly used = new Set<string>();

  constructor(
    private readonly head: FileHead,
    private readonly now: string,
  ) {
    this.fileTags = new Map(head.taxonomy.map((tag) => [tag.id, tag]));
    // A file without a taxonomy still refers to the default tags.
    this.known = new Map<string, Tag>(DEFAULT_TAXONOMY.map((tag) => [tag.id, tag]));
    for (const tag of this.fileTags.values()) this.known.set(tag.id, tag);
  }

  /** The contact as it is imported, or why it cannot be (also kept in `invalid`). */
  check(raw: unknown, index: number): Contact | RecordProblem {
    const upgraded = this.head.version < FILE_VERSION ? upgradeContact(raw, this.head.version) : raw;
    const record = (typeof upgraded === 'object' && upgraded !== null ? upgraded : {}) as Record<string, unknown>;
    const who = {
      index,
      id: typeof record.id === 'string' ? record.id.slice(0, 250) : '',
      name: typeof record.name === 'string' ? record.name.slice(0, 200) : '',
    };
    const parsed = v.safeParse(FileContact, upgraded);
    if (!parsed.success) {
      return this.refuse({
        ...who,
        problems: parsed.issues.map((issue) => ({ field: issuePath(issue), reason: issueMessage(issue) })),
      });
    }
    const contact = parsed.output;
    const problems: RecordProblem['problems'] = [];
    const first = this.seen.get(contact.id);
    if (first !== undefined) {
      problems.push({ field: 'id', reason: `duplicate contact "${contact.id}" (also contacts[${first}])` });
    }
    for (const dimension of ['purpose', 'relationship'] as const) {
      const field = tagField(dimension);
      contact[field].forEach((tagId, tagIndex) => {
        const tag = this.known.get(tagId);
        const at = `${field}[${tagIndex}]`;
        if (!tag) problems.push({ field: at, reason: `unknown tag id "${tagId}"` });
        else if (tag.dimension !== dimension)
          problems.push({ field: at, reason: `"${tagId}" is a ${tag.dimension} tag` });
      });
    }
    if (problems.length > 0) return this.refuse({ ...who, problems });
    this.seen.set(contact.id, index);
    this.valid++;
    for (const id of contact.purposes) this.used.add(id);
    for (const id of contact.relationships) this.used.add(id);
    const createdAt = contact.createdAt || contact.updatedAt || this.now;
    return { ...contact, url: contactUrl(contact.id), createdAt, updatedAt: contact.updatedAt || createdAt };
  }

  /** The ids of the valid contacts (for a replace import's count of removed contacts). */
  ids(): IterableIterator<string> {
    return this.seen.keys();
  }

  /** The file's tags, and the default tags its valid contacts use without listing them. */
  taxonomy(): Tag[] {
    const taxonomy = new Map(this.fileTags);
    for (const id of this.used) if (!taxonomy.has(id)) taxonomy.set(id, { ...this.known.get(id)! });
    return [...taxonomy.values()];
  }

  private refuse(problem: RecordProblem): RecordProblem {
    this.invalid.push(problem);
    return problem;
  }
}
