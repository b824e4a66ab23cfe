import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { ContactView } from '../../lib/storage/contact-view';
import type { ContentClient } from '../../lib/protocol/client';
import {
  TOUCH_CHANNELS,
  type Touch,
  type TouchChannel,
  daysBetween,
  dueState,
  lastTouchOn,
  rhythmOf,
  tagRhythms,
  today,
} from '../../lib/model/rhythm';
import { formatDay, relativeDay } from '../shared/relative-day';

/** Rhythms offered as a person's own, in days. */
const RHYTHM_CHOICES = [7, 14, 30, 60, 90, 180, 365];

interface KeepInTouchProps {
  contactId: string;
  view: ContactView;
  client: Pick<ContentClient, 'logTouch' | 'removeTouch' | 'setPersonRhythm'>;
  /** The panel's saving (./useSave.ts): runs the change, shows its answer. */
  save: (action: () => Promise<ContactView | null>, revert: () => void) => Promise<void>;
  now?: () => Date;
}

/**
 * "Last in touch: 3 months ago", "I reached out" (today) with an undo, and in a small disclosure another
 * day, how, and the person's own rhythm.
 */
export function KeepInTouch({ contactId, view, client, save, now = () => new Date() }: KeepInTouchProps) {
  const [logged, setLogged] = useState<Touch | null>(null);
  const day = today(now());
  const [date, setDate] = useState(day);
  const [channel, setChannel] = useState<TouchChannel | ''>('');
  const contact = view.contact;
  const last = contact ? lastTouchOn(contact) : undefined;
  const rhythms = tagRhythms(view.taxonomy);
  const state = contact ? dueState(contact, rhythms, now()) : null;
  const tagsRhythm = contact ? rhythmOf({ ...contact, rhythmDays: undefined }, rhythms) : null;

  function log(touch: Touch) {
    setLogged(touch);
    void save(
      () => client.logTouch({ contactId, on: touch.on, ...(touch.channel && { channel: touch.channel }) }),
      () => setLogged(null),
    );
  }

  function undo() {
    if (!logged) return;
    const touch = logged;
    setLogged(null);
    void save(
      () => client.removeTouch({ contactId, on: touch.on, ...(touch.channel && { channel: touch.channel }) }),
      () => undefined,
    );
  }

  function setRhythm(value: string) {
    const rhythmDays = value === 'tags' ? null : Number(value);
    void save(
      () => client.setPersonRhythm({ contactId, rhythmDays }),
      () => undefined,
    );
  }

  const rhythmValue = contact?.rhythmDays === undefined ? 'tags' : String(contact.rhythmDays);
  const choices = [...new Set([...RHYTHM_CHOICES, ...(contact?.rhythmDays ? [contact.rhythmDays] : [])])].sort(
    (a, b) => a - b,
  );

  return (
    <section class="touch" aria-label={i18n.t('touch.rhythm')}>
      <p class="last-touch">
        {last
          ? i18n.t('touch.lastInTouch', [relativeDay(Math.max(0, daysBetween(last, day)))])
          : i18n.t('touch.neverInTouch')}
        {state?.due && <span class="due"> · {i18n.t('touch.overdue', state.overdue)}</span>}
        {contact?.snoozedUntil && daysBetween(day, contact.snoozedUntil) > 0 && (
          <span class="muted"> · {i18n.t('touch.snoozedUntil', [formatDay(contact.snoozedUntil)])}</span>
        )}
      </p>
      <div class="touch-actions">
        <button type="button" class="reached-out" onClick={() => log({ on: day })}>
          {i18n.t('touch.reachedOut')}
        </button>
        {logged && (
          <span class="logged">
            {i18n.t('touch.logged', [relativeDay(Math.max(0, daysBetween(logged.on, day)))])}{' '}
            <button type="button" class="undo-touch" onClick={undo}>
              {i18n.t('touch.undo')}
            </button>
          </span>
        )}
      </div>
      <details class="touch-more">
        <summary>{i18n.t('touch.more')}</summary>
        <form
          class="touch-other"
          onSubmit={(event) => {
            event.preventDefault();
            if (!date || date > day) return;
            log(channel ? { on: date, channel } : { on: date });
          }}
        >
          <label>
            {i18n.t('touch.date')}
            <input
              type="date"
              required
              max={day}
              value={date}
              onInput={(event) => setDate(event.currentTarget.value)}
            />
          </label>
          <label>
            {i18n.t('touch.channel')}
            <select value={channel} onChange={(event) => setChannel(event.currentTarget.value as TouchChannel | '')}>
              <option value="">{i18n.t('touch.channelNone')}</option>
              {TOUCH_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{i18n.t('touch.logOther')}</button>
        </form>
        <label class="rhythm">
          {i18n.t('touch.rhythm')}
          <select value={rhythmValue} onChange={(event) => setRhythm(event.currentTarget.value)}>
            <option value="tags">
              {tagsRhythm === null ? i18n.t('touch.rhythmFollowNone') : i18n.t('touch.rhythmFollow', tagsRhythm)}
            </option>
            <option value="0">{i18n.t('touch.rhythmNone')}</option>
            {choices.map((days) => (
              <option key={days} value={String(days)}>
                {i18n.t('touch.every', days)}
              </option>
            ))}
          </select>
        </label>
      </details>
    </section>
  );
}

function channelLabel(channel: TouchChannel): string {
  switch (channel) {
    case 'message':
      return i18n.t('touch.channels.message');
    case 'call':
      return i18n.t('touch.channels.call');
    case 'meeting':
      return i18n.t('touch.channels.meeting');
    case 'email':
      return i18n.t('touch.channels.email');
    case 'event':
      return i18n.t('touch.channels.event');
  }
}
