import { afterEach, describe, expect, it } from 'vitest';
import { type Contact, newContact } from './contact';
import {
  MAX_TOUCHES,
  addDays,
  daysBetween,
  dueList,
  dueState,
  isIsoDate,
  localDayOf,
  rhythmOf,
  tagRhythms,
  today,
  touchDateProblem,
  withTouch,
  withoutTouch,
} from './rhythm';
import { DEFAULT_TAXONOMY } from './taxonomy';

const rhythms = tagRhythms(DEFAULT_TAXONOMY);
const originalTz = process.env.TZ;
/** Runs the rest of the test in time zone `tz` (Node reads TZ again when it is set). */
const inZone = (tz: string) => (process.env.TZ = tz);
afterEach(() => {
  process.env.TZ = originalTz;
  if (originalTz === undefined) delete process.env.TZ;
});

const person = (fields: Partial<Contact>): Contact =>
  newContact(fields.id ?? 'p', '2026-01-01T12:00:00.000Z', { name: 'P', ...fields });

describe('calendar days', () => {
  it('counts across a leap day and a month end', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 365)).toBe('2025-02-28');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });

  it('knows real dates from look-alikes', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('counts a daylight-saving change as one calendar day, not 23 or 25 hours', () => {
    inZone('Europe/Amsterdam');
    // Clocks went forward on 29 March 2026 at 02:00: 28 March 12:00 to 29 March 12:00 is 23 hours.
    const before = new Date('2026-03-28T11:00:00.000Z');
    const after = new Date('2026-03-29T10:00:00.000Z');
    expect(today(before)).toBe('2026-03-28');
    expect(today(after)).toBe('2026-03-29');
    expect(daysBetween(today(before), today(after))).toBe(1);
    // And back on 25 October 2026: 25 hours, still one day.
    expect(daysBetween(today(new Date('2026-10-24T22:30:00.000Z')), today(new Date('2026-10-25T23:30:00.000Z')))).toBe(
      1,
    );
  });

  it('takes the local day around midnight in each time zone', () => {
    const instant = '2026-03-01T23:30:00.000Z';
    inZone('Europe/Amsterdam'); // UTC+1: already 2 March, 00:30
    expect(localDayOf(instant)).toBe('2026-03-02');
    inZone('America/New_York'); // UTC−5: still 1 March, 18:30
    expect(localDayOf(instant)).toBe('2026-03-01');
    inZone('Pacific/Kiritimati'); // UTC+14
    expect(localDayOf('2026-03-01T10:30:00.000Z')).toBe('2026-03-02');
  });
});

describe('touches', () => {
  it('refuses a touch in the future, on the local calendar', () => {
    inZone('Europe/Amsterdam');
    // 23:30 UTC on 1 March is 00:30 on 2 March in Amsterdam: the 2nd is today, the 3rd the future.
    const now = new Date('2026-03-01T23:30:00.000Z');
    expect(touchDateProblem('2026-03-02', now)).toBe('');
    expect(touchDateProblem('2026-03-03', now)).toBe('must not be in the future');
    expect(touchDateProblem('2025-02-29', now)).toBe('must be a date like 2026-11-27');
    inZone('America/New_York'); // there it is still 1 March: the 2nd is tomorrow
    expect(touchDateProblem('2026-03-02', now)).toBe('must not be in the future');
  });

  it('keeps touches in date order, once each, at most MAX_TOUCHES', () => {
    let touches = withTouch([], { on: '2026-03-05' });
    touches = withTouch(touches, { on: '2026-01-05', channel: 'call' });
    touches = withTouch(touches, { on: '2026-03-05' });
    touches = withTouch(touches, { on: '2026-02-01', channel: 'email' });
    expect(touches).toEqual([
      { on: '2026-01-05', channel: 'call' },
      { on: '2026-02-01', channel: 'email' },
      { on: '2026-03-05' },
    ]);
    expect(withoutTouch(touches, { on: '2026-02-01', channel: 'email' })).toEqual([
      { on: '2026-01-05', channel: 'call' },
      { on: '2026-03-05' },
    ]);
    let many = Array.from({ length: MAX_TOUCHES }, (_, i) => ({ on: addDays('2020-01-01', i) }));
    many = withTouch(many, { on: '2026-01-01' });
    expect(many).toHaveLength(MAX_TOUCHES);
    expect(many[0]!.on).toBe('2020-01-02');
    expect(many.at(-1)!.on).toBe('2026-01-01');
  });
});

