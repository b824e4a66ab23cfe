import { i18n } from '#i18n';
import { useRef, useState } from 'preact/hooks';
import { formatNumber } from '../../lib/i18n';
import { errorText } from '../../lib/model/error-text';
import { daysBetween, lastTouchOn, today } from '../../lib/model/rhythm';
import type { PageClient } from '../../lib/protocol/page-client';
import type { DueContact } from '../../lib/storage/keep-in-touch';
import { relativeDay } from './relative-day';
import { useWatch } from './use-watch';

interface ReconnectListProps {
  client: Pick<PageClient, 'watchDue' | 'logTouch' | 'removeTouch' | 'snoozeContact'>;
  /** How many people to show: the popup shows a few, the overview all. */
  limit?: number;
  onError?: (error: unknown) => void;
  now?: () => Date;
}

/** How many more people due the overview shows at a time. */
const PAGE = 25;

type Done = { kind: 'touch' | 'snooze'; contact: DueContact; on: string };

/**
 * Keep in touch: the people due (lib/model/rhythm.ts), most overdue first and the growth side before the
 * company side, each with "Reached out" (today), "Snooze 2 weeks" and a link to the profile; the last of
 * these can be undone.
 */
export function ReconnectList({
  client,
  limit = Infinity,
  onError = () => undefined,
  now = () => new Date(),
}: ReconnectListProps) {
  // The overview lists everyone due a page at a time: at 30,000 contacts thousands may be due, and each one
  // shown is a contact read whole and a row drawn.
  const [pages, setPages] = useState(1);
  const shown = Math.min(limit, pages * PAGE);
  const due = useWatch(() => client.watchDue(shown), [shown], onError);
  const [done, setDone] = useState<Done | null>(null);
  const [failed, setFailed] = useState('');
  const undoButton = useRef<HTMLButtonElement>(null);

  async function act(kind: Done['kind'], contact: DueContact) {
    const on = today(now());
    setFailed('');
    try {
      if (kind === 'touch') await client.logTouch({ contactId: contact.id, on });
      else await client.snoozeContact({ contactId: contact.id, snoozed: true });
      setDone({ kind, contact, on });
      // The row is gone: the keyboard goes on from the undo.
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (error) {
      setFailed(errorText(error));
    }
  }

  async function undo() {
    if (!done) return;
    const { kind, contact, on } = done;
    setDone(null);
    try {
      if (kind === 'touch') await client.removeTouch({ contactId: contact.id, on });
      else await client.snoozeContact({ contactId: contact.id, snoozed: false });
    } catch (error) {
      setFailed(errorText(error));
    }
  }

  const day = today(now());
  return (
    <section aria-labelledby="reconnect-heading" class="reconnect">
      <h2 id="reconnect-heading">{i18n.t('due.heading')}</h2>
      {!due ? (
        <p class="muted">{i18n.t('common.loading')}</p>
      ) : due.total === 0 ? (
        <p class="muted">{i18n.t('due.none')}</p>
      ) : (
        <>
          <p class="muted">{i18n.t('due.intro', due.total, [formatNumber(due.total)])}</p>
          <ol class="reconnect-list">
            {due.entries.map(({ contact, state }) => {
              const name = contact.name || contact.id;
              const last = lastTouchOn(contact);
              return (
                <li key={contact.id}>
                  {contact.url ? (
                    <a href={contact.url} target="_blank" rel="noreferrer">
                      {name}
                    </a>
                  ) : (
                    <span>{name}</span>
                  )}
                  <span class="muted">
                    {' · '}
                    {i18n.t('due.overdue', state.overdue, [formatNumber(state.overdue)])}
                    {' · '}
                    {last
                      ? i18n.t('due.last', [relativeDay(Math.max(0, daysBetween(last, day)))])
                      : i18n.t('due.never')}
                  </span>
                  <span class="due-actions">
                    <button
                      type="button"
                      aria-label={i18n.t('due.reachedOutLabel', [name])}
                      onClick={() => void act('touch', contact)}
                    >
                      {i18n.t('due.reachedOut')}
                    </button>
                    <button
                      type="button"
                      aria-label={i18n.t('due.snoozeLabel', [name])}
                      onClick={() => void act('snooze', contact)}
                    >
                      {i18n.t('due.snooze')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
          {due.entries.length < due.total &&
            (shown < limit ? (
              <button type="button" onClick={() => setPages(pages + 1)}>
                {i18n.t('due.showMore', [formatNumber(Math.min(PAGE, due.total - due.entries.length))])}
              </button>
            ) : (
              <p class="muted">{i18n.t('due.more', [formatNumber(due.total - due.entries.length)])}</p>
            ))}
        </>
      )}
      <p class="muted" role="status">
        {done && (
          <>
            {done.kind === 'touch'
              ? i18n.t('due.loggedFor', [done.contact.name || done.contact.id])
              : i18n.t('due.snoozedFor', [done.contact.name || done.contact.id])}{' '}
            <button type="button" ref={undoButton} onClick={() => void undo()}>
              {i18n.t('due.undo')}
            </button>
          </>
        )}
        {failed && <span class="error">{i18n.t('due.failed', [failed])}</span>}
      </p>
    </section>
  );
}
