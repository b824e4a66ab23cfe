/**
 * Keep in touch: when a person is due for a touch, by the rhythm of their kind of relationship.
 *
 * - A touch is one moment of being in touch: a local calendar day (`YYYY-MM-DD`) and, optionally, how.
 * - A tag may have a rhythm (`rhythmDays`): every how many days people with that tag should hear from you.
 *   A person's rhythm is the shortest among their tags' rhythms, unless the person has an override:
 *   `rhythmDays` on the contact (a number of days), where `0` means "no rhythm for this person" (never due).
 *   Leaving the override out follows the tags.
 * - A person is due when more whole local calendar days have passed since their last touch than their
 *   rhythm; never in touch: since they were first tagged (`firstTaggedAt`, or `createdAt` for a contact
 *   that came from a file without it). Snoozed until a date: not due before that date.
 * - Days are counted on the calendar of the person's time zone (the computer's), never as 24-hour spans, so
 *   a daylight-saving change or a touch logged just before midnight counts as exactly one day.
 *
 * Pure: no storage, no browser.
 */
import type { Contact } from './contact';
import { localDateStamp } from './dates';
import { GROWTH_RELATIONSHIPS } from './review';
import { type Tag, WORK_PURPOSE_ID } from './taxonomy';

export { DEFAULT_RHYTHMS } from './taxonomy';

export const TOUCH_CHANNELS = ['message', 'call', 'meeting', 'email', 'event'] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];
export const isTouchChannel = (channel: string): channel is TouchChannel =>
  (TOUCH_CHANNELS as readonly string[]).includes(channel);

export interface Touch {
  /** YYYY-MM-DD, the local calendar day of the touch. */
  on: string;
  channel?: TouchChannel;
}

