import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Contact, newContact } from '../../../lib/model/contact';
import { DEFAULT_TAXONOMY, type Tag } from '../../../lib/model/taxonomy';
import type { PageClient } from '../../../lib/protocol/page-client';
import { fakePageClient } from '../../../tests/support/fake-client';
import { ContactsTable, ROW_HEIGHT } from './ContactsTable';

const NOW = '2026-11-22T10:00:00.000Z';
const taxonomy: Tag[] = [
  ...DEFAULT_TAXONOMY,
  {
    id: 'old',
    dimension: 'relationship',
    label: 'Old friend',
    description: '',
    color: '#999999',
    order: 9,
    archived: true,
  },
];

afterEach(cleanup);

const jane = newContact('jane-doe', NOW, {
  name: 'Jane Doe',
  headline: 'Flex specialist',
  company: 'Randstad',
  purposes: ['growth'],
  relationships: ['mentor', 'old'],
  note: 'Met at the flex conference',
  lastSeenAt: '2026-11-20T09:00:00.000Z',
});
const emile = newContact('emile', NOW, {
  name: 'Émile Zola',
  headline: 'Écrivain',
  company: 'Les Éditions',
  purposes: ['purpose', 'impact'],
  relationships: ['peer'],
  updatedAt: '2026-10-01T09:00:00.000Z',
});
const bob = newContact('bob', NOW, { name: 'bob Jansen', headline: 'Recruiter at Acme' });
const zoe = newContact('name:zoë smit', NOW, { name: 'Zoë Smit', company: 'Acme', relationships: ['client'] });
const few: Contact[] = [zoe, jane, emile, bob];

/** `n` contacts named "Person 00000"…; every third is untagged. */
function many(n: number): Contact[] {
  return Array.from({ length: n }, (_, i) =>
    newContact(`person-${i}`, NOW, {
      name: `Person ${String(i).padStart(5, '0')}`,
      headline: i % 10 === 0 ? 'Designer' : 'Engineer',
      company: `Company ${i % 50}`,
      purposes: i % 3 === 0 ? [] : ['work'],
    }),
  );
}

const BULK_UNDO = '00000000-0000-4000-8000-000000000001';
const DELETE_UNDO = '00000000-0000-4000-8000-000000000002';

type Operations = Pick<PageClient, 'bulkSetTag' | 'setNote' | 'deleteContact' | 'undo'>;

/** Renders the table with a client whose operations succeed unless `overrides` says otherwise; returns them. */
function setup(contacts: Contact[], overrides: Partial<Operations> = {}) {
  const operations: Operations = {
    bulkSetTag: vi.fn<Operations['bulkSetTag']>(async ({ contactIds }) => ({
      changed: contactIds.length,
      undoId: BULK_UNDO,
    })),
    setNote: vi.fn<Operations['setNote']>(async () => ({ contact: null, taxonomy, panelCollapsed: false })),
    deleteContact: vi.fn<Operations['deleteContact']>(async () => ({ undoId: DELETE_UNDO })),
    undo: vi.fn<Operations['undo']>(async () => ({ restored: 1 })),
    ...overrides,
  };
  const client = fakePageClient(operations);
  render(<ContactsTable contacts={contacts} taxonomy={taxonomy} client={client} now={new Date(NOW)} />);
  return operations;
}

const grid = () => screen.getByRole('grid', { name: 'Contacts' });
/** Data rows in the DOM (the header row is in a thead). */
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.closest('tbody'));
const names = () => bodyRows().map((row) => row.querySelector('.ct-name > .ct-line')?.textContent);
const count = () => screen.getByText(/ of .* contacts?$/);
const fmt = (n: number) => n.toLocaleString();
const activeRow = () => document.getElementById(grid().getAttribute('aria-activedescendant') ?? '');

