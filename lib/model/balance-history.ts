import type { Balance } from './balance';
import type { Translate } from './translate';

/**
 * Balance over time: one small snapshot of the balance per calendar month, taken the first time a
 * Kindred page notices the month (so it is the balance as the month began), never changed afterwards.
 */

/** The balance of one month, as stored and as written in the export's `snapshots`. */
export interface BalanceSnapshot {
  /** YYYY-MM in the person's time zone. */
  month: string;
  known: number;
  tagged: number;
  /** Tagged contacts serving the employer, the person's own growth, and both. */
  work: number;
  growth: number;
  both: number;
  /** Contacts per tag id (purposes and relationships), tags nobody carries left out. */
  tags: Record<string, number>;
}

/** At most this many months are kept (ten years): the oldest go first. */
export const MAX_SNAPSHOTS = 120;

/** YYYY-MM of `now` in the person's time zone. */
export function monthOf(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The snapshot of `balance` for `month`. */
export function snapshotOf(balance: Balance, month: string): BalanceSnapshot {
  const tags: Record<string, number> = {};
  for (const { tag, count } of [...balance.purposeMix, ...balance.relationshipCoverage]) {
    if (count > 0) tags[tag.id] = count;
  }
  const { known, tagged, work, growth, both } = balance;
  return { month, known, tagged, work, growth, both, tags };
}

/**
 * The snapshots with this month's added when it has none yet (idempotent: a second call in the same
 * month changes nothing and returns null), in month order, at most MAX_SNAPSHOTS.
 */
export function withSnapshot(
  snapshots: readonly BalanceSnapshot[],
  snapshot: BalanceSnapshot,
): BalanceSnapshot[] | null {
  if (snapshots.some((s) => s.month === snapshot.month)) return null;
  return [...snapshots, snapshot].sort((a, b) => (a.month < b.month ? -1 : 1)).slice(-MAX_SNAPSHOTS);
}

/** Two lists of snapshots as one: each month once, the first list's row where both have it. */
export function mergeSnapshots(kept: readonly BalanceSnapshot[], added: readonly BalanceSnapshot[]): BalanceSnapshot[] {
  const months = new Map(added.map((s) => [s.month, s]));
  for (const s of kept) months.set(s.month, s);
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)).slice(-MAX_SNAPSHOTS);
}

/** The share (0…1) of tagged contacts serving the person's own growth, 0 when none are tagged. */
export function growthShare(snapshot: Pick<BalanceSnapshot, 'tagged' | 'growth'>): number {
  return snapshot.tagged ? snapshot.growth / snapshot.tagged : 0;
}

export function workShare(snapshot: Pick<BalanceSnapshot, 'tagged' | 'work'>): number {
  return snapshot.tagged ? snapshot.work / snapshot.tagged : 0;
}

/** "August 2026" (or "augustus 2026") for a YYYY-MM, in `locale`. */
export function monthName(month: string, locale: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(year!, m! - 1, 1).toLocaleDateString(locale, { month: 'long', year: 'numeric' });
}

/**
 * The popup's trend line: "Since August 2026, your growth share rose from 22% to 31%." Compares the
 * first month kept with the last; '' with fewer than two months (nothing to compare yet).
 */
export function describeTrend(snapshots: readonly BalanceSnapshot[], t: Translate, locale: string): string {
  const tagged = snapshots.filter((s) => s.tagged > 0);
  if (tagged.length < 2) return '';
  const first = tagged[0]!;
  const last = tagged.at(-1)!;
  const from = Math.round(growthShare(first) * 100);
  const to = Math.round(growthShare(last) * 100);
  const args = [monthName(first.month, locale), `${from}%`, `${to}%`];
  if (to > from) return t('trend.rose', args);
  if (to < from) return t('trend.fell', args);
  return t('trend.same', [args[0]!, args[1]!]);
}
