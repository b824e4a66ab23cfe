import * as v from 'valibot';
import { type Contact, LIMITS, isNameOnlyId, isValidContactId, tagField } from '../model/contact';
import { Color, Dimension, MemberId, TagId, TagLabel, describeIssues, text } from './fields';
import { profileIdFromUrl, profileUrl } from '../model/profile-url';
import { DEFAULT_TAXONOMY, TAG_LIMITS, type Tag } from '../model/taxonomy';
import { FILE_VERSION } from './export-format';

/**
 * Reading a Kindred export file. The whole file is checked before anything touches the database; a
 * problem is reported with its path ("contacts[3].purposes[0]") and reason.
 */

const MAX_IMPORT_CONTACTS = 50_000;
const MAX_TAGS = 500;

export class ImportFileError extends Error {}

const optionalText = (max: number) => v.optional(text(max), '');
const Timestamp = v.pipe(v.string(), v.isoTimestamp('must be a date and time like 2026-11-22T10:00:00.000Z'));
const OptionalTimestamp = v.optional(v.union([v.literal(''), Timestamp], 'must be a date and time or empty'), '');
const TagIds = v.pipe(
  v.array(TagId),
  v.maxLength(MAX_TAGS, `must have at most ${MAX_TAGS} tags`),
  v.transform((ids) => [...new Set(ids)]),
);

const TagSchema = v.strictObject({
  id: TagId,
  dimension: Dimension,
  label: TagLabel,
  description: optionalText(TAG_LIMITS.description),
  color: v.optional(Color, '#4a5568'),
  order: v.optional(v.pipe(v.number(), v.integer('must be a whole number')), 0),
  archived: v.optional(v.boolean(), false),
});

const ContactSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.check(isValidContactId, 'must be a LinkedIn profile id (the /in/… part of the URL)')),
    url: optionalText(LIMITS.url),
    name: optionalText(LIMITS.name),
    headline: optionalText(LIMITS.headline),
    company: optionalText(LIMITS.company),
    location: optionalText(LIMITS.location),
    purposes: v.optional(TagIds, []),
    relationships: v.optional(TagIds, []),
    note: optionalText(LIMITS.note),
    createdAt: OptionalTimestamp,
    updatedAt: OptionalTimestamp,
    lastSeenAt: OptionalTimestamp,
    connectedOn: v.optional(v.pipe(v.string(), v.isoDate('must be a date like 2024-10-09'))),
    source: v.optional(text(40)),
    memberId: v.optional(MemberId),
  }),
  v.forward(
    v.check((c) => c.url === '' || profileIdFromUrl(c.url) === c.id, 'must be the LinkedIn profile URL of this id'),
    ['url'],
  ),
);

const FileV1Schema = v.strictObject({
  format: v.literal('kindred', 'must be "kindred"'),
  version: v.literal(FILE_VERSION),
  exportedAt: v.optional(OptionalTimestamp, ''),
  taxonomy: v.optional(v.pipe(v.array(TagSchema), v.maxLength(MAX_TAGS, `must have at most ${MAX_TAGS} tags`)), []),
  contacts: v.pipe(
    v.array(ContactSchema),
    v.maxLength(MAX_IMPORT_CONTACTS, `must have at most ${MAX_IMPORT_CONTACTS} contacts`),
  ),
});

/** What an import applies: the file with every default filled in and every reference checked. */
export interface ImportData {
  taxonomy: Tag[];
  contacts: Contact[];
}

/** Parses and checks a Kindred export's text. Throws ImportFileError with a message for people. */
export function parseKindredFile(textContent: string, now: string): ImportData {
  const trimmed = textContent.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') throw new ImportFileError('The file is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch (error) {
    if (/^(first name|notes:)/i.test(trimmed) || /^[^{[]*,.*\n/.test(trimmed)) {
      throw new ImportFileError(
        'This looks like a CSV file, not a Kindred export. LinkedIn’s Connections.csv is imported with “Import LinkedIn connections”.',
      );
    }
    throw new ImportFileError(
      `This is not a Kindred export: the file is not valid JSON (${(error as Error).message}).`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ImportFileError('This is not a Kindred export: it should be a JSON object with "format": "kindred".');
  }
  const head = raw as Record<string, unknown>;
  if (head.format !== 'kindred') {
    throw new ImportFileError('This is not a Kindred export: "format" should be "kindred".');
  }
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    throw new ImportFileError('This Kindred export has no valid "version".');
  }
  if (head.version > FILE_VERSION) {
    throw new ImportFileError(
      `This file was made by a newer Kindred (format version ${head.version}); update Kindred to import it.`,
    );
  }
  const parsed = v.safeParse(FileV1Schema, upgradeToCurrent(raw));
  if (!parsed.success) throw new ImportFileError(`The file has problems: ${describeIssues(parsed.issues)}.`);
  return checkReferences(parsed.output, now);
}

/**
 * Older export versions, upgraded one step at a time. Version 1 is the first; when version 2 comes,
 * add `if (file.version === 1) file = fromV1(file)` here and keep version 1 test files importing.
 */
function upgradeToCurrent(file: unknown): unknown {
  return file;
}

function checkReferences(file: v.InferOutput<typeof FileV1Schema>, now: string): ImportData {
  const problems: string[] = [];
  const taxonomy = new Map<string, Tag>();
  file.taxonomy.forEach((tag, index) => {
    if (taxonomy.has(tag.id)) problems.push(`taxonomy[${index}].id: duplicate tag id "${tag.id}"`);
    taxonomy.set(tag.id, tag);
  });
  // A file without a taxonomy still refers to the default tags.
  const known = new Map<string, Tag>(DEFAULT_TAXONOMY.map((tag) => [tag.id, tag]));
  for (const tag of taxonomy.values()) known.set(tag.id, tag);

  const seen = new Map<string, number>();
  const contacts: Contact[] = [];
  file.contacts.forEach((contact, index) => {
    const first = seen.get(contact.id);
    if (first !== undefined) {
      problems.push(`contacts[${index}].id: duplicate contact "${contact.id}" (also contacts[${first}])`);
    }
    seen.set(contact.id, index);
    for (const dimension of ['purpose', 'relationship'] as const) {
      const field = tagField(dimension);
      contact[field].forEach((tagId, tagIndex) => {
        const tag = known.get(tagId);
        if (!tag) problems.push(`contacts[${index}].${field}[${tagIndex}]: unknown tag id "${tagId}"`);
        else if (tag.dimension !== dimension) {
          problems.push(`contacts[${index}].${field}[${tagIndex}]: "${tagId}" is a ${tag.dimension} tag`);
        }
      });
    }
    const createdAt = contact.createdAt || contact.updatedAt || now;
    contacts.push({
      ...contact,
      url: isNameOnlyId(contact.id) ? '' : profileUrl(contact.id),
      createdAt,
      updatedAt: contact.updatedAt || createdAt,
    });
  });
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new ImportFileError(`The file has problems: ${problems.slice(0, 3).join('; ')}${more}.`);
  }
  // Tags referred to but not listed come from the defaults, so the database always knows every tag in use.
  const used = new Set(contacts.flatMap((c) => [...c.purposes, ...c.relationships]));
  for (const id of used) if (!taxonomy.has(id)) taxonomy.set(id, { ...known.get(id)! });
  return { taxonomy: [...taxonomy.values()], contacts };
}
