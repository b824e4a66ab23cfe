import { wholeDaysSince } from './dates';

const BACKUP_REMINDER_DAYS = 30;

/** Whole days without a backup when a reminder is due, else null (nothing tagged, or a recent export). */
export function backupReminderDays(tagged: number, unsavedSince: string, now: Date): number | null {
  if (tagged === 0 || !unsavedSince) return null;
  const days = wholeDaysSince(unsavedSince, now);
  return days >= BACKUP_REMINDER_DAYS ? days : null;
}
