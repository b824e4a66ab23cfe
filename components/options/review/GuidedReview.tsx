import { i18n } from '#i18n';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { formatNumber } from '../../../lib/i18n';
import type { Balance } from '../../../lib/model/balance';
import { type Contact, tagField } from '../../../lib/model/contact';
import { displayName, sortByName } from '../../../lib/model/contact-query';
import { errorText } from '../../../lib/model/error-text';
import { reviewProgress, reviewQueue } from '../../../lib/model/review';
import { isTypingTarget, tagShortcuts } from '../../../lib/model/tag-keys';
import { type Tag, tagsOf } from '../../../lib/model/taxonomy';
import type { PageClient } from '../../../lib/protocol/page-client';
import { TagToggleGroups } from '../../shared/TagToggleGroups';
import { Diagnosis } from '../../shared/Diagnosis';
import '../queue/UntaggedQueue.css';
import './GuidedReview.css';

export interface GuidedReviewProps {
  /** Every contact, as the page watches them. */
  contacts: Contact[];
  taxonomy: Tag[];
  /** The network's balance now, for the diagnosis at the end. */
  balance: Balance;
  client: Pick<PageClient, 'setTag' | 'markReviewed'>;
  now?: () => Date;
}

type Tags = Pick<Contact, 'purposes' | 'relationships'>;

/**
 * Seed 001's exercise: go through your contacts one at a time and ask whether each serves your
 * company or helps you grow and adapt. Untagged people first, then those not reviewed for six months
 * (lib/model/review.ts). "Reviewed, next" stores `reviewedAt`; "Skip" leaves the person for another
 * day; "Done for today" (or the end of the queue) shows the diagnosis in words.
 */
export function GuidedReview({ contacts, taxonomy, balance, client, now = () => new Date() }: GuidedReviewProps) {
  const byId = useMemo(() => new Map(contacts.map((contact) => [contact.id, contact])), [contacts]);
  // The round's order is fixed when it starts: tagging someone must not move them in the queue.
  const [round, setRound] = useState<string[]>(() => reviewQueue(sortByName(contacts), now()).map((c) => c.id));
  const [at, setAt] = useState(0);
  const [finished, setFinished] = useState(false);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Tags>>(() => new Map());
  const [error, setError] = useState('');
  const regionRef = useRef<HTMLElement>(null);

  // People deleted meanwhile are passed over.
  let index = at;
  while (index < round.length && !byId.has(round[index]!)) index++;
  const contact = finished ? undefined : byId.get(round[index] ?? '');
  const current: Tags | null = contact ? (overrides.get(contact.id) ?? contact) : null;
  const progress = reviewProgress(contacts, now());

  const purposes = tagsOf(taxonomy, 'purpose');
  const relationships = tagsOf(taxonomy, 'relationship');
  // The same keys as on the panel and in the untagged queue; n and p stay free.
  const shortcuts = useMemo(() => tagShortcuts([...purposes, ...relationships]), [taxonomy]);

  function advance() {
    setAt(index + 1);
    setError('');
    regionRef.current?.focus();
  }

  async function reviewed() {
    if (!contact) return;
    try {
      await client.markReviewed({ contactId: contact.id });
      advance();
    } catch (failure) {
      setError(i18n.t('common.notSaved', [errorText(failure)]));
    }
  }

  async function toggle(tag: Tag, on: boolean) {
    if (!contact || !current) return;
    const id = contact.id;
    const field = tagField(tag.dimension);
    const before = current;
    const after: Tags = {
      ...before,
      [field]: on ? [...before[field].filter((t) => t !== tag.id), tag.id] : before[field].filter((t) => t !== tag.id),
    };
    setOverrides((map) => new Map(map).set(id, after));
    setError('');
    try {
      await client.setTag({ contactId: id, tagId: tag.id, on });
    } catch (failure) {
      setOverrides((map) => (map.get(id) === after ? new Map(map).set(id, before) : map));
      setError(i18n.t('common.notSaved', [errorText(failure)]));
    }
  }

  function restart() {
    setRound(reviewQueue(sortByName(contacts), now()).map((c) => c.id));
    setAt(0);
    setFinished(false);
    setOverrides(new Map());
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLElement>) {
    if (!contact || !current) return;
    if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
    const key = event.key.toLowerCase();
    const tag = [...purposes, ...relationships].find((t) => shortcuts.get(t.id) === key);
    if (key === 'n') void reviewed();
    else if (event.key === 'ArrowRight') advance();
    else if (tag) void toggle(tag, !current[tagField(tag.dimension)].includes(tag.id));
    else return;
    event.preventDefault();
  }

  const left = round.length - index;
  return (
    <section
      ref={regionRef}
      class="uq review"
      role="region"
      aria-label={i18n.t('review.label')}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <p class="review-progress">
        {i18n.t('review.progress', [formatNumber(progress.reviewed), formatNumber(progress.total)])}
        <progress
          max={Math.max(progress.total, 1)}
          value={progress.reviewed}
          aria-label={i18n.t('review.progressLabel')}
        />
      </p>
      {contact && current ? (
        <>
          <p class="muted" role="status">
            {i18n.t('review.position', [formatNumber(index + 1), formatNumber(round.length)])}
          </p>
          <p class="review-question">{i18n.t('review.question')}</p>
          <div class="uq-person">
            <h3>{displayName(contact)}</h3>
            {contact.headline && <p>{contact.headline}</p>}
            {contact.company && <p>{contact.company}</p>}
          </div>
          <TagToggleGroups
            surface="queue"
            taxonomy={taxonomy}
            selected={current}
            shortcuts={shortcuts}
            onToggle={toggle}
          />
          <div class="row review-actions">
            <button type="button" class="primary" onClick={() => void reviewed()}>
              {i18n.t('review.reviewed')}
            </button>
            <button type="button" onClick={advance}>
              {i18n.t('review.skip')}
            </button>
            <button type="button" onClick={() => setFinished(true)}>
              {i18n.t('review.doneToday')}
            </button>
          </div>
          <p class="uq-hint">{i18n.t('review.hint')}</p>
        </>
      ) : (
        <>
          {!finished && left <= 0 && (
            <p class="muted" role="status">
              {contacts.length === 0 ? i18n.t('review.noContacts') : i18n.t('review.empty')}
            </p>
          )}
          <Diagnosis balance={balance} />
          {(finished || round.length > 0) && (
            <button type="button" onClick={restart}>
              {i18n.t('review.again')}
            </button>
          )}
        </>
      )}
      <p class="uq-error alert" role="alert">
        {error}
      </p>
    </section>
  );
}
