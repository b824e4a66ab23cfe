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

/** The contact moved to the id (vanity URL) LinkedIn shows now, with everything the person kept on it. */
export function movedContact(contact: Contact, id: string, now: string): Contact {
  return { ...contact, id, url: contactUrl(id), updatedAt: now };
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
 * - keep in touch: both touches, the earlier first tagging, `kept`'s rhythm and snooze first; the later review.
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
