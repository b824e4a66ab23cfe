import type { KindredDB } from './db';
import { forgetOlderRows } from './expiring-rows';

/**
 * The request ids of changes already applied, kept in `settings` (one row per id, `request:<id>`) for a
 * while: a message sent again because its answer was lost (the worker stopped after storing, before
 * replying) must not apply twice. The row is written in the same transaction as the change it records,
 * so "stored" and "remembered as stored" cannot part.
 */
const PREFIX = 'request:';
/** Long past any retry: the transport gives up after about a second, a stopped worker wakes in less. */
const KEEP_MS = 10 * 60 * 1000;

export interface AppliedRequest {
  at: string;
  /** The first answer, for the operations whose answer cannot be read again (see handler.ts). */
  reply?: unknown;
}

export async function appliedRequest(db: KindredDB, requestId: string): Promise<AppliedRequest | undefined> {
  return (await db.settings.get(PREFIX + requestId))?.value as AppliedRequest | undefined;
}

/** Remembers a request as applied and forgets the ones older than any retry could be. */
export async function rememberRequest(db: KindredDB, requestId: string, applied: AppliedRequest): Promise<void> {
  await forgetOlderRows(db, PREFIX, applied.at, KEEP_MS);
  await db.settings.put({ key: PREFIX + requestId, value: applied });
}