describe('rhythm', () => {
  it('is the shortest of the tags’ rhythms, unless the person has their own', () => {
    expect(rhythmOf(person({ relationships: ['way-shower', 'peer'] }), rhythms)).toBe(60);
    expect(rhythmOf(person({ relationships: ['industry', 'colleague'], purposes: ['work'] }), rhythms)).toBeNull();
    expect(rhythmOf(person({ relationships: ['peer'], rhythmDays: 200 }), rhythms)).toBe(200);
    // 0: no rhythm for this person, whatever the tags say.
    expect(rhythmOf(person({ relationships: ['peer'], rhythmDays: 0 }), rhythms)).toBeNull();
    expect(rhythmOf(person({ rhythmDays: 30 }), rhythms)).toBe(30);
  });

  it('has the documented defaults', () => {
    expect(Object.fromEntries(rhythms)).toEqual({
      mentor: 90,
      sponsor: 90,
      'way-shower': 180,
      peer: 60,
      client: 60,
      friend: 90,
    });
  });
});

describe('due', () => {
  it('is due once more days than the rhythm have passed since the last touch', () => {
    inZone('Europe/Amsterdam');
    const peer = person({ relationships: ['peer'], touches: [{ on: '2026-01-10' }] });
    // 60 days after 10 January is 11 March: not due yet that day, due the day after.
    expect(dueState(peer, rhythms, new Date('2026-03-11T22:59:00.000Z'))).toMatchObject({ days: 60, due: false });
    // 23:00 UTC on 11 March is midnight in Amsterdam: the 12th, 61 days.
    expect(dueState(peer, rhythms, new Date('2026-03-11T23:00:00.000Z'))).toMatchObject({
      days: 61,
      overdue: 1,
      due: true,
    });
  });

  it('counts from the day first tagged when never in touch, across a leap day', () => {
    inZone('UTC');
    const mentor = person({ relationships: ['mentor'], firstTaggedAt: '2024-01-01T09:00:00.000Z' });
    // 2024 is a leap year: 1 January + 90 days is 31 March (31 days to 1 February, 29 to 1 March, 30 more).
    expect(dueState(mentor, rhythms, new Date('2024-03-31T12:00:00.000Z'))).toMatchObject({ days: 90, due: false });
    expect(dueState(mentor, rhythms, new Date('2024-04-01T00:00:00.000Z'))).toMatchObject({ days: 91, due: true });
    // Without firstTaggedAt (a file from elsewhere): from when the contact was made.
    const imported = person({ relationships: ['mentor'], createdAt: '2024-01-01T09:00:00.000Z' });
    expect(dueState(imported, rhythms, new Date('2024-04-01T00:00:00.000Z')).since).toBe('2024-01-01');
  });

  it('a touch logged on 29 February counts a year on the calendar', () => {
    inZone('UTC');
    const friend = person({ relationships: ['friend'], rhythmDays: 365, touches: [{ on: '2024-02-29' }] });
    expect(dueState(friend, rhythms, new Date('2025-02-28T12:00:00.000Z'))).toMatchObject({ days: 365, due: false });
    expect(dueState(friend, rhythms, new Date('2025-03-01T12:00:00.000Z'))).toMatchObject({ days: 366, due: true });
  });

  it('is not due while snoozed, and due again on the day the snooze ends', () => {
    inZone('UTC');
    const peer = person({ relationships: ['peer'], touches: [{ on: '2026-01-01' }], snoozedUntil: '2026-04-01' });
    expect(dueState(peer, rhythms, new Date('2026-03-31T12:00:00.000Z')).due).toBe(false);
    expect(dueState(peer, rhythms, new Date('2026-04-01T00:00:00.000Z')).due).toBe(true);
  });

  it('a touch dated after today (a wrong clock) counts as today, never as due', () => {
    inZone('UTC');
    const peer = person({ relationships: ['peer'], touches: [{ on: '2030-01-01' }] });
    expect(dueState(peer, rhythms, new Date('2026-01-01T12:00:00.000Z'))).toMatchObject({ days: 0, due: false });
  });

  it('lists the most overdue first, the growth side before the company side when equally overdue', () => {
    inZone('UTC');
    const now = new Date('2026-06-01T12:00:00.000Z');
    const touched = (on: string) => [{ on }];
    const list = dueList(
      [
        person({ id: 'client', name: 'Cleo', relationships: ['client'], touches: touched('2026-03-01') }),
        person({ id: 'peer', name: 'Piet', relationships: ['peer'], touches: touched('2026-03-01') }),
        person({ id: 'mentor', name: 'Mona', relationships: ['mentor'], touches: touched('2025-12-01') }),
        person({ id: 'fresh', name: 'Fred', relationships: ['peer'], touches: touched('2026-05-01') }),
        person({ id: 'industry', name: 'Ida', relationships: ['industry'], touches: touched('2020-01-01') }),
      ],
      DEFAULT_TAXONOMY,
      now,
    );
    // Mona: 182 days, 92 over 90. Piet and Cleo: 92 days, 32 over 60: the peer (growth) first.
    expect(list.map((entry) => [entry.contact.id, entry.state.overdue, entry.growth])).toEqual([
      ['mentor', 92, true],
      ['peer', 32, true],
      ['client', 32, false],
    ]);
  });
});
