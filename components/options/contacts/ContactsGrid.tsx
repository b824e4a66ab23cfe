import { i18n } from '#i18n';
import { useId, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { JSX, RefObject, TargetedKeyboardEvent } from 'preact';
import { formatNumber } from '../../../lib/i18n';
import type { Contact } from '../../../lib/model/contact';
import type { ContactSort, SortKey } from '../../../lib/model/contact-query';
import { type Tag, tagsOf } from '../../../lib/model/taxonomy';
import { COLUMN_COUNT, ContactRow, Spacer, tagsOfContact } from './ContactRow';
import { ROW_HEIGHT, type WindowedRows } from './useWindowedRows';

/** Keys that act on or from the active row. */
const ROW_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', ' ', 'Enter', 'Delete']);

const SORT_COLUMNS: SortKey[] = ['name', 'company', 'tags', 'lastSeen', 'updated'];

interface ContactsGridProps {
  windowed: WindowedRows;
  gridRef: RefObject<HTMLTableElement | null>;
  /** The contacts that pass the filters, in order. */
  contacts: Contact[];
  /** How many contacts there are at all, to tell "none yet" from "none match". */
  total: number;
  taxonomy: Tag[];
  sort: ContactSort;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<string>;
  /** How many of `contacts` are selected. */
  shownSelected: number;
  onToggle: (contactId: string) => void;
  onToggleAll: () => void;
  onEditNote: (contact: Contact) => void;
  onDelete: (contact: Contact) => void;
  now: Date;
}

/**
 * The windowed table: only the rows on screen are rendered (fixed row height, spacer rows above and below),
 * while `aria-rowcount` and `aria-rowindex` tell assistive technology the full size. The grid itself takes
 * focus and moves an active row with the arrow keys; the active row's controls are the ones Tab reaches.
 */
export function ContactsGrid(props: ContactsGridProps) {
  const { windowed: win, contacts, selected, shownSelected, onToggle, onEditNote, onDelete } = props;
  const uid = useId();
  const selectAllRef = useRef<HTMLInputElement>(null);
  const count = contacts.length;
  const { active, start, end } = win;
  const allShownSelected = count > 0 && shownSelected === count;
  const rowId = (i: number) => `${uid}-row-${i}`;

  const tagById = useMemo(() => new Map(props.taxonomy.map((tag) => [tag.id, tag])), [props.taxonomy]);
  const tagRank = useMemo(() => {
    const ordered = [
      ...tagsOf(props.taxonomy, 'purpose', { includeArchived: true }),
      ...tagsOf(props.taxonomy, 'relationship', { includeArchived: true }),
    ];
    return new Map(ordered.map((tag, rank) => [tag.id, rank]));
  }, [props.taxonomy]);

  useLayoutEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = shownSelected > 0 && !allShownSelected;
  }, [shownSelected, allShownSelected]);

  function onKeyDown(event: TargetedKeyboardEvent<HTMLTableElement>) {
    // Keys typed in a row's checkbox, link or buttons keep their own meaning.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const contact = contacts[active];
    if (ROW_KEYS.has(event.key) && win.returnToScreen()) {
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        win.moveTo(active + 1);
        break;
      case 'ArrowUp':
        win.moveTo(active - 1);
        break;
      case 'PageDown':
        win.moveTo(active + win.rowsPerPage);
        break;
      case 'PageUp':
        win.moveTo(active - win.rowsPerPage);
        break;
      case 'Home':
        win.moveTo(0);
        break;
      case 'End':
        win.moveTo(count - 1);
        break;
      case ' ':
        if (contact) onToggle(contact.id);
        break;
      case 'Enter':
        if (contact) onEditNote(contact);
        break;
      case 'Delete':
        if (contact) onDelete(contact);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const rows: JSX.Element[] = [];
  for (let i = start; i < end; i++) {
    const contact = contacts[i];
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
        now={props.now}
        onActivate={() => win.setActive(i)}
        onToggle={() => onToggle(contact.id)}
        onEditNote={() => {
          win.setActive(i);
          onEditNote(contact);
        }}
        onDelete={() => {
          win.setActive(i);
          onDelete(contact);
        }}
      />,
    );
  }

  return (
    <div class="ct-scroll" ref={win.scrollRef} onScroll={win.onScroll}>
      <table
        ref={props.gridRef}
        class="ct-grid"
        role="grid"
        aria-label={i18n.t('contacts.gridLabel')}
        aria-multiselectable="true"
        aria-rowcount={count + 1}
        aria-colcount={COLUMN_COUNT}
        aria-activedescendant={count > 0 && active >= start && active < end ? rowId(active) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(event) => event.target === event.currentTarget && win.keepActiveRendered()}
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
                onChange={props.onToggleAll}
              />
            </th>
            {SORT_COLUMNS.map((key) => (
              <SortHeader key={key} column={key} sort={props.sort} onSort={props.onSort} />
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
        <p class="ct-empty">{props.total === 0 ? i18n.t('contacts.empty') : i18n.t('contacts.noMatch')}</p>
      )}
    </div>
  );
}

function SortHeader({ column, sort, onSort }: { column: SortKey; sort: ContactSort; onSort: (key: SortKey) => void }) {
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
