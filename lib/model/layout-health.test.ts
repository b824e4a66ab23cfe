import { describe, expect, it } from 'vitest';
import { HEALTH_WINDOW, type Reading, addReading, countMisses, layoutWarnings } from './layout-health';

const reading = (id: string, ...missing: Reading['missing']): Reading => ({ id, missing });
const visits = (n: number, missing: Reading['missing'], from = 0) =>
  Array.from({ length: n }, (_, i) => reading(`p${from + i}`, ...missing));
const fill = (list: Reading[]) => list.reduce<Reading[]>((all, r) => addReading(all, r), []);

describe('layout health', () => {
  it('keeps the last 20 profiles, the newest last', () => {
    const readings = fill(visits(25, []));
    expect(readings).toHaveLength(HEALTH_WINDOW);
    expect(readings[0]!.id).toBe('p5');
    expect(readings.at(-1)!.id).toBe('p24');
  });

  it('counts the same profile read again once, with its latest reading', () => {
    const readings = fill([reading('a', 'company', 'headline'), reading('a', 'company'), reading('b')]);
    expect(readings).toEqual([reading('a', 'company'), reading('b')]);
    // Back to a profile after another one: a new visit.
    expect(addReading(readings, reading('a'))).toHaveLength(3);
  });

  it('counts misses per field', () => {
    const readings = fill([...visits(6, ['company']), ...visits(2, ['company', 'location'], 6), ...visits(12, [], 8)]);
    expect(countMisses(readings)).toEqual([
      { field: 'headline', missed: 0, of: 20 },
      { field: 'company', missed: 8, of: 20 },
      { field: 'location', missed: 2, of: 20 },
    ]);
  });

  it('warns from 5 misses of a field among the last 20, not at 4', () => {
    expect(layoutWarnings(fill([...visits(4, ['company']), ...visits(16, [], 4)]))).toEqual([]);
    expect(layoutWarnings(fill([...visits(5, ['company']), ...visits(15, [], 5)]))).toEqual([
      { field: 'company', missed: 5, of: 20 },
    ]);
  });

  it('forgets old misses once 20 newer profiles were read', () => {
    const readings = fill([...visits(10, ['headline']), ...visits(20, [], 10)]);
    expect(layoutWarnings(readings)).toEqual([]);
  });

  it('keeps only the fields it counts', () => {
    expect(addReading([], { id: 'x', missing: ['company', 'name' as never] })).toEqual([reading('x', 'company')]);
  });
});
