import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { useLocale } from '../../tests/support/test-i18n';
import { computeBalance } from './balance';
import {
  type BalanceSnapshot,
  describeTrend,
  mergeSnapshots,
  monthOf,
  snapshotOf,
  withSnapshot,
} from './balance-history';
import { tagSummaryFromIds } from './tag-summary';
import { DEFAULT_TAXONOMY } from './taxonomy';

const row = (month: string, tagged: number, growth: number): BalanceSnapshot => ({
  month,
  known: tagged,
  tagged,
  work: tagged - growth,
  growth,
  both: 0,
  tags: {},
});

describe('balance snapshots', () => {
  it('keeps the counts of a month, tags nobody carries left out', () => {
    const balance = computeBalance(
      tagSummaryFromIds(5, new Map(Object.entries({ work: ['a', 'b'], growth: ['b'], mentor: ['c'] }))),
      DEFAULT_TAXONOMY,
    );
    expect(snapshotOf(balance, '2026-08')).toEqual({
      month: '2026-08',
      known: 5,
      tagged: 3,
      work: 2,
      growth: 1,
      both: 1,
      tags: { work: 2, growth: 1, mentor: 1 },
    });
  });

  it('takes one row per month: a second one in the same month changes nothing', () => {
    const first = withSnapshot([], row('2026-09', 10, 2))!;
    expect(first.map((s) => s.month)).toEqual(['2026-09']);
    expect(withSnapshot(first, row('2026-09', 99, 50))).toBeNull();
    expect(withSnapshot(first, row('2026-08', 5, 1))!.map((s) => s.month)).toEqual(['2026-08', '2026-09']);
  });

  it('merges a file’s months into the kept ones, the kept row winning', () => {
    const merged = mergeSnapshots([row('2026-09', 10, 2)], [row('2026-09', 1, 1), row('2026-07', 4, 1)]);
    expect(merged).toEqual([row('2026-07', 4, 1), row('2026-09', 10, 2)]);
  });

  it('names the month in the person’s time zone', () => {
    expect(monthOf(new Date(2026, 0, 31, 23, 59))).toBe('2026-01');
    expect(monthOf(new Date(2024, 1, 29, 12))).toBe('2024-02');
  });
});

describe('describeTrend', () => {
  it('says nothing with fewer than two months', () => {
    useLocale('en');
    expect(describeTrend([], translate, 'en')).toBe('');
    expect(describeTrend([row('2026-08', 9, 2)], translate, 'en')).toBe('');
    // A month with nothing tagged is no starting point.
    expect(describeTrend([row('2026-07', 0, 0), row('2026-08', 9, 2)], translate, 'en')).toBe('');
  });

  it('compares the first month with the last', () => {
    useLocale('en');
    const rows = [row('2026-08', 100, 22), row('2026-09', 100, 25), row('2026-10', 100, 31)];
    expect(describeTrend(rows, translate, 'en')).toBe('Since August 2026, your growth share rose from 22% to 31%.');
    expect(describeTrend([row('2026-08', 10, 5), row('2026-09', 10, 2)], translate, 'en')).toBe(
      'Since August 2026, your growth share fell from 50% to 20%.',
    );
    useLocale('nl');
    expect(describeTrend(rows, translate, 'nl')).toBe(
      'Sinds augustus 2026 is je groeiaandeel gestegen van 22% naar 31%.',
    );
    useLocale('en');
  });
});
