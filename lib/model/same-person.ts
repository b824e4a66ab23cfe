import {
  CORRECTABLE_FIELDS,
  type Contact,
  LIMITS,
  type PageValues,
  contactUrl,
  isCorrected,
  orderedPageValues,
} from './contact';
import { mergeKeepInTouch } from './rhythm';
import { cutText } from './text';

/**
 * One person under two contacts: LinkedIn's member id (`memberId`) is the same, the vanity URL (the
 * contact's id) is not, because the person changed their URL. These are the pure rules for making them
 * one contact again; lib/storage/same-person.ts applies them.
 */

/** Where a contact lives on LinkedIn, as a person reads it: `linkedin.com/in/jane-doe`. */
export function shortProfileAddress(id: string): string {
  return `linkedin.com/in/${id}`;
}

/** The most former ids one contact keeps (the oldest are forgotten first). */
export const MAX_FORMER_IDS = 20;

/**
 * The ids a contact under `id` was known under: `before` (oldest first) and then `added`, without `id`
 * itself, each once (a URL taken again moves to the end), at most MAX_FORMER_IDS (the newest kept).
 */
export function withFormerIds(id: string, before: readonly string[] | undefined, ...added: string[]): string[] {
  const ids: string[] = [];
  for (const former of [...(before ?? []), ...added]) {
    if (former === id) continue;
    const at = ids.indexOf(former);
    if (at >= 0) ids.splice(at, 1);
    ids.push(former);
  }
  return ids.slice(-MAX_FORMER_IDS);
}

/** `contact` with its former ids set (left out when there are none). */
function settingFormerIds<C extends Contact>(contact: C, formerIds: string[]): C {
  const next = { ...contact };
  if (formerIds.length) next.formerIds = formerIds;
  else delete next.formerIds;
  return next;
}

/**
 * The contact moved to the id (vanity URL) LinkedIn shows now, with everything the person kept on it,
 * and the id it was kept under among its former ids (so the old URL still finds the person).
 */
export function movedContact(contact: Contact, id: string, now: string): Contact {
  const moved = { ...contact, id, url: contactUrl(id), updatedAt: now };
  return settingFormerIds(moved, withFormerIds(id, contact.formerIds, contact.id));
}

/**
 * Whether an old URL of `contact` (one of its former ids) opened on a page that shows `pageMemberId`
 * is still this person: not when the page shows another member id (LinkedIn gave the URL to someone
 * else); yes when it shows none (a logged-out page, a page still loading) or the contact's own.
 */
export function isFormerIdOf(contact: Pick<Contact, 'memberId'>, pageMemberId: string | undefined): boolean {
  return !pageMemberId || !contact.memberId || contact.memberId === pageMemberId;
}

const earliest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a <= b ? a : b);
const latest = (a: string, b: string) => (a >= b ? a : b);

/**
 * Two contacts of one person made one, under `kept`'s id (the URL LinkedIn shows now):
 * - tags: both, `kept`'s first;
 * - note: both kept, the other's under a line naming where it was kept (`--- linkedin.com/in/old ---`),
 *   within the note's limit; one of them when the other is empty or the same;
 * - dates: the earliest createdAt and connectedOn, the latest lastSeenAt (a written-out connection date
 *   only when neither has a real one); updatedAt is now;
 * - fields: `kept`'s (the newer page), the other's where `kept` has none;
 * - corrections: a field the person corrected on either stays corrected (`kept`'s correction first),
 *   with the page value LinkedIn shows now;
 * - keep in touch: both touches, the earlier first tagging, `kept`'s rhythm and snooze first; the later review;
 * - former ids: both contacts', and the other's id (its URL still finds the person).
 */
export function mergeSamePerson(kept: Contact, other: Contact, now: string): Contact {
  const merged: Contact = {
    ...kept,
    url: contactUrl(kept.id),
    name: kept.name || other.name,
    headline: kept.headline || other.headline,
    company: kept.company || other.company,
    location: kept.location || other.location,
    purposes: [...new Set([...kept.purposes, ...other.purposes])],
    relationships: [...new Set([...kept.relationships, ...other.relationships])],
    note: mergedNote(kept.note, other.note, other.id),
    createdAt: earliest(kept.createdAt, other.createdAt)!,
    updatedAt: now,
    lastSeenAt: latest(kept.lastSeenAt, other.lastSeenAt),
  };
  delete merged.connectedOn;
  delete merged.connectedOnText;
  const connectedOn = earliest(kept.connectedOn, other.connectedOn);
  if (connectedOn) merged.connectedOn = connectedOn;
  else if (kept.connectedOnText || other.connectedOnText) {
    merged.connectedOnText = (kept.connectedOnText || other.connectedOnText)!;
  }
  if (!merged.source && other.source) merged.source = other.source;
  if (!merged.memberId && other.memberId) merged.memberId = other.memberId;
  // The other contact's URL, and the URLs it was known under, still find the person.
  const formerIds = withFormerIds(kept.id, [...(other.formerIds ?? []), ...(kept.formerIds ?? [])], other.id);
  if (formerIds.length) merged.formerIds = formerIds;
  else delete merged.formerIds;

  const pageValues: PageValues = { ...kept.pageValues };
  for (const field of CORRECTABLE_FIELDS) {
    if (isCorrected(kept, field) || !isCorrected(other, field)) continue;
    // The other contact's correction, over what the page shows now (kept's value, or the other's page value).
    pageValues[field] = kept[field] || other.pageValues![field]!;
    merged[field] = other[field];
  }
  const ordered = orderedPageValues(pageValues);
  if (ordered) merged.pageValues = ordered;
  else delete merged.pageValues;
  const reviewedAt = [kept.reviewedAt, other.reviewedAt]
    .filter((at): at is string => !!at)
    .sort()
    .at(-1);
  if (reviewedAt) merged.reviewedAt = reviewedAt;
  // Keep in touch: both people's touches, the earlier first tagging, kept's own rhythm and snooze first.
  return mergeKeepInTouch(merged, other);
}

/** Both notes, the other's under a line that says where it was kept; cut to the note's limit. */
export function mergedNote(kept: string, other: string, otherId: string): string {
  if (!other.trim() || other === kept) return kept;
  if (!kept.trim()) return other;
  return cutText(`${kept}\n\n--- ${shortProfileAddress(otherId)} ---\n${other}`, LIMITS.note);
}
