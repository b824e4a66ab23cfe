import { i18n } from '#i18n';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX, TargetedFocusEvent, TargetedKeyboardEvent, TargetedUIEvent } from 'preact';
import { formatNumber, translate, uiLocale } from '../../../lib/i18n';
import { type Contact, LIMITS } from '../../../lib/model/contact';
import {
  type ContactSort,
  type SortKey,
  DEFAULT_SORT,
  buildSearchIndex,
  defaultDirection,
  displayName,
  filterContacts,
  formatDate,
  formatLastSeen,
  sortByName,
  sortContacts,
} from '../../../lib/model/contact-query';
import { type Tag, tagsOf } from '../../../lib/model/taxonomy';
import './ContactsTable.css';
import { errorText } from '../../../lib/model/error-text';

export interface ContactsTableProps {
  /** Every contact (tested with 30,000). */
  contacts: Contact[];
  /** All tags, archived ones included, in display order. */
  taxonomy: Tag[];
  /** Puts one tag on many contacts, or takes it off, in one transaction; resolves with how many changed. */
  bulkSetTag: (contactIds: string[], tagId: string, on: boolean) => Promise<{ changed: number }>;
  setNote: (contactId: string, note: string) => Promise<unknown>;
  deleteContact: (contactId: string) => Promise<unknown>;
  /** Called after every successful change, so the page reloads its data. */
  onChanged: () => void;
  /** The time "last seen" is counted from; now by default. */
  now?: Date;
}

/** Fixed row height in pixels; the CSS uses the same numbers (--ct-row-height, --ct-header-height). */
export const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 40;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 5;
/** The scroll area's height when it cannot be measured (tests, not yet laid out). */
const FALLBACK_HEIGHT = 600;
const COLUMN_COUNT = 7;
/** Keys that act on or from the active row. */
const ROW_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', ' ', 'Enter', 'Delete']);

const SORT_COLUMNS: SortKey[] = ['name', 'company', 'tags', 'lastSeen', 'updated'];

function columnLabel(key: SortKey): string {
  switch (key) {
    case 'name':
      return i18n.t('contacts.columns.name');
    case 'company':
      return i18n.t('contacts.columns.company');
    case 'tags':
      return i18n.t('contacts.columns.tags');
    case 'lastSeen':
      return i18n.t('contacts.columns.lastSeen');
    case 'updated':
      return i18n.t('contacts.columns.updated');
  }
}

type Dialog = { kind: 'note'; contact: Contact } | { kind: 'delete'; contact: Contact } | null;

/**
 * Every contact in a sortable, searchable table that stays fast at 30,000 rows: only the rows on screen
 * are rendered (fixed row height, spacer rows above and below), while `aria-rowcount` and
 * `aria-rowindex` tell assistive technology the full size. The grid itself takes focus and moves an
 * active row with the arrow keys; the active row's controls are the ones Tab reaches.
 */
