import { i18n } from '#i18n';
import { formatNumber } from '../../lib/i18n';
import type { ReconnectEntry } from '../../lib/model/reconnect';

interface ReconnectListProps {
  /** The longest-unseen people first; the popup loads only the first few. */
  entries: ReconnectEntry[];
  /** How many people are due in all. */
  total: number;
  days: number;
  /** Absent in the popup, which shows the default threshold. */
  onDaysChange?: (days: number) => void;
}

const CHOICES = [30, 60, 90, 180, 365];

/** People who matter for the user's own growth and have not been looked up for a while. */
export function ReconnectList({ entries, total, days, onDaysChange }: ReconnectListProps) {
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
      {total === 0 ? (
        <p class="muted">{i18n.t('reconnect.none', days, [formatNumber(days)])}</p>
      ) : (
        <>
          <p class="muted">
            {i18n.t('reconnect.intro', [i18n.t('reconnect.people', total, [formatNumber(total)]), formatNumber(days)])}
          </p>
          <ol class="reconnect-list">
            {entries.map(({ contact, daysSinceSeen }) => (
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
          {entries.length < total && (
            <p class="muted">{i18n.t('reconnect.more', [formatNumber(total - entries.length)])}</p>
          )}
        </>
      )}
    </section>
  );
}
