import type { Contact } from './contact';
import { DAY, wholeDaysSince } from './dates';
import { type Tag, WORK_PURPOSE_ID } from './taxonomy';

export const DEFAULT_RECONNECT_DAYS = 90;
/** Relationships that are about the person's own growth, whatever the purpose tags say. */
export const GROWTH_RELATIONSHIPS: readonly string[] = ['mentor', 'way-shower', 'peer'];

export interface ReconnectEntry {
  contact: Contact;
  /** Whole days since the profile was last opened; null when it never was. */
  daysSinceSeen: number | null;
}

/** Contacts not seen since this moment are due for a reconnect. */
export function reconnectCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY);
}

/** The tag ids that make a contact worth keeping in touch with: growth-side purposes and growth relationships. */
export function reconnectTagIds(taxonomy: readonly Tag[]): { purposes: string[]; relationships: string[] } {
  return {
    purposes: taxonomy.filter((t) => t.dimension === 'purpose' && t.id !== WORK_PURPOSE_ID).map((t) => t.id),
    relationships: [...GROWTH_RELATIONSHIPS],
  };
}

/**
 * People who matter for the user's own growth and whose profile has not been opened for more than
 * `days` days, the longest-unseen first (never opened counts as longest).
 */
export function reconnectList(
  candidates: readonly Contact[],
  taxonomy: readonly Tag[],
  days: number,
  now: Date,
): ReconnectEntry[] {
  const { purposes, relationships } = reconnectTagIds(taxonomy);
  const cutoff = reconnectCutoff(days, now).getTime();
  return candidates
    .filter(
      (c) =>
        (c.purposes.some((id) => purposes.includes(id)) || c.relationships.some((id) => relationships.includes(id))) &&
        (!c.lastSeenAt || Date.parse(c.lastSeenAt) < cutoff),
    )
    .sort((a, b) => (a.lastSeenAt < b.lastSeenAt ? -1 : a.lastSeenAt > b.lastSeenAt ? 1 : a.name.localeCompare(b.name)))
    .map((contact) => ({
      contact,
      daysSinceSeen: contact.lastSeenAt ? wholeDaysSince(contact.lastSeenAt, now) : null,
    }));
}
