import { i18n } from '#i18n';
import { translate, uiLocale } from '../../../lib/i18n';
import type { Contact } from '../../../lib/model/contact';
import { displayName, formatDate, formatLastSeen } from '../../../lib/model/contact-query';
import type { Tag } from '../../../lib/model/taxonomy';

export const COLUMN_COUNT = 7;

interface ContactRowProps {
  id: string;
  rowIndex: number;
  contact: Contact;
  tags: Tag[];
  active: boolean;
  selected: boolean;
  now: Date;
  onActivate: () => void;
  onToggle: () => void;
  onEditNote: () => void;
  onDelete: () => void;
}

/** One contact. Everything is rendered as text: names and notes may contain markup. */
export function ContactRow({
  id,
  rowIndex,
  contact,
  tags,
  active,
  selected,
  now,
  onActivate,
  onToggle,
  onEditNote,
  onDelete,
}: ContactRowProps) {
  const name = displayName(contact);
  const locale = uiLocale();
  // Only the active row's controls are in the Tab order; the grid's arrow keys reach the others.
  const tabIndex = active ? 0 : -1;
  return (
    <tr
      id={id}
      class={`ct-row${active ? ' ct-active' : ''}${selected ? ' ct-selected' : ''}`}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      onClick={onActivate}
    >
      <td class="ct-check">
        <input
          type="checkbox"
          aria-label={i18n.t('contacts.select', [name])}
          checked={selected}
          tabIndex={tabIndex}
          onChange={onToggle}
        />
      </td>
      <td class="ct-name">
        <span class="ct-line" title={name}>
          {contact.url ? (
            <a href={contact.url} target="_blank" rel="noopener noreferrer" tabIndex={tabIndex}>
              {name}
            </a>
          ) : (
            name
          )}
        </span>
        {contact.headline && (
          <span class="ct-line ct-headline" title={contact.headline}>
            {contact.headline}
          </span>
        )}
      </td>
      <td title={contact.company}>{contact.company}</td>
      <td title={tags.map((tag) => tag.label).join(', ')}>
        <span class="ct-chips">
          {tags.map((tag) => (
            <span
              key={tag.id}
              class={`ct-chip${tag.archived ? ' ct-archived' : ''}`}
              style={{ '--tag-color': tag.color }}
              title={tag.archived ? i18n.t('contacts.archivedTag', [tag.label]) : tag.description}
            >
              {tag.label}
            </span>
          ))}
        </span>
      </td>
      <td class="ct-muted">
        {contact.lastSeenAt ? (
          <time dateTime={contact.lastSeenAt} title={formatDate(contact.lastSeenAt, locale)}>
            {formatLastSeen(contact.lastSeenAt, translate, now, locale)}
          </time>
        ) : (
          i18n.t('time.never')
        )}
      </td>
      <td class="ct-muted">
        <time dateTime={contact.updatedAt}>{formatDate(contact.updatedAt, locale)}</time>
      </td>
      <td class="ct-actions">
        <button
          type="button"
          class="ct-small"
          tabIndex={tabIndex}
          title={contact.note || undefined}
          onClick={onEditNote}
        >
          {i18n.t('contacts.editNote')}
        </button>
        <button type="button" class="ct-small" tabIndex={tabIndex} onClick={onDelete}>
          {i18n.t('contacts.delete')}
        </button>
      </td>
    </tr>
  );
}

/** Keeps the scroll height right for the rows that are not rendered; invisible to assistive technology. */
export function Spacer({ height }: { height: number }) {
  return (
    <tr class="ct-spacer" aria-hidden="true" style={{ height: `${height}px` }}>
      <td colSpan={COLUMN_COUNT} />
    </tr>
  );
}

/** A contact's tags in taxonomy order; ids no longer in the taxonomy show as themselves. */
export function tagsOfContact(
  contact: Contact,
  tagById: ReadonlyMap<string, Tag>,
  tagRank: ReadonlyMap<string, number>,
): Tag[] {
  const ids = [...contact.purposes, ...contact.relationships];
  return ids
    .map(
      (tagId): Tag =>
        tagById.get(tagId) ?? {
          id: tagId,
          dimension: contact.purposes.includes(tagId) ? 'purpose' : 'relationship',
          label: tagId,
          description: '',
          color: 'var(--muted)',
          order: Number.MAX_SAFE_INTEGER,
          archived: true,
        },
    )
    .sort((a, b) => (tagRank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (tagRank.get(b.id) ?? Number.MAX_SAFE_INTEGER));
}
