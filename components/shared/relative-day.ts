import { uiLocale } from '../../lib/i18n';

/**
 * "today", "yesterday", "3 days ago", "2 weeks ago", "3 months ago", "last year" in the UI language
 * (Intl.RelativeTimeFormat), for a number of whole calendar days in the past.
 */
export function relativeDay(days: number, locale = uiLocale()): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (days < 7) return format.format(-days, 'day');
  if (days < 30) return format.format(-Math.floor(days / 7), 'week');
  if (days < 365) return format.format(-Math.floor(days / 30), 'month');
  return format.format(-Math.floor(days / 365), 'year');
}

/** A calendar date (YYYY-MM-DD) as the UI language writes it: "10 Dec 2026". */
export function formatDay(on: string, locale = uiLocale()): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}
