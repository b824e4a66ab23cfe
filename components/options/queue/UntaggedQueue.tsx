import { i18n } from '#i18n';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { formatNumber } from '../../../lib/i18n';
import { type Contact, isTagged, tagField } from '../../../lib/model/contact';
import { displayName, nameOrder } from '../../../lib/model/contact-query';
import { isTypingTarget, tagShortcuts } from '../../../lib/model/tag-keys';
import { type Tag, tagsOf } from '../../../lib/model/taxonomy';
import { TagToggleGroups } from '../../shared/TagToggleGroups';
import './UntaggedQueue.css';
import { errorText } from '../../../lib/model/error-text';
import type { PageClient } from '../../../lib/protocol/page-client';

export interface UntaggedQueueProps {
  /** All contacts; the queue is those with no purpose and no relationship, in name order. */
  contacts: Contact[];
  taxonomy: Tag[];
  /** The page's watched contacts then bring the change back in `contacts`. */
  client: Pick<PageClient, 'setTag'>;
}

type Tags = Pick<Contact, 'purposes' | 'relationships'>;

/**
 * Steps through untagged contacts one at a time, tagging each with a click or a key. A contact tagged
 * here stays on screen until the user moves on, so a mis-click can be fixed; then it leaves the queue.
 */
export function UntaggedQueue({ contacts, taxonomy, client }: UntaggedQueueProps) {
  const [currentId, setCurrentId] = useState<string | null>(null);
  /** Where the current contact was, for when it leaves the queue (tagged elsewhere, deleted). */
  const [position, setPosition] = useState(0);
  /** Tags as toggled here, shown at once and kept until the page's data agrees. */
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Tags>>(() => new Map());
  const [error, setError] = useState('');
  const regionRef = useRef<HTMLElement>(null);

  const orderByName = useMemo(nameOrder, []);
  const byName = useMemo(() => orderByName(contacts), [contacts]);
  const tagsFor = (contact: Contact): Tags => overrides.get(contact.id) ?? contact;

  const queue = useMemo(
    () => byName.filter((contact) => contact.id === currentId || !isTagged(overrides.get(contact.id) ?? contact)),
    [byName, overrides, currentId],
  );
  const found = currentId === null ? -1 : queue.findIndex((contact) => contact.id === currentId);
  const index = found >= 0 ? found : Math.min(position, queue.length - 1);
  const contact = queue[index];

  const purposes = tagsOf(taxonomy, 'purpose');
  const relationships = tagsOf(taxonomy, 'relationship');
  // The same keys as on the panel; n and p stay free for Next and Previous.
  const shortcuts = useMemo(() => tagShortcuts([...purposes, ...relationships]), [taxonomy]);

  function goTo(step: 1 | -1) {
    if (!contact) return;
    const next = queue[(index + step + queue.length) % queue.length];
    // Moving on lets a contact tagged here leave the queue (the next render no longer keeps it).
    setCurrentId(next && next.id !== contact.id ? next.id : null);
    setPosition(index);
    setError('');
    // When the last one leaves, its buttons go too: keep focus in the region so keys keep working.
    if (queue.length === 1 && isTagged(tagsFor(contact))) regionRef.current?.focus();
  }

  async function toggle(tag: Tag, on: boolean) {
    if (!contact) return;
    const id = contact.id;
    const field = tagField(tag.dimension);
    const before = tagsFor(contact);
    const after: Tags = {
      ...before,
      [field]: on ? [...before[field].filter((t) => t !== tag.id), tag.id] : before[field].filter((t) => t !== tag.id),
    };
    setCurrentId(id); // keep this contact on screen even though it is tagged now
    setPosition(index);
    setOverrides((current) => new Map(current).set(id, after));
    setError('');
    try {
      await client.setTag({ contactId: id, tagId: tag.id, on });
    } catch (failure) {
      setOverrides((current) => {
        const next = new Map(current);
        // Undo only if nothing was toggled since; otherwise the later toggle's state stands.
        if (next.get(id) === after) next.set(id, before);
        return next;
      });
      setError(i18n.t('common.notSaved', [errorText(failure)]));
    }
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
    const key = event.key.toLowerCase();
    const tag = [...purposes, ...relationships].find((t) => shortcuts.get(t.id) === key);
    if (key === 'n' || event.key === 'ArrowRight') goTo(1);
    else if (key === 'p' || event.key === 'ArrowLeft') goTo(-1);
    else if (contact && tag) {
      const field = tagField(tag.dimension);
      void toggle(tag, !tagsFor(contact)[field].includes(tag.id));
    } else return;
    event.preventDefault();
  }

  const current = contact ? tagsFor(contact) : null;

  return (
    <section
      ref={regionRef}
      class="uq"
      role="region"
      aria-label={i18n.t('queue.label')}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {!contact || !current ? (
        <p class="uq-done muted">{i18n.t('queue.done')}</p>
      ) : (
        <>
          <div class="uq-top">
            <p role="status">{i18n.t('queue.position', [formatNumber(index + 1), formatNumber(queue.length)])}</p>
            <div class="uq-nav">
              <button type="button" onClick={() => goTo(-1)}>
                {i18n.t('queue.previous')}
              </button>
              <button type="button" onClick={() => goTo(1)}>
                {i18n.t('queue.next')}
              </button>
            </div>
          </div>
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
          <p class="uq-hint">{i18n.t('queue.hint')}</p>
        </>
      )}
      <p class="uq-error alert" role="alert">
        {error}
      </p>
    </section>
  );
}
