import type { KindredDB } from './db';
import { refreshDueGlance } from './keep-in-touch';

/**
 * The toolbar badge: how many people are due (lib/model/rhythm.ts). The background keeps it current after
 * every change that can change who is due, and once a day just after local midnight (an alarm), when
 * people become due without anything changing. The browser's APIs stay in the background's thin adapter
 * (entrypoints/background.ts): this module only counts and says what to show and when.
 */

/** The alarm that recounts after midnight. */
export const DUE_ALARM = 'kindred-due';

/** What the badge says for a count: nothing when nobody is due, at most four characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** Operations that never change who is due: no recount after them. Any other operation recounts. */
const NOT_DUE_CHANGING: ReadonlySet<string> = new Set([
  'getContact',
  'panelView',
  'listTags',
  'recordSeen',
  'setNote',
  'setPanelCollapsed',
  'correctField',
  'recordExport',
]);

/** Whether a message of this type may have changed who is due. */
export function changesDue(type: unknown): boolean {
  return typeof type !== 'string' || !NOT_DUE_CHANGING.has(type);
}

/** Counts who is due now, keeps the popup's glance of them, and shows the count with `setText`. */
export async function refreshBadge(db: KindredDB, now: Date, setText: (text: string) => Promise<void>): Promise<void> {
  await setText(badgeText(await refreshDueGlance(db, now)));
}

/** One minute after the next local midnight: when the alarm recounts (daylight saving included). */
export function nextRecount(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 1, 0, 0);
}
