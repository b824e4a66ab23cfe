import { describe, expect, it } from 'vitest';
import { startOfWeek, weeklyWork } from './weekly';

// Friday 27 November 2026, in the test's time zone.
const NOW = new Date(2026, 10, 27, 15, 0);

describe('weeklyWork', () => {
  it('starts the week on Monday, in local time', () => {
    expect(startOfWeek(NOW)).toEqual(new Date(2026, 10, 23));
    // A Sunday belongs to the week that began six days earlier.
    expect(startOfWeek(new Date(2026, 10, 29, 23, 0))).toEqual(new Date(2026, 10, 23));
    expect(startOfWeek(new Date(2026, 10, 23, 0, 0))).toEqual(new Date(2026, 10, 23));
  });

  it('counts people first tagged and touches logged since Monday, only from what is known', () => {
    const contacts = [
      { firstTaggedAt: new Date(2026, 10, 23, 0, 1).toISOString() },
      { firstTaggedAt: new Date(2026, 10, 22, 23, 59).toISOString() }, // last Sunday
      {}, // tagged before Kindred kept the date: not counted
      {
        touches: [
          { on: '2026-11-23', channel: 'call' },
          { on: '2026-11-27' },
          { on: '2026-11-22' }, // last week
          { on: '2026-11-28' }, // tomorrow: not logged this week yet
        ],
      },
    ];
    expect(weeklyWork(contacts, NOW)).toEqual({ tagged: 1, touches: 2 });
    expect(weeklyWork([], NOW)).toEqual({ tagged: 0, touches: 0 });
  });
});
