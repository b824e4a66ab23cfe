/**
 * The work of networking (seed 003): what the person did this week, counted from what Kindred knows
 * for certain. Nothing to reach, no streak: a plain count.
 */

/** What the weekly line reads of a contact (both written by the keep-in-touch feature when present). */
export interface WeeklySource {
  /** When the contact got its first tag (ISO timestamp); absent for contacts tagged before Kindred kept it. */
  firstTaggedAt?: string;
  /** Each time the person was in touch: a calendar date, and how. */
  touches?: ReadonlyArray<{ on: string; channel?: string }>;
}

export interface WeeklyWork {
  /** People who got their first tag this week. */
  tagged: number;
  /** Touches logged on a day of this week. */
  touches: number;
}

/** Monday 00:00 of `now`'s week, in the person's time zone. */
export function startOfWeek(now: Date): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const sinceMonday = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - sinceMonday);
  return start;
}

/** YYYY-MM-DD of a local date. */
function dateStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * People tagged and touches logged from Monday of this week up to `now`. A contact without
 * `firstTaggedAt` is not counted: its last change (`updatedAt`) may be anything, so it says nothing.
 * Touches dated after today are not counted either.
 */
export function weeklyWork(contacts: Iterable<WeeklySource>, now: Date): WeeklyWork {
  const start = startOfWeek(now);
  const from = start.getTime();
  const to = now.getTime();
  const firstDay = dateStamp(start);
  const today = dateStamp(now);
  let tagged = 0;
  let touches = 0;
  for (const contact of contacts) {
    if (contact.firstTaggedAt) {
      const at = Date.parse(contact.firstTaggedAt);
      if (at >= from && at <= to) tagged++;
    }
    for (const touch of contact.touches ?? []) if (touch.on >= firstDay && touch.on <= today) touches++;
  }
  return { tagged, touches };
}
