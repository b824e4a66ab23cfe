import { i18n } from '#i18n';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Contact } from '../../../lib/model/contact';
import {
  type ContactSort,
  type SortKey,
  DEFAULT_SORT,
  buildSearchIndex,
  defaultDirection,
  filterContacts,
  nameOrder,
  sortContacts,
} from '../../../lib/model/contact-query';
import { errorText } from '../../../lib/model/error-text';
import type { PageClient } from '../../../lib/protocol/page-client';
import type { Tag } from '../../../lib/model/taxonomy';
import { BulkActionBar, bulkResultText } from './BulkActionBar';
import { ContactDialog, useContactDialog } from './ContactDialog';
import { ContactsFilterBar, type Filters, NO_FILTERS } from './ContactsFilterBar';
import { ContactsGrid } from './ContactsGrid';
import { useWindowedRows } from './useWindowedRows';
import './ContactsTable.css';

export { ROW_HEIGHT } from './useWindowedRows';

export interface ContactsTableProps {
  /** Every contact (tested with 30,000). */
  contacts: Contact[];
  /** All tags, archived ones included, in display order. */
  taxonomy: Tag[];
  /** The changes made here; the page's watched reads then pass the new contacts. */
  client: Pick<PageClient, 'bulkSetTag' | 'setNote' | 'deleteContact' | 'undo'>;
  /** The time "last seen" is counted from; now by default. */
  now?: Date;
  /** Filters to start with (the overview's "Show them": the people on your mission). */
  initialFilter?: Partial<Filters>;
}

/**
 * Every contact in a sortable, searchable table that stays fast at 30,000 rows (see ContactsGrid), with
 * filters, a selection that bulk tagging acts on, and a note editor and delete confirmation per contact.
 */
export function ContactsTable({ contacts, taxonomy, client, now, initialFilter }: ContactsTableProps) {
  const [filters, setFilters] = useState<Filters>({ ...NO_FILTERS, ...initialFilter });
  const [sort, setSort] = useState<ContactSort>(DEFAULT_SORT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  /** The last destructive change, while it can be undone from the status line. */
  const [undoable, setUndoable] = useState<string | null>(null);
  const gridRef = useRef<HTMLTableElement>(null);

  // The expensive work happens when the data or the order changes, never while scrolling.
  const previousIndex = useRef<ReturnType<typeof buildSearchIndex> | undefined>(undefined);
  const index = useMemo(() => (previousIndex.current = buildSearchIndex(contacts, previousIndex.current)), [contacts]);
  const orderByName = useMemo(nameOrder, []);
  const byName = useMemo(() => orderByName(contacts), [contacts]);
  const sorted = useMemo(() => sortContacts(byName, sort, { byName: true }), [byName, sort]);
  const filtered = useMemo(() => filterContacts(sorted, filters, index), [sorted, index, filters]);

  // Selected contacts that still exist (a change elsewhere may have removed some), in table order.
  const selectedIds = useMemo(
    () =>
      selected.size === 0 ? [] : sorted.filter((contact) => selected.has(contact.id)).map((contact) => contact.id),
    [sorted, selected],
  );
  const shownSelected = useMemo(
    () =>
      selected.size === 0 ? 0 : filtered.reduce((count, contact) => count + (selected.has(contact.id) ? 1 : 0), 0),
    [filtered, selected],
  );

  const windowed = useWindowedRows(filtered.length);
  const dialog = useContactDialog({
    client,
    setBusy,
    report: (done, undoId) => {
      setError('');
      setMessage(done);
      setUndoable(undoId ?? null);
    },
    onDeleted: (contactId) =>
      setSelected((current) => {
        if (!current.has(contactId)) return current;
        const next = new Set(current);
        next.delete(contactId);
        return next;
      }),
    onClose: () => gridRef.current?.focus(),
  });

  function toggleSelected(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  function toggleAllShown() {
    const allShownSelected = filtered.length > 0 && shownSelected === filtered.length;
    setSelected((current) => {
      const next = new Set(current);
      if (allShownSelected) for (const contact of filtered) next.delete(contact.id);
      else for (const contact of filtered) next.add(contact.id);
      return next;
    });
  }

  function changeFilters(change: Partial<Filters>) {
    setFilters((current) => ({ ...current, ...change }));
    windowed.restart();
  }

  function chooseSort(key: SortKey) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: defaultDirection(key) },
    );
    windowed.restart();
  }

  async function applyBulk(tag: Tag, on: boolean) {
    if (selectedIds.length === 0) return;
    const ids = selectedIds;
    setBusy(true);
    setError('');
    setMessage('');
    setUndoable(null);
    try {
      const { changed, undoId } = await client.bulkSetTag({ contactIds: ids, tagId: tag.id, on });
      setMessage(bulkResultText(tag, on, changed, ids.length));
      setUndoable(undoId);
    } catch (failure) {
      setError(i18n.t('contacts.bulk.failed', [errorText(failure)]));
    } finally {
      setBusy(false);
    }
  }

  /** Puts back what the last delete or bulk change replaced (once). */
  async function undoLast() {
    if (!undoable) return;
    setBusy(true);
    setError('');
    try {
      await client.undo({ undoId: undoable });
      setMessage(i18n.t('contacts.undone'));
      setUndoable(null);
    } catch (failure) {
      setError(i18n.t('contacts.notUndone', [errorText(failure)]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="ct">
      <ContactsFilterBar
        filters={filters}
        onChange={changeFilters}
        taxonomy={taxonomy}
        shown={filtered.length}
        total={contacts.length}
      />
      <BulkActionBar
        selectedCount={selectedIds.length}
        hiddenCount={selectedIds.length - shownSelected}
        taxonomy={taxonomy}
        busy={busy}
        onApply={applyBulk}
        onClear={() => setSelected(new Set())}
      />
      <div class="ct-status-line">
        <p class="ct-message" role="status">
          {message}
        </p>
        {undoable && (
          <button type="button" disabled={busy} onClick={() => void undoLast()}>
            {i18n.t('contacts.undo')}
          </button>
        )}
      </div>
      <p class="ct-error alert" role="alert">
        {error}
      </p>
      <ContactDialog dialog={dialog} busy={busy} />
      <ContactsGrid
        windowed={windowed}
        gridRef={gridRef}
        contacts={filtered}
        total={contacts.length}
        taxonomy={taxonomy}
        sort={sort}
        onSort={chooseSort}
        selected={selected}
        shownSelected={shownSelected}
        onToggle={toggleSelected}
        onToggleAll={toggleAllShown}
        onEditNote={dialog.openNote}
        onDelete={dialog.openDelete}
        now={now ?? new Date()}
      />
    </div>
  );
}
