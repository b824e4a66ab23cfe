import * as v from 'valibot';
import { MAX_SNAPSHOTS } from '../model/balance-history';
import { PURPOSE_STATEMENT_MAX } from '../model/review';
import { TagId } from './fields';

/**
 * The checked shapes of the network review's data (issue 16), the same for a message to the background
 * and for a Kindred file's optional top-level `purposeStatement` and `snapshots`.
 */

/** The person's professional purpose, trimmed; '' when not written. */
export const PurposeStatement = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(PURPOSE_STATEMENT_MAX, `must be at most ${PURPOSE_STATEMENT_MAX} characters`),
);

const Count = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));

/** One month's balance (lib/model/balance-history.ts BalanceSnapshot). */
export const BalanceSnapshotRecord = v.strictObject({
  month: v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-08')),
  known: Count,
  tagged: Count,
  work: Count,
  growth: Count,
  both: Count,
  tags: v.record(TagId, Count),
});

export const BalanceSnapshots = v.pipe(
  v.array(BalanceSnapshotRecord),
  v.maxLength(MAX_SNAPSHOTS, `must have at most ${MAX_SNAPSHOTS} months`),
  v.check((rows) => new Set(rows.map((row) => row.month)).size === rows.length, 'must not list a month twice'),
);