export function ContactsTable({
  contacts,
  taxonomy,
  bulkSetTag,
  setNote,
  deleteContact,
  onChanged,
  now,
}: ContactsTableProps) {
  const uid = useId();
  const [search, setSearch] = useState('');
  const [purpose, setPurpose] = useState('');
  const [relationship, setRelationship] = useState('');
  const [untaggedOnly, setUntaggedOnly] = useState(false);
  const [sort, setSort] = useState<ContactSort>(DEFAULT_SORT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [activeIndex, setActiveIndex] = useState(0);
  const [firstVisible, setFirstVisible] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_HEIGHT);
  const [bulkTag, setBulkTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [draft, setDraft] = useState('');
  const [dialogError, setDialogError] = useState('');

  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  const dialogFocusRef = useRef<HTMLTextAreaElement | HTMLButtonElement | null>(null);

  // The expensive work happens when the data or the order changes, never while scrolling.
  const index = useMemo(() => buildSearchIndex(contacts), [contacts]);
  const byName = useMemo(() => sortByName(contacts), [contacts]);
  const sorted = useMemo(() => sortContacts(byName, sort, { byName: true }), [byName, sort]);
  const filtered = useMemo(
    () => filterContacts(sorted, { search, purpose, relationship, untaggedOnly }, index),
    [sorted, index, search, purpose, relationship, untaggedOnly],
  );

  const tagById = useMemo(() => new Map(taxonomy.map((tag) => [tag.id, tag])), [taxonomy]);
  const tagRank = useMemo(() => {
    const ordered = [
      ...tagsOf(taxonomy, 'purpose', { includeArchived: true }),
      ...tagsOf(taxonomy, 'relationship', { includeArchived: true }),
    ];
    return new Map(ordered.map((tag, rank) => [tag.id, rank]));
  }, [taxonomy]);

  // Selected contacts that still exist (a reload may have removed some), in table order.
  const selectedIds = useMemo(
    () => (selected.size === 0 ? [] : sorted.filter((contact) => selected.has(contact.id)).map((contact) => contact.id)),
    [sorted, selected],
  );
  const shownSelected = useMemo(
    () => (selected.size === 0 ? 0 : filtered.reduce((count, contact) => count + (selected.has(contact.id) ? 1 : 0), 0)),
    [filtered, selected],
  );
  const allShownSelected = filtered.length > 0 && shownSelected === filtered.length;

  useLayoutEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = shownSelected > 0 && !allShownSelected;
  }, [shownSelected, allShownSelected]);

  // Measure the scroll area; happy-dom (and a hidden page) report 0, so fall back to a sensible size.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setViewportHeight(element.clientHeight > 0 ? element.clientHeight : FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (dialog) dialogFocusRef.current?.focus();
  }, [dialog]);

  const count = filtered.length;
  const active = Math.min(activeIndex, Math.max(0, count - 1));
  const rowsArea = Math.max(ROW_HEIGHT, viewportHeight - HEADER_HEIGHT);
  const rowsPerPage = Math.max(1, Math.floor(rowsArea / ROW_HEIGHT));
  const start = Math.max(0, Math.min(firstVisible, count) - OVERSCAN);
  const end = Math.min(count, firstVisible + Math.ceil(rowsArea / ROW_HEIGHT) + OVERSCAN);
  const rowId = (i: number) => `${uid}-row-${i}`;

  function onScroll(event: TargetedUIEvent<HTMLDivElement>) {
    setFirstVisible(Math.max(0, Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT)));
  }

  /** Scrolls just enough for row `i` to be fully visible below the sticky header. */
  function reveal(i: number) {
    const element = scrollRef.current;
    if (!element) return;
    const top = i * ROW_HEIGHT;
    let scrollTop = element.scrollTop;
    if (top < scrollTop) scrollTop = top;
    else if (top + ROW_HEIGHT > scrollTop + rowsArea) scrollTop = top + ROW_HEIGHT - rowsArea;
    if (scrollTop !== element.scrollTop) element.scrollTop = scrollTop;
    setFirstVisible(Math.max(0, Math.floor(scrollTop / ROW_HEIGHT)));
  }

  function moveTo(i: number) {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, i));
    setActiveIndex(next);
    reveal(next);
  }

  /** A new search, filter or order starts at the top. */
  function restart() {
    setActiveIndex(0);
    setFirstVisible(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }

  function toggleSelected(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  function toggleAllShown() {
    setSelected((current) => {
      const next = new Set(current);
      if (allShownSelected) for (const contact of filtered) next.delete(contact.id);
      else for (const contact of filtered) next.add(contact.id);
      return next;
    });
  }

  function onGridKeyDown(event: TargetedKeyboardEvent<HTMLTableElement>) {
    // Keys typed in a row's checkbox, link or buttons keep their own meaning.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const contact = filtered[active];
    // After scrolling with the mouse the active row may be far away: a key then starts from what is on
    // screen rather than acting on (or jumping back to) a row the user cannot see. Home and End still jump.
    const scrollTop = scrollRef.current?.scrollTop ?? 0;
    const outOfView = (active + 1) * ROW_HEIGHT <= scrollTop || active * ROW_HEIGHT >= scrollTop + rowsArea;
    if (count > 0 && outOfView && ROW_KEYS.has(event.key)) {
      moveTo(Math.ceil(scrollTop / ROW_HEIGHT));
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        moveTo(active - 1);
        break;
      case 'PageDown':
        moveTo(active + rowsPerPage);
        break;
      case 'PageUp':
        moveTo(active - rowsPerPage);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(count - 1);
        break;
      case ' ':
        if (contact) toggleSelected(contact.id);
        break;
      case 'Enter':
        if (contact) openNote(contact);
        break;
      case 'Delete':
        if (contact) openDelete(contact);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  /** Focus comes back to the grid: make sure the active row is one that is rendered. */
  function onGridFocus(event: TargetedFocusEvent<HTMLTableElement>) {
    if (event.target !== event.currentTarget || count === 0) return;
    if (active < start || active >= end) setActiveIndex(Math.min(count - 1, firstVisible));
  }

  function chooseSort(key: SortKey) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: defaultDirection(key) },
    );
    restart();
  }

  async function applyBulk(on: boolean) {
    const tag = tagById.get(bulkTag);
    if (!tag || selectedIds.length === 0) return;
    const ids = selectedIds;
    setBusy(true);
    setError('');
    setMessage('');
    try {
      const { changed } = await bulkSetTag(ids, tag.id, on);
      const unchanged = ids.length - changed;
      const done = on
        ? i18n.t('contacts.bulk.added', [tag.label, contactsText(changed)])
        : i18n.t('contacts.bulk.removed', [tag.label, contactsText(changed)]);
      const rest =
        unchanged === 0
          ? ''
          : on
            ? i18n.t('contacts.bulk.alreadyHad', unchanged, [formatNumber(unchanged)])
            : i18n.t('contacts.bulk.didNotHave', unchanged, [formatNumber(unchanged)]);
      setMessage(rest ? `${done} ${rest}` : done);
      onChanged();
    } catch (failure) {
      setError(i18n.t('contacts.bulk.failed', [errorText(failure)]));
    } finally {
      setBusy(false);
    }
  }

  function openNote(contact: Contact) {
    setDialog({ kind: 'note', contact });
    setDraft(contact.note);
    setDialogError('');
  }

  function openDelete(contact: Contact) {
    setDialog({ kind: 'delete', contact });
    setDialogError('');
  }

  function closeDialog() {
    setDialog(null);
    setDialogError('');
    gridRef.current?.focus();
  }

  async function saveNote() {
    if (dialog?.kind !== 'note') return;
    const { contact } = dialog;
    setBusy(true);
    try {
      await setNote(contact.id, draft);
      setError('');
      setMessage(i18n.t('contacts.noteSaved', [displayName(contact)]));
      closeDialog();
      onChanged();
    } catch (failure) {
      setDialogError(i18n.t('common.notSaved', [errorText(failure)]));
    } finally {
      setBusy(false);
    }
  }

  async function confirmDelete() {
    if (dialog?.kind !== 'delete') return;
    const { contact } = dialog;
    setBusy(true);
    try {
      await deleteContact(contact.id);
      setSelected((current) => {
        if (!current.has(contact.id)) return current;
        const next = new Set(current);
        next.delete(contact.id);
        return next;
      });
      setError('');
      setMessage(i18n.t('contacts.deleted', [displayName(contact)]));
      closeDialog();
      onChanged();
    } catch (failure) {
      setDialogError(i18n.t('contacts.notDeleted', [errorText(failure)]));
    } finally {
      setBusy(false);
    }
  }

  const purposeTags = tagsOf(taxonomy, 'purpose', { includeArchived: true });
  const relationshipTags = tagsOf(taxonomy, 'relationship', { includeArchived: true });
  const today = now ?? new Date();
  const rows: JSX.Element[] = [];
  for (let i = start; i < end; i++) {
    const contact = filtered[i];
    if (!contact) continue;
    rows.push(
      <ContactRow
        key={contact.id}
        id={rowId(i)}
        rowIndex={i + 2}
        contact={contact}
        tags={tagsOfContact(contact, tagById, tagRank)}
        active={i === active}
        selected={selected.has(contact.id)}
        now={today}
        onActivate={() => setActiveIndex(i)}
        onToggle={() => toggleSelected(contact.id)}
        onEditNote={() => {
          setActiveIndex(i);
          openNote(contact);
        }}
        onDelete={() => {
          setActiveIndex(i);
          openDelete(contact);
        }}
      />,
    );
  }
  const hiddenSelected = selectedIds.length - shownSelected;

  return (
    <div class="ct">
      <div class="ct-filters">
        <input
          type="search"
          class="ct-search"
          aria-label={i18n.t('contacts.searchLabel')}
          placeholder={i18n.t('contacts.searchPlaceholder')}
          value={search}
          onInput={(event) => {
            setSearch(event.currentTarget.value);
            restart();
          }}
        />
        <TagFilter
          label={i18n.t('contacts.purpose')}
          anyLabel={i18n.t('contacts.anyPurpose')}
          tags={purposeTags}
          value={purpose}
          onChange={(value) => {
            setPurpose(value);
            restart();
          }}
        />
        <TagFilter
          label={i18n.t('contacts.relationship')}
          anyLabel={i18n.t('contacts.anyRelationship')}
          tags={relationshipTags}
          value={relationship}
          onChange={(value) => {
            setRelationship(value);
            restart();
          }}
        />
        <label class="ct-check-label">
          <input
            type="checkbox"
            checked={untaggedOnly}
            onChange={(event) => {
              setUntaggedOnly(event.currentTarget.checked);
              restart();
            }}
          />
          {i18n.t('contacts.untaggedOnly')}
        </label>
        <p class="ct-count" role="status">
          {i18n.t('contacts.count', contacts.length, [formatNumber(count), formatNumber(contacts.length)])}
        </p>
      </div>

      {selectedIds.length > 0 && (
        <div class="ct-bulk" role="group" aria-label={i18n.t('contacts.bulk.label')}>
          <strong>
            {i18n.t('contacts.bulk.selected', [formatNumber(selectedIds.length)])}
            {hiddenSelected > 0 && (
              <span class="ct-muted"> {i18n.t('contacts.bulk.notShown', [formatNumber(hiddenSelected)])}</span>
            )}
          </strong>
          <label class="ct-field">
            <span>{i18n.t('contacts.bulk.tag')}</span>
            <select value={bulkTag} onChange={(event) => setBulkTag(event.currentTarget.value)}>
              <option value="">{i18n.t('contacts.bulk.chooseTag')}</option>
              <optgroup label={i18n.t('contacts.purpose')}>
                {tagsOf(taxonomy, 'purpose').map((tag) => (
                  <option key={tag.id} value={tag.id}>
                    {tag.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label={i18n.t('contacts.relationship')}>
                {tagsOf(taxonomy, 'relationship').map((tag) => (
                  <option key={tag.id} value={tag.id}>
                    {tag.label}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <button type="button" disabled={busy || !tagById.has(bulkTag)} onClick={() => applyBulk(true)}>
            {i18n.t('contacts.bulk.add')}
          </button>
          <button type="button" disabled={busy || !tagById.has(bulkTag)} onClick={() => applyBulk(false)}>
            {i18n.t('contacts.bulk.remove')}
          </button>
          <button type="button" class="ct-link-button" onClick={() => setSelected(new Set())}>
            {i18n.t('contacts.bulk.clear')}
          </button>
        </div>
      )}
      <p class="ct-message" role="status">
        {message}
      </p>
      <p class="ct-error" role="alert">
        {error}
      </p>

      {dialog?.kind === 'note' && (
        <div
          class="ct-dialog"
          role="dialog"
          aria-labelledby={`${uid}-dialog-title`}
          onKeyDown={(event) => event.key === 'Escape' && closeDialog()}
        >
          <h3 id={`${uid}-dialog-title`}>{i18n.t('contacts.editNote')}</h3>
          <label class="ct-note">
            <span>{i18n.t('contacts.noteFor', [displayName(dialog.contact)])}</span>
            <textarea
              ref={(element) => {
                dialogFocusRef.current = element;
              }}
              rows={4}
              maxLength={LIMITS.note}
              value={draft}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
          </label>
          <div class="ct-dialog-actions">
            <button type="button" class="primary" disabled={busy} onClick={saveNote}>
              {i18n.t('common.save')}
            </button>
            <button type="button" onClick={closeDialog}>
              {i18n.t('common.cancel')}
            </button>
          </div>
          <p class="ct-error" role="alert">
            {dialogError}
          </p>
        </div>
      )}
      {dialog?.kind === 'delete' && (
        <div
          class="ct-dialog ct-danger"
          role="alertdialog"
          aria-labelledby={`${uid}-dialog-title`}
          onKeyDown={(event) => event.key === 'Escape' && closeDialog()}
        >
          <p id={`${uid}-dialog-title`}>{i18n.t('contacts.confirmDelete', [displayName(dialog.contact)])}</p>
          <div class="ct-dialog-actions">
            <button type="button" class="danger" disabled={busy} onClick={confirmDelete}>
              {i18n.t('contacts.delete')}
            </button>
            <button
              type="button"
              ref={(element) => {
                dialogFocusRef.current = element;
              }}
              onClick={closeDialog}
            >
              {i18n.t('common.cancel')}
            </button>
          </div>
          <p class="ct-error" role="alert">
            {dialogError}
          </p>
        </div>
      )}

      <div class="ct-scroll" ref={scrollRef} onScroll={onScroll}>
        <table
          ref={gridRef}
          class="ct-grid"
          role="grid"
          aria-label={i18n.t('contacts.gridLabel')}
          aria-multiselectable="true"
          aria-rowcount={count + 1}
          aria-colcount={COLUMN_COUNT}
          aria-activedescendant={count > 0 && active >= start && active < end ? rowId(active) : undefined}
          tabIndex={0}
          onKeyDown={onGridKeyDown}
          onFocus={onGridFocus}
        >
          <colgroup>
            <col class="ct-col-check" />
            <col class="ct-col-name" />
            <col class="ct-col-company" />
            <col class="ct-col-tags" />
            <col class="ct-col-date" />
            <col class="ct-col-date" />
            <col class="ct-col-actions" />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" class="ct-check">
                <input
                  ref={selectAllRef}
                  type="checkbox"
                  aria-label={i18n.t('contacts.selectAll', [formatNumber(count)])}
                  checked={allShownSelected}
                  disabled={count === 0}
                  onChange={toggleAllShown}
                />
              </th>
              {SORT_COLUMNS.map((key) => (
                <SortHeader key={key} column={key} sort={sort} onSort={chooseSort} />
              ))}
              <th scope="col">
                <span class="sr-only">{i18n.t('contacts.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {start > 0 && <Spacer height={start * ROW_HEIGHT} />}
            {rows}
            {end < count && <Spacer height={(count - end) * ROW_HEIGHT} />}
          </tbody>
        </table>
        {count === 0 && (
          <p class="ct-empty">{contacts.length === 0 ? i18n.t('contacts.empty') : i18n.t('contacts.noMatch')}</p>
        )}
      </div>
    </div>
  );
}

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: SortKey;
  sort: ContactSort;
  onSort: (key: SortKey) => void;
}) {
  const current = sort.key === column;
  return (
    <th scope="col" aria-sort={current ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" class="ct-sort" onClick={() => onSort(column)}>
        {columnLabel(column)}
        <span class="ct-sort-mark" aria-hidden="true">
          {current ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

/** Keeps the scroll height right for the rows that are not rendered; invisible to assistive technology. */
function Spacer({ height }: { height: number }) {
  return (
    <tr class="ct-spacer" aria-hidden="true" style={{ height: `${height}px` }}>
      <td colSpan={COLUMN_COUNT} />
    </tr>
  );
}

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
function ContactRow({ id, rowIndex, contact, tags, active, selected, now, onActivate, onToggle, onEditNote, onDelete }: ContactRowProps) {
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
        <button type="button" class="ct-small" tabIndex={tabIndex} title={contact.note || undefined} onClick={onEditNote}>
          {i18n.t('contacts.editNote')}
        </button>
        <button type="button" class="ct-small" tabIndex={tabIndex} onClick={onDelete}>
          {i18n.t('contacts.delete')}
        </button>
      </td>
    </tr>
  );
}

/** A contact's tags in taxonomy order; ids no longer in the taxonomy show as themselves. */
function tagsOfContact(contact: Contact, tagById: ReadonlyMap<string, Tag>, tagRank: ReadonlyMap<string, number>): Tag[] {
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

function contactsText(n: number): string {
  return i18n.t('common.contacts', n, [formatNumber(n)]);
}


/** A select of one dimension's tags (archived ones marked), with "any" first. */
function TagFilter(props: { label: string; anyLabel: string; tags: Tag[]; value: string; onChange: (value: string) => void }) {
  return (
    <label class="ct-field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">{props.anyLabel}</option>
        {props.tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.archived ? i18n.t('contacts.archivedTag', [tag.label]) : tag.label}
          </option>
        ))}
      </select>
    </label>
  );
}