describe('ContactsTable', () => {
  it('renders only a window of rows for 30,000 contacts, and tells the full size', () => {
    setup(many(30_000));
    expect(count().textContent).toBe(`${fmt(30_000)} of ${fmt(30_000)} contacts`);
    expect(count().getAttribute('role')).toBe('status');
    expect(grid().getAttribute('aria-rowcount')).toBe('30001');
    const rows = within(grid()).getAllByRole('row');
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]?.getAttribute('aria-rowindex')).toBe('1');
    expect(bodyRows()[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(screen.getByRole('checkbox', { name: 'Select Person 00000' })).toBeTruthy();
    // The spacer below keeps the scroll height of all rows.
    const spacer = grid().querySelector<HTMLElement>('tbody tr.ct-spacer:last-child');
    expect(parseInt(spacer?.style.height ?? '0', 10)).toBe((30_000 - bodyRows().length) * ROW_HEIGHT);
  });

  it('renders the rows scrolled to, without filtering again', () => {
    setup(many(30_000));
    const scroller = grid().parentElement!;
    scroller.scrollTop = 20_000 * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    expect(screen.getByRole('checkbox', { name: 'Select Person 20000' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Select Person 00000' })).toBeNull();
    expect(bodyRows().length).toBeLessThan(100);
    const row = screen.getByRole('checkbox', { name: 'Select Person 20000' }).closest('tr');
    expect(row?.getAttribute('aria-rowindex')).toBe('20002');
  });

  it('sorts by name by default, folding accents and case', () => {
    setup(few);
    expect(names()).toEqual(['bob Jansen', 'Émile Zola', 'Jane Doe', 'Zoë Smit']);
    const nameHeader = screen.getByRole('button', { name: /^Name/ }).closest('th');
    expect(nameHeader?.getAttribute('aria-sort')).toBe('ascending');
  });

  it('sorts by the column clicked, and reverses on a second click', () => {
    setup(few);
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    expect(names()).toEqual(['Zoë Smit', 'Jane Doe', 'Émile Zola', 'bob Jansen']);
    expect(screen.getByRole('button', { name: /^Name/ }).closest('th')?.getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(screen.getByRole('button', { name: /^Tags/ }));
    expect(names()).toEqual(['Émile Zola', 'Jane Doe', 'Zoë Smit', 'bob Jansen']);
    expect(screen.getByRole('button', { name: /^Tags/ }).closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('button', { name: /^Name/ }).closest('th')?.hasAttribute('aria-sort')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: /^Company/ }));
    expect(names()).toEqual(['Zoë Smit', 'Émile Zola', 'Jane Doe', 'bob Jansen']); // no company last

    fireEvent.click(screen.getByRole('button', { name: /^Last seen/ }));
    expect(names()[0]).toBe('Jane Doe');
    fireEvent.click(screen.getByRole('button', { name: /^Updated/ }));
    expect(names().at(-1)).toBe('Émile Zola');
  });

  it('searches name, headline and company without case or accents', () => {
    setup(few);
    const search = screen.getByRole('searchbox', { name: 'Search contacts' });
    fireEvent.input(search, { target: { value: 'EMILE' } });
    expect(names()).toEqual(['Émile Zola']);
    expect(count().textContent).toBe('1 of 4 contacts');
    fireEvent.input(search, { target: { value: 'acme' } });
    expect(names()).toEqual(['bob Jansen', 'Zoë Smit']);
    fireEvent.input(search, { target: { value: 'nobody' } });
    expect(bodyRows()).toHaveLength(0);
    expect(screen.getByText('No contacts match.')).toBeTruthy();
  });

  it('filters by purpose, relationship and untagged', () => {
    setup(few);
    const purpose = screen.getByRole('combobox', { name: 'Purpose' }) as HTMLSelectElement;
    expect(purpose.options[0]?.textContent).toBe('Any purpose');
    expect(within(purpose).getByRole('option', { name: 'Career resilience' })).toBeTruthy();
    fireEvent.change(purpose, { target: { value: 'growth' } });
    expect(names()).toEqual(['Jane Doe']);
    fireEvent.change(purpose, { target: { value: '' } });

    const relationship = screen.getByRole('combobox', { name: 'Relationship' }) as HTMLSelectElement;
    expect(relationship.options[0]?.textContent).toBe('Any relationship');
    expect(within(relationship).getByRole('option', { name: 'Old friend (archived)' })).toBeTruthy();
    fireEvent.change(relationship, { target: { value: 'old' } });
    expect(names()).toEqual(['Jane Doe']);
    fireEvent.change(relationship, { target: { value: '' } });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Untagged only' }));
    expect(names()).toEqual(['bob Jansen']);
    expect(count().textContent).toBe('1 of 4 contacts');
  });

  it('shows each contact with a link, tags as labels and last seen', () => {
    setup(few);
    const janeRow = screen.getByRole('checkbox', { name: 'Select Jane Doe' }).closest('tr')!;
    const link = within(janeRow).getByRole('link', { name: 'Jane Doe' });
    expect(link.getAttribute('href')).toBe('https://www.linkedin.com/in/jane-doe/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect([...janeRow.querySelectorAll('.ct-chip')].map((chip) => chip.textContent)).toEqual([
      'Career resilience',
      'Mentor',
      'Old friend',
    ]);
    expect(within(janeRow).getByText('2 days ago')).toBeTruthy();
    expect(within(janeRow).getByText('Flex specialist')).toBeTruthy();
    expect(within(janeRow).getByRole('button', { name: 'Edit note' })).toBeTruthy();

    // A contact known only by name has no profile to open.
    const zoeRow = screen.getByRole('checkbox', { name: 'Select Zoë Smit' }).closest('tr')!;
    expect(within(zoeRow).queryByRole('link')).toBeNull();
    expect(within(zoeRow).getByText('Zoë Smit')).toBeTruthy();
    expect(within(zoeRow).getByText('never')).toBeTruthy();
  });

  it('moves the active row with the keyboard, through all 30,000', () => {
    setup(many(30_000));
    grid().focus();
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('4');
    expect(activeRow()?.classList.contains('ct-active')).toBe(true);
    fireEvent.keyDown(grid(), { key: 'ArrowUp' });
    expect(within(activeRow()!).getByRole('checkbox').getAttribute('aria-label')).toBe('Select Person 00001');

    fireEvent.keyDown(grid(), { key: 'End' });
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('30001');
    expect(within(activeRow()!).getByRole('checkbox', { name: 'Select Person 29999' })).toBeTruthy();
    expect(bodyRows().length).toBeLessThan(100);
    fireEvent.keyDown(grid(), { key: 'ArrowDown' }); // stays on the last row
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('30001');

    fireEvent.keyDown(grid(), { key: 'Home' });
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
    expect(screen.getByRole('checkbox', { name: 'Select Person 00000' })).toBeTruthy();

    // Space selects the active row; Enter opens its note.
    fireEvent.keyDown(grid(), { key: ' ' });
    expect((screen.getByRole('checkbox', { name: 'Select Person 00000' }) as HTMLInputElement).checked).toBe(true);
    expect(activeRow()?.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('1 selected')).toBeTruthy();
    fireEvent.keyDown(grid(), { key: ' ' });
    expect((screen.getByRole('checkbox', { name: 'Select Person 00000' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.keyDown(grid(), { key: 'Enter' });
    expect(screen.getByRole('textbox', { name: 'Note for Person 00000' })).toBeTruthy();
  });

  it('starts from the rows on screen after scrolling away from the active row', () => {
    setup(many(30_000));
    grid().focus();
    const scroller = grid().parentElement!;
    scroller.scrollTop = 5_000 * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    fireEvent.keyDown(grid(), { key: 'Enter' }); // does not open the note of row 1, out of sight
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(activeRow()!).getByRole('checkbox').getAttribute('aria-label')).toBe('Select Person 05000');
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    expect(within(activeRow()!).getByRole('checkbox').getAttribute('aria-label')).toBe('Select Person 05001');
  });

  it('keeps only the active row in the Tab order', () => {
    setup(few);
    const [first, second] = bodyRows();
    expect(within(first!).getByRole('checkbox').tabIndex).toBe(0);
    expect(within(second!).getByRole('checkbox').tabIndex).toBe(-1);
    expect(within(second!).getByRole('button', { name: 'Delete' }).tabIndex).toBe(-1);
  });

  it('selects every filtered contact and tags them in one call', async () => {
    const contacts = many(30_000);
    const props = setup(contacts);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Untagged only' }));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'designer' } });
    // Untagged (i % 3 === 0) designers (i % 10 === 0): multiples of 30.
    expect(count().textContent).toBe(`${fmt(1_000)} of ${fmt(30_000)} contacts`);

    fireEvent.click(screen.getByRole('checkbox', { name: `Select all ${fmt(1_000)} shown` }));
    expect(screen.getByText(`${fmt(1_000)} selected`)).toBeTruthy();

    const toolbar = screen.getByRole('group', { name: 'Selected contacts' });
    const tagSelect = within(toolbar).getByRole('combobox', { name: 'Tag' });
    expect(within(tagSelect).queryByRole('option', { name: 'Old friend' })).toBeNull(); // archived
    fireEvent.change(tagSelect, { target: { value: 'mentor' } });
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Add tag' }));

    await screen.findByText(`Added “Mentor” to ${fmt(1_000)} contacts`);
    expect(props.bulkSetTag).toHaveBeenCalledTimes(1);
    const [{ contactIds: ids, tagId, on }] = vi.mocked(props.bulkSetTag).mock.calls[0]!;
    expect([...ids].sort()).toEqual(
      contacts
        .filter((_, i) => i % 30 === 0)
        .map((contact) => contact.id)
        .sort(),
    );
    expect(tagId).toBe('mentor');
    expect(on).toBe(true);
  });

  it('removes a tag and says how many changed', async () => {
    const props = setup(few, { bulkSetTag: vi.fn(async () => ({ changed: 1, undoId: BULK_UNDO })) });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Jane Doe' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select bob Jansen' }));
    expect(screen.getByText('2 selected')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'mentor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag' }));
    await screen.findByText('Removed “Mentor” from 1 contact (1 did not have it)');
    expect(props.bulkSetTag).toHaveBeenCalledWith({ contactIds: ['bob', 'jane-doe'], tagId: 'mentor', on: false });

    // Undone from the status line, once.
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone: everything is back as it was.');
    expect(props.undo).toHaveBeenCalledExactlyOnceWith({ undoId: BULK_UNDO });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('offers no undo when a bulk change changed nothing', async () => {
    setup(few, { bulkSetTag: vi.fn(async () => ({ changed: 0, undoId: null })) });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Jane Doe' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'mentor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag' }));
    await screen.findByText(/Removed “Mentor” from 0 contacts/);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('shows an error when bulk tagging fails', async () => {
    setup(few, { bulkSetTag: vi.fn(async () => Promise.reject(new Error('Tag is archived'))) });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 4 shown' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'peer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Nothing was changed: Tag is archived'));
    expect(screen.queryByText(/^Added /)).toBeNull();
  });

  it('edits a note', async () => {
    const props = setup(few);
    const janeRow = screen.getByRole('checkbox', { name: 'Select Jane Doe' }).closest('tr')!;
    fireEvent.click(within(janeRow).getByRole('button', { name: 'Edit note' }));
    const note = screen.getByRole('textbox', { name: 'Note for Jane Doe' }) as HTMLTextAreaElement;
    expect(note.value).toBe('Met at the flex conference');
    expect(document.activeElement).toBe(note);
    fireEvent.input(note, { target: { value: 'Ask about the book' } });
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(props.setNote).toHaveBeenCalledWith({ contactId: 'jane-doe', note: 'Ask about the book' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(props.setNote).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Saved the note for Jane Doe.')).toBeTruthy();
  });

  it('cancels a note edit without saving', () => {
    const props = setup(few);
    fireEvent.click(within(bodyRows()[0]!).getByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note for bob Jansen' }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(props.setNote).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(grid());
  });

  it('keeps the note open and says so when saving fails', async () => {
    setup(few, { setNote: vi.fn(async () => Promise.reject(new Error('Too long'))) });
    fireEvent.click(within(bodyRows()[0]!).getByRole('button', { name: 'Edit note' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await within(screen.getByRole('dialog')).findByText('Not saved: Too long');
  });

  it('asks before deleting a contact', async () => {
    const props = setup(few);
    const janeRow = screen.getByRole('checkbox', { name: 'Select Jane Doe' }).closest('tr')!;
    fireEvent.click(within(janeRow).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm.textContent).toContain('Delete Jane Doe? Their tags and note will be lost.');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(props.deleteContact).not.toHaveBeenCalled();

    fireEvent.click(within(janeRow).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(props.deleteContact).toHaveBeenCalledWith({ contactId: 'jane-doe' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(props.deleteContact).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Deleted Jane Doe.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone: everything is back as it was.');
    expect(props.undo).toHaveBeenCalledExactlyOnceWith({ undoId: DELETE_UNDO });
  });

  it('says why an undo failed', async () => {
    setup(few, { undo: vi.fn(async () => Promise.reject(new Error('This was undone already'))) });
    const janeRow = screen.getByRole('checkbox', { name: 'Select Jane Doe' }).closest('tr')!;
    fireEvent.click(within(janeRow).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await screen.findByText('Not undone: This was undone already');
  });

  it('shows names and headlines with markup as plain text', () => {
    setup([
      newContact('x', NOW, {
        name: '<b>Jane</b>',
        headline: '<img src=x onerror="window.hacked=1">',
        company: '<script>alert(1)</script>',
      }),
    ]);
    expect(screen.getByRole('link', { name: '<b>Jane</b>' })).toBeTruthy();
    expect(screen.getByText('<img src=x onerror="window.hacked=1">')).toBeTruthy();
    expect(grid().querySelector('b, img, script')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('Delete <b>Jane</b>?');
    expect(screen.getByRole('alertdialog').querySelector('b')).toBeNull();
  });
});
