import { computeBalance } from '../model/balance';
import { type BalanceSnapshot, mergeSnapshots, monthOf, snapshotOf, withSnapshot } from '../model/balance-history';
import { type WeeklyWork, type WeeklySource, startOfWeek, weeklyWork } from '../model/weekly';
import { DAY } from '../model/dates';
import type { FileExtras } from '../formats/kindred-file';
import type { KindredDB } from './db';
import { StoreError } from './contact-view';
import { loadTagSummary } from './page-reads';
import { dueRowsStale } from './due-rows';

/**
 * The network review's data (issue 16), in the `settings` table: the professional purpose under
 * `purposeStatement`, the monthly balance snapshots under `balanceSnapshots`; and each contact's
 * `reviewedAt`. Being settings, both are in the safety net's snapshot and go with "Delete all data".
 */

export const PURPOSE_STATEMENT = 'purposeStatement';
export const BALANCE_SNAPSHOTS = 'balanceSnapshots';

/** The purpose statement, '' when not written. */
export async function loadPurposeStatement(db: KindredDB): Promise<string> {
  const value = (await db.settings.get(PURPOSE_STATEMENT))?.value;
  return typeof value === 'string' ? value : '';
}

/** Stores the statement (checked and trimmed by the operation's schema); '' removes it. */
export async function setPurposeStatement(db: KindredDB, text: string): Promise<void> {
  if (text === '') await db.settings.delete(PURPOSE_STATEMENT);
  else await db.settings.put({ key: PURPOSE_STATEMENT, value: text });
}

/** The monthly snapshots, oldest first. */
export async function loadSnapshots(db: KindredDB): Promise<BalanceSnapshot[]> {
  const value = (await db.settings.get(BALANCE_SNAPSHOTS))?.value;
  return Array.isArray(value) ? (value as BalanceSnapshot[]) : [];
}

/**
 * Notes this month's balance when the month has none yet; a second call in the same month changes
 * nothing, and nothing is noted before anyone is tagged (a fresh install has no balance to follow).
 * Answers whether a snapshot was taken.
 */
export async function recordBalanceSnapshot(db: KindredDB, now: Date): Promise<{ taken: boolean }> {
  return db.transaction('rw', db.contacts, db.taxonomy, db.settings, async () => {
    const month = monthOf(now);
    const snapshots = await loadSnapshots(db);
    if (snapshots.some((s) => s.month === month)) return { taken: false };
    const { summary, taxonomy } = await loadTagSummary(db);
    const balance = computeBalance(summary, taxonomy);
    if (balance.tagged === 0) return { taken: false };
    const next = withSnapshot(snapshots, snapshotOf(balance, month));
    if (next) await db.settings.put({ key: BALANCE_SNAPSHOTS, value: next });
    return { taken: next !== null };
  });
}

/** Marks a contact reviewed now (the guided review's "Reviewed, next"). */
export async function markReviewed(db: KindredDB, contactId: string, now: string): Promise<void> {
  await db.transaction('rw', db.contacts, async () => {
    if (!(await db.contacts.get(contactId))) throw new StoreError(`Unknown contact "${contactId}".`);
    await db.contacts.update(contactId, { reviewedAt: now });
  });
}

/**
 * People tagged and touches logged this week (lib/model/weekly.ts), from two indexes of the keep-in-touch
 * rows (./due-rows.ts): the first-tagged times and the touch days of this week (a day's margin each side
 * for times written with an offset; the model does the exact count). A watched read of it wakes only for
 * changes within this week's ranges, never reads every contact.
 */
export async function loadWeeklyWork(db: KindredDB, now: Date): Promise<WeeklyWork> {
  const start = startOfWeek(now);
  const from = new Date(start.getTime() - DAY).toISOString();
  const to = new Date(now.getTime() + DAY).toISOString();
  return db.transaction('r', [db.dueRows, db.settings, db.contacts], async () => {
    // Right after an import the rows wait for their rebuild (./due-rows.ts): the contacts say it then.
    if (await dueRowsStale(db)) {
      // One contact at a time, keeping only what the week needs (not every contact with its note).
      const sources: WeeklySource[] = [];
      await db.contacts.each(({ firstTaggedAt, touches }) => void sources.push({ firstTaggedAt, touches }));
      return weeklyWork(sources, now);
    }
    const [firsts, touches] = await Promise.all([
      db.dueRows.where('firstTaggedAt').between(from, to, true, true).keys(),
      db.dueRows
        .where('touchKeys')
        .between(from.slice(0, 10), `${to.slice(0, 10)}\uffff`, true, true)
        .keys(),
    ]);
    const sources: WeeklySource[] = firsts.map((at) => ({ firstTaggedAt: String(at) }));
    sources.push({ touches: touches.map((key) => ({ on: String(key).slice(0, String(key).indexOf('|')) })) });
    return weeklyWork(sources, now);
  });
}

/** What an export writes besides tags and contacts. */
export async function exportExtras(db: KindredDB): Promise<FileExtras> {
  const [purposeStatement, snapshots] = await Promise.all([loadPurposeStatement(db), loadSnapshots(db)]);
  return { purposeStatement, snapshots };
}

/**
 * A file's extras applied inside the import's transaction. Replace: the database becomes the file (a
 * file without them leaves none). Merge: a purpose is taken only when none is written here; the file's
 * months are added to the kept ones, a kept month winning.
 */
export async function importExtras(db: KindredDB, file: FileExtras, mode: 'merge' | 'replace'): Promise<void> {
  if (mode === 'replace') {
    await setPurposeStatement(db, file.purposeStatement ?? '');
    if (file.snapshots?.length) await db.settings.put({ key: BALANCE_SNAPSHOTS, value: file.snapshots });
    else await db.settings.delete(BALANCE_SNAPSHOTS);
    return;
  }
  if (file.purposeStatement && !(await loadPurposeStatement(db))) {
    await setPurposeStatement(db, file.purposeStatement);
  }
  if (file.snapshots?.length) {
    await db.settings.put({ key: BALANCE_SNAPSHOTS, value: mergeSnapshots(await loadSnapshots(db), file.snapshots) });
  }
}
