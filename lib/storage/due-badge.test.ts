import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import type { KindredDB } from './db';
import { badgeText, changesDue, nextRecount, refreshBadge } from './due-badge';
import { setTag } from './store';

const originalTz = process.env.TZ;
let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => {
  db.close();
  process.env.TZ = originalTz;
  if (originalTz === undefined) delete process.env.TZ;
});

describe('the toolbar badge', () => {
  it('says how many are due, nothing when nobody is', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(1000)).toBe('999+');
  });

  it('is recounted after changes that can change who is due, not after reads and visits', () => {
    for (const type of [
      'logTouch',
      'removeTouch',
      'snoozeContact',
      'setTagRhythm',
      'setTag',
      'importKindred',
      'undo',
    ]) {
      expect(changesDue(type), type).toBe(true);
    }
    for (const type of ['getContact', 'listTags', 'panelView', 'recordSeen', 'setNote']) {
      expect(changesDue(type), type).toBe(false);
    }
  });

  it('counts who is due', async () => {
    const texts: string[] = [];
    const setText = async (text: string) => void texts.push(text);
    await setTag(db, 'ann', 'peer', true, '2026-01-01T10:00:00.000Z');
    await setTag(db, 'bob', 'mentor', true, '2026-01-01T10:00:00.000Z');
    await refreshBadge(db, new Date('2026-03-15T10:00:00.000Z'), setText); // 73 days: Ann only
    await refreshBadge(db, new Date('2026-04-15T10:00:00.000Z'), setText); // 104 days: both
    await refreshBadge(db, new Date('2026-01-15T10:00:00.000Z'), setText);
    expect(texts).toEqual(['1', '2', '']);
  });

  it('recounts one minute after the next local midnight, across daylight-saving changes', () => {
    process.env.TZ = 'Europe/Amsterdam';
    // 28 March 2026, 15:00 in Amsterdam (UTC+1); the night after, clocks go forward.
    expect(nextRecount(new Date('2026-03-28T14:00:00.000Z')).toISOString()).toBe('2026-03-28T23:01:00.000Z');
    // 29 March (UTC+2 now): midnight is 22:00 UTC.
    expect(nextRecount(new Date('2026-03-29T14:00:00.000Z')).toISOString()).toBe('2026-03-29T22:01:00.000Z');
    // Just before midnight: the one coming up, not the one after.
    expect(nextRecount(new Date('2026-03-29T21:59:00.000Z')).toISOString()).toBe('2026-03-29T22:01:00.000Z');
  });
});