/** The most touches kept per person: logging one more drops the oldest. */
export const MAX_TOUCHES = 500;
/** Longest rhythm, in days (10 years); a tag's rhythm is 1…MAX, a person's override 0…MAX (0: none). */
export const MAX_RHYTHM_DAYS = 3650;
/** "Snooze 2 weeks". */
export const SNOOZE_DAYS = 14;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `on` is a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(on: string): boolean {
  const match = ISO_DATE.exec(on);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Day number of a calendar date (days since 1970-01-01), the same in every time zone. */
function dayNumber(on: string): number {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Calendar days from `from` to `to` (both YYYY-MM-DD): 2024-02-28 → 2024-03-01 is 2. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar date `days` after `on` (before, when negative). */
export function addDays(on: string, days: number): string {
  const date = new Date((dayNumber(on) + days) * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Today on the person's calendar. */
export function today(now: Date): string {
  return localDateStamp(now);
}

/** The local calendar day of an ISO timestamp ("2026-03-01T23:30:00Z" is 2 March in Amsterdam). */
export function localDayOf(iso: string): string {
  return localDateStamp(new Date(iso));
}

/** Why a touch on `on` cannot be logged at `now`, or '' when it can: a touch in the future is refused. */
export function touchDateProblem(on: string, now: Date): string {
  if (!isIsoDate(on)) return 'must be a date like 2026-11-27';
  if (daysBetween(today(now), on) > 0) return 'must not be in the future';
  return '';
}

/** The touches with one more, in date order, at most MAX_TOUCHES (the oldest dropped); the same touch twice counts once. */
export function withTouch(touches: readonly Touch[] | undefined, touch: Touch): Touch[] {
  const list = [...(touches ?? [])];
  if (list.some((t) => t.on === touch.on && t.channel === touch.channel)) return list;
  const at = list.findIndex((t) => t.on > touch.on);
  list.splice(at === -1 ? list.length : at, 0, touch);
  return list.slice(-MAX_TOUCHES);
}

/** The touches without the latest one on that day with that channel (the undo of `withTouch`). */
export function withoutTouch(touches: readonly Touch[] | undefined, touch: Touch): Touch[] {
  const list = [...(touches ?? [])];
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i]!.on === touch.on && list[i]!.channel === touch.channel) {
      list.splice(i, 1);
      break;
    }
  }
  return list;
}

/** The day of the person's last touch, or undefined when never in touch. */
export function lastTouchOn(contact: Pick<Contact, 'touches'>): string | undefined {
  const touches = contact.touches;
  return touches && touches.length > 0 ? touches[touches.length - 1]!.on : undefined;
}

/** Each tag's rhythm, for the tags that have one. */
export function tagRhythms(taxonomy: readonly Tag[]): Map<string, number> {
  const rhythms = new Map<string, number>();
  for (const tag of taxonomy) if (tag.rhythmDays) rhythms.set(tag.id, tag.rhythmDays);
  return rhythms;
}

/** The person's rhythm in days: their override, else the shortest of their tags'; null when they have none. */
export function rhythmOf(
  contact: Pick<Contact, 'purposes' | 'relationships' | 'rhythmDays'>,
  rhythms: ReadonlyMap<string, number>,
): number | null {
  if (contact.rhythmDays !== undefined) return contact.rhythmDays > 0 ? contact.rhythmDays : null;
  let shortest: number | null = null;
  for (const id of contact.purposes) {
    const days = rhythms.get(id);
    if (days && (shortest === null || days < shortest)) shortest = days;
  }
  for (const id of contact.relationships) {
    const days = rhythms.get(id);
    if (days && (shortest === null || days < shortest)) shortest = days;
  }
  return shortest;
}

export type RhythmContact = Pick<
  Contact,
  'purposes' | 'relationships' | 'rhythmDays' | 'touches' | 'firstTaggedAt' | 'createdAt' | 'snoozedUntil'
>;

export interface DueState {
  rhythm: number | null;
  /** The day counting starts from: the last touch, else the day first tagged; '' when unknown. */
  since: string;
  /** Whole calendar days since then (0 when `since` is today or, by a wrong clock, later). */
  days: number;
  /** Days past the rhythm: due when > 0. */
  overdue: number;
  due: boolean;
}

/** Whether and by how much a person is due on `now`'s calendar day. */
export function dueState(contact: RhythmContact, rhythms: ReadonlyMap<string, number>, now: Date): DueState {
  return dueStateOn(contact, rhythms, today(now));
}

/** `dueState` on a calendar day (YYYY-MM-DD): for lists, which take today once. */
function dueStateOn(contact: RhythmContact, rhythms: ReadonlyMap<string, number>, day: string): DueState {
  const rhythm = rhythmOf(contact, rhythms);
  const started = contact.firstTaggedAt || contact.createdAt;
  const since = lastTouchOn(contact) ?? (started ? localDayOf(started) : '');
  const days = since ? Math.max(0, daysBetween(since, day)) : 0;
  const overdue = rhythm === null || !since ? 0 : days - rhythm;
  const snoozed = contact.snoozedUntil !== undefined && daysBetween(day, contact.snoozedUntil) > 0;
  return { rhythm, since, days, overdue, due: overdue > 0 && !snoozed };
}

/** Whether the person is on the growth side (a growth purpose or a growth relationship) rather than only the company's. */
export function isGrowthSide(contact: Pick<Contact, 'purposes' | 'relationships'>): boolean {
  return (
    contact.purposes.some((id) => id !== WORK_PURPOSE_ID) ||
    contact.relationships.some((id) => (GROWTH_RELATIONSHIPS as readonly string[]).includes(id))
  );
}

export interface DueEntry<C = Contact> {
  contact: C;
  state: DueState;
  growth: boolean;
}

/**
 * The people due on `now`'s day, in the order the lists show them: the most overdue (in days past their
 * rhythm) first; among equally overdue ones the growth side before the company side; then by name.
 */
export function dueList<C extends RhythmContact & Pick<Contact, 'name' | 'id'>>(
  contacts: readonly C[],
  taxonomy: readonly Tag[],
  now: Date,
): Array<DueEntry<C>> {
  const rhythms = tagRhythms(taxonomy);
  const day = today(now);
  const due: Array<DueEntry<C>> = [];
  for (const contact of contacts) {
    // Most contacts have no rhythm at all: nothing more to work out for them.
    if (rhythmOf(contact, rhythms) === null) continue;
    const state = dueStateOn(contact, rhythms, day);
    if (state.due) due.push({ contact, state, growth: isGrowthSide(contact) });
  }
  const byName = new Intl.Collator().compare;
  return due.sort(
    (a, b) =>
      b.state.overdue - a.state.overdue ||
      Number(b.growth) - Number(a.growth) ||
      byName(a.contact.name || a.contact.id, b.contact.name || b.contact.id),
  );
}

/** A contact with an imported namesake's keep-in-touch data added (a namesake merge): both people's touches. */
export function mergeKeepInTouch<C extends Contact>(contact: C, namesake: Contact): C {
  const merged = { ...contact };
  let touches = contact.touches ?? [];
  for (const touch of namesake.touches ?? []) touches = withTouch(touches, touch);
  if (touches.length > 0) merged.touches = touches;
  const first = [contact.firstTaggedAt, namesake.firstTaggedAt].filter((at): at is string => !!at).sort()[0];
  if (first) merged.firstTaggedAt = first;
  if (merged.rhythmDays === undefined && namesake.rhythmDays !== undefined) merged.rhythmDays = namesake.rhythmDays;
  if (merged.snoozedUntil === undefined && namesake.snoozedUntil !== undefined) {
    merged.snoozedUntil = namesake.snoozedUntil;
  }
  return merged;
}
