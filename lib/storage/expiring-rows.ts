import type { KindredDB } from './db';

/**
 * Forgets the `settings` rows under `prefix` (rows whose value says when, in `at`) that are more than
 * `keepMs` older than `now`: applied request ids and undo records are kept for a while, then dropped.
 */
export async function forgetOlderRows(db: KindredDB, prefix: string, now: string, keepMs: number): Promise<void> {
  const cutoff = new Date(Date.parse(now) - keepMs).toISOString();
  const old = await db.settings
    .where('key')
    .startsWith(prefix)
    .filter((row) => (row.value as { at: string }).at < cutoff)
    .primaryKeys();
  await db.settings.bulkDelete(old);
}
