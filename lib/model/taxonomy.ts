/** The tag vocabulary: why a connection matters (purpose) and who the person is to me (relationship). */

import type { Translate } from './translate';

export type Dimension = 'purpose' | 'relationship';

/** Both dimensions, purposes first: the order every list of groups and filters follows. */
export const DIMENSIONS: readonly Dimension[] = ['purpose', 'relationship'];

export interface Tag {
  /** Stable, never shown: contacts and exports refer to tags by id. */
  id: string;
  dimension: Dimension;
  label: string;
  description: string;
  color: string;
  order: number;
  archived: boolean;
  /** Keep in touch: every how many days people with this tag are due (lib/model/rhythm.ts); absent: never. */
  rhythmDays?: number;
}

/** Longest tag texts, in characters: enforced by the editor, the background and the file import alike. */
export const TAG_LIMITS = {
  label: 60,
  description: 300,
} as const;

/** The one purpose that serves the employer; every other purpose serves the person's own growth. */
export const WORK_PURPOSE_ID = 'work';

/** The default tags' keep-in-touch rhythms (lib/model/rhythm.ts explains them); every other tag has none. */
export const DEFAULT_RHYTHMS: Readonly<Record<string, number>> = {
  mentor: 90,
  sponsor: 90,
  'way-shower': 180,
  peer: 60,
  client: 60,
  friend: 90,
};

// Built by a pure call so bundles that only need the helpers below (the content script) leave it out.
/**
 * The default tags in English: for tests, and where an import needs a default tag's text. The database
 * is seeded with `defaultTaxonomy(translate)` instead, in the user's language. The English texts here
 * must equal locales/en.yml's tags.* (tests/unit/locales.test.ts checks it).
 */
export const DEFAULT_TAXONOMY: readonly Tag[] = /* @__PURE__ */ defaultTaxonomy();

/**
 * The default tags, with labels and descriptions from `t` (keys `tags.<id>.label` and
 * `tags.<id>.description`, "-" in an id written "_") or in English without one. Ids, colours and
 * order never depend on the language.
 */
export function defaultTaxonomy(t?: Translate): Tag[] {
  return [
    purpose('work', 'Gets work done', 'Customers, clients and industry contacts my employer needs.', '#2b6cb0', 0),
    purpose('growth', 'Career resilience', 'People who energize, nurture and challenge me.', '#2f855a', 1),
    purpose('purpose', 'Shared purpose', 'People on the same professional mission as me.', '#975a16', 2),
    purpose('belonging', 'Belonging', 'My tribe: shared experiences, beliefs and aspirations.', '#97266d', 3),
    purpose('impact', 'Societal impact', 'Together we contribute beyond our organisations.', '#9c4221', 4),
    relationship('mentor', 'Mentor', 'Guides me with experience and advice.', '#276749', 0),
    relationship('way-shower', 'Way-shower', 'A role model who shows what is possible.', '#285e61', 1),
    relationship('peer', 'Peer', 'In my community of practice.', '#3c5a99', 2),
    relationship('colleague', 'Colleague', 'Works, or worked, with me.', '#4a5568', 3),
    relationship('client', 'Client', 'A customer or client.', '#2c5282', 4),
    relationship('industry', 'Industry contact', 'Someone in my industry.', '#553c9a', 5),
    relationship('mentee', 'Mentee', 'Someone I guide.', '#22543d', 6),
    relationship('sponsor', 'Sponsor', 'Speaks up for me where I am not in the room.', '#702459', 7),
    relationship('friend', 'Friend', 'A friend as much as a contact.', '#7b341e', 8),
  ]
    .map(withDefaultRhythm)
    .map((tag) => (t ? translated(tag, t) : tag));
}

/** The locale key of a default tag's text: `tags.way_shower.label` for "way-shower". */
export function defaultTagKey(id: string, field: 'label' | 'description'): string {
  return `tags.${id.replace(/-/g, '_')}.${field}`;
}

function translated(tag: Tag, t: Translate): Tag {
  // A missing message ('') keeps the English rather than showing an empty tag.
  const label = t(defaultTagKey(tag.id, 'label')) || tag.label;
  const description = t(defaultTagKey(tag.id, 'description')) || tag.description;
  return { ...tag, label, description };
}

function withDefaultRhythm(tag: Tag): Tag {
  const rhythmDays = DEFAULT_RHYTHMS[tag.id];
  return rhythmDays ? { ...tag, rhythmDays } : tag;
}

function purpose(id: string, label: string, description: string, color: string, order: number): Tag {
  return { id, dimension: 'purpose', label, description, color, order, archived: false };
}

function relationship(id: string, label: string, description: string, color: string, order: number): Tag {
  return { id, dimension: 'relationship', label, description, color, order, archived: false };
}

/** Tags of one dimension in display order. */
export function tagsOf(taxonomy: readonly Tag[], dimension: Dimension, { includeArchived = false } = {}): Tag[] {
  return taxonomy
    .filter((tag) => tag.dimension === dimension && (includeArchived || !tag.archived))
    .sort((a, b) => a.order - b.order);
}
