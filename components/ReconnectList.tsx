import { i18n } from '#i18n';
import { formatNumber } from '../app/i18n';
import type { ReconnectEntry } from '../lib/reconnect';

interface ReconnectListProps {
  entries: ReconnectEntry[];
  days: number;
  /** Absent in the popup, which shows the first few with the default threshold. */
  onDaysChange?: (days: number) => void;
  limit?: number;
}

const CHOICES = [30, 60, 90, 180, 365];

/** People who matter for the user's own growth and have not been looked up for a while. */
export function ReconnectList({ entries, days, onDaysChange, limit }: ReconnectListProps) {
  const shown = limit ? entries.slice(0, limit) : entries;
  return (
    <section aria-labelledby="reconnect-heading" class="reconnect">
      <h2 id="reconnect-heading">{i18n.t('reconnect.heading')}</h2>
      {onDaysChange && (
        <label class="row">
          {i18n.t('reconnect.threshold')}
          <select value={String(days)} onChange={(event) => onDaysChange(Number(event.currentTarget.value))}>
            {CHOICES.map((choice) => (
              <option key={choice} value={String(choice)}>
                {i18n.t('reconnect.days', choice, [formatNumber(choice)])}
              </option>
            ))}
          </select>
        </label>
      )}
      {entries.length === 0 ? (
        <p class="muted">{i18n.t('reconnect.none', days, [formatNumber(days)])}</p>
      ) : (
        <>
          <p class="muted">
            {i18n.t('reconnect.intro', [
              i18n.t('reconnect.people', entries.length, [formatNumber(entries.length)]),
              formatNumber(days),
            ])}
          </p>
          <ol class="reconnect-list">
            {shown.map(({ contact, daysSinceSeen }) => (
              <li key={contact.id}>
                {contact.url ? (
                  <a href={contact.url} target="_blank" rel="noreferrer">
                    {contact.name || contact.id}
                  </a>
                ) : (
                  <span>{contact.name || contact.id}</span>
                )}
                <span class="muted">
                  {' · '}
                  {daysSinceSeen === null
                    ? i18n.t('reconnect.neverOpened')
                    : i18n.t('time.daysAgo', daysSinceSeen, [formatNumber(daysSinceSeen)])}
                </span>
              </li>
            ))}
          </ol>
          {shown.length < entries.length && (
            <p class="muted">{i18n.t('reconnect.more', [formatNumber(entries.length - shown.length)])}</p>
          )}
        </>
      )}
    </section>
  );
}
