import { describe, expect, it } from 'vitest';
import { backupReminderDays } from './backup-reminder';

const now = new Date('2026-11-22T10:00:00.000Z');

describe('backupReminderDays', () => {
  it('reminds after 30 days without an export when something is tagged', () => {
    expect(backupReminderDays(3, '2026-10-23T10:00:00.000Z', now)).toBe(30);
    expect(backupReminderDays(3, '2026-01-01T00:00:00.000Z', now)).toBe(325);
  });
  it('stays quiet before 30 days, with nothing tagged, or without a date', () => {
    expect(backupReminderDays(3, '2026-10-24T10:00:00.000Z', now)).toBeNull();
    expect(backupReminderDays(0, '2026-01-01T00:00:00.000Z', now)).toBeNull();
    expect(backupReminderDays(3, '', now)).toBeNull();
  });
});
