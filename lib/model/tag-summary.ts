import type { Contact, TagField } from './contact';

/**
 * How many contacts carry each exact set of tags: all the balance needs, whatever the taxonomy says
 * about those tags. A network of 30,000 people has a few hundred distinct sets at most, so the
 * background keeps this small record up to date and the popup reads it instead of walking indexes.
 */
export interface TagSummary {
  /** Every contact, tagged or not. */
  known: number;
  /** JSON of the sorted tag ids (`comboKey`) → number of contacts with exactly those tags; untagged under "[]". */
  combos: Record<string, number>;
}

export type TaggedContact = Pick<Contact, TagField>;

/** The key of a contact's tag set; tag ids are unique across both dimensions. */
export function comboKey(contact: TaggedContact): string {
  // Records written outside Kindred's operations may lack the arrays: no tags.
  return JSON.stringify([...new Set([...(contact.purposes ?? []), ...(contact.relationships ?? [])])].sort());
}

export function comboTags(key: string): string[] {
  return JSON.parse(key) as string[];
}

/**
 * The summary from what the multi-entry indexes hold: for each tag id, the ids of the contacts that
 * carry it. Contacts under no tag are untagged.
 */
export function tagSummaryFromIds(known: number, idsByTag: ReadonlyMap<string, readonly string[]>): TagSummary {
  const tagsByContact = new Map<string, string[]>();
  for (const [tagId, ids] of idsByTag) {
    for (const id of ids) {
      const tags = tagsByContact.get(id);
      if (tags) tags.push(tagId);
      else tagsByContact.set(id, [tagId]);
    }
  }
  const combos: Record<string, number> = {};
  for (const tags of tagsByContact.values()) {
    const key = comboKey({ purposes: tags, relationships: [] });
    combos[key] = (combos[key] ?? 0) + 1;
  }
  const untagged = Math.max(0, known - tagsByContact.size);
  if (untagged > 0) combos['[]'] = untagged;
  return { known: Math.max(known, tagsByContact.size), combos };
}

/**
 * The summary after contacts changed: `before[i]` became `after[i]` (undefined: absent). Undefined
 * when the summary cannot have described the contacts before (a count would drop below zero): it
 * must then be rebuilt rather than trusted.
 */
export function applyContactChanges(
  summary: TagSummary,
  before: ReadonlyArray<TaggedContact | undefined>,
  after: ReadonlyArray<TaggedContact | undefined>,
): TagSummary | undefined {
  const combos = { ...summary.combos };
  let known = summary.known;
  let consistent = true;
  const add = (contact: TaggedContact | undefined, delta: number) => {
    if (!contact) return;
    const key = comboKey(contact);
    const count = (combos[key] ?? 0) + delta;
    if (count < 0) consistent = false;
    if (count > 0) combos[key] = count;
    else delete combos[key];
    known += delta;
  };
  before.forEach((contact) => add(contact, -1));
  after.forEach((contact) => add(contact, 1));
  return consistent ? { known, combos } : undefined;
}
