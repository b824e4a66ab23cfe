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
      <h2 id="reconnect-heading">Reconnect</h2>
      {onDaysChange && (
        <label class="row">
          Not opened for more than
          <select value={String(days)} onChange={(event) => onDaysChange(Number(event.currentTarget.value))}>
            {CHOICES.map((choice) => (
              <option key={choice} value={String(choice)}>
                {choice} days
              </option>
            ))}
          </select>
        </label>
      )}
      {entries.length === 0 ? (
        <p class="muted">
          Nobody to reconnect with: everyone you tagged for your own growth was looked up in the last {days} days.
        </p>
      ) : (
        <>
          <p class="muted">
            {entries.length === 1 ? '1 person who matters' : `${entries.length} people who matter`} for your growth, not
            looked up for more than {days} days:
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
                <span class="muted"> · {daysSinceSeen === null ? 'never opened' : `${daysSinceSeen} days ago`}</span>
              </li>
            ))}
          </ol>
          {shown.length < entries.length && <p class="muted">and {entries.length - shown.length} more</p>}
        </>
      )}
    </section>
  );
}
