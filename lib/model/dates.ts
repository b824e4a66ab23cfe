/** Date arithmetic shared by the reminders, the reconnect list, "last seen" texts and file names. */

/** Milliseconds in a day: a fixed 24 hours, so a span across a daylight-saving change may be off by an hour. */
export const DAY = 24 * 60 * 60 * 1000;

/** Whole days from an ISO timestamp to `now`, rounded down. */
export function wholeDaysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY);
}

/** YYYY-MM-DD in the user's time zone: the date they see on their calendar. */
export function localDateStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
