import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDB } from '../../../tests/support/db-helpers';
import { clientOnDatabase, fakePageClient } from '../../../tests/support/fake-client';
import type { KindredDB } from '../../../lib/storage/db';
import { loadTaxonomy } from '../../../lib/storage/taxonomy-store';
import { DEFAULT_TAXONOMY, type Tag } from '../../../lib/model/taxonomy';
import type { PageClient } from '../../../lib/protocol/page-client';
import { useWatch } from '../../shared/use-watch';
import { TAG_PALETTE, contrastWithWhite } from './tag-colour';
import { TaxonomyEditor } from './TaxonomyEditor';

afterEach(() => cleanup());

/** The default vocabulary with Belonging and Friend archived; Belonging sits among active purposes. */
function fixture(): Tag[] {
  return DEFAULT_TAXONOMY.map((tag) => ({ ...tag, archived: tag.id === 'belonging' || tag.id === 'friend' }));
}

type Operations = Pick<PageClient, 'addTag' | 'updateTag' | 'reorderTags'>;

/** Renders the editor with a client whose operations succeed unless `overrides` says otherwise; returns them. */
function setup({ taxonomy = fixture(), ...overrides }: Partial<Operations> & { taxonomy?: Tag[] } = {}) {
  const operations: Operations = {
    addTag: vi.fn<Operations['addTag']>(async (fields) => ({ ...fields, id: 'new', order: 99, archived: false })),
    updateTag: vi.fn<Operations['updateTag']>(async () => null),
    reorderTags: vi.fn<Operations['reorderTags']>(async () => null),
    ...overrides,
  };
  render(<TaxonomyEditor taxonomy={taxonomy} client={fakePageClient(operations)} />);
  return operations;
}

const input = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const colour = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const group = (name: string) => screen.getByRole('group', { name });
const purposes = () => group('Purposes — why a connection matters');
const relationships = () => group('Relationships — who they are to me');
const addForm = (name: string) => screen.getByRole('form', { name });

describe('TaxonomyEditor', () => {
  it('lists active tags per dimension, archived ones below, and never shows ids', () => {
    setup({ taxonomy: [...fixture(), { ...fixture()[0]!, id: 'zz-secret-id', label: 'Custom', order: 9 }] });
    expect(screen.getByRole('heading', { name: 'Tags' })).toBeTruthy();
    expect(within(purposes()).getByRole('textbox', { name: 'Label of Gets work done' })).toBeTruthy();
    expect(within(relationships()).getByRole('textbox', { name: 'Label of Mentor' })).toBeTruthy();
    expect(within(purposes()).getAllByRole('textbox', { name: /^Label of / })).toHaveLength(5);
    expect(within(relationships()).getAllByRole('textbox', { name: /^Label of / })).toHaveLength(8);
    expect(input('Label of Career resilience').value).toBe('Career resilience');
    expect(input('Description of Career resilience').value).toBe('People who energize, nurture and challenge me.');
    expect(colour('Colour of Career resilience').value).toBe('#2f855a');
    expect(colour('Colour of Career resilience').type).toBe('color');
    // Archived tags are only listed, with a way back.
    expect(screen.queryByRole('textbox', { name: 'Label of Belonging' })).toBeNull();
    expect(within(purposes()).getByRole('heading', { name: 'Archived' })).toBeTruthy();
    expect(within(purposes()).getByRole('button', { name: 'Restore Belonging' })).toBeTruthy();
    expect(within(relationships()).getByRole('button', { name: 'Restore Friend' })).toBeTruthy();
    expect(
      screen.getAllByText('Archived tags disappear from the panel but stay on contacts and in exports.'),
    ).toHaveLength(1);
    const shown = [
      document.body.textContent ?? '',
      ...[...document.querySelectorAll('input')].map((element) => element.value),
      ...[...document.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label')),
    ].join('\n');
    expect(shown).not.toContain('zz-secret-id');
    expect(shown).not.toContain('way-shower');
  });

  it('renames on blur with the trimmed label, once', async () => {
    const props = setup();
    fireEvent.input(input('Label of Mentor'), { target: { value: '  Guide   and  friend ' } });
    expect(props.updateTag).not.toHaveBeenCalled();
    fireEvent.blur(input('Label of Mentor'));
    await screen.findByText('Saved');
    expect(props.updateTag).toHaveBeenCalledExactlyOnceWith({
      tagId: 'mentor',
      changes: { label: 'Guide and friend' },
    });
    expect(input('Label of Mentor').value).toBe('Guide and friend');
    fireEvent.blur(input('Label of Mentor'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(props.updateTag).toHaveBeenCalledOnce();
  });

  it('saves on Enter, and the blur after it saves nothing more', async () => {
    const props = setup();
    fireEvent.input(input('Label of Peer'), { target: { value: 'Practice peer' } });
    fireEvent.keyDown(input('Label of Peer'), { key: 'Enter' });
    fireEvent.blur(input('Label of Peer'));
    await screen.findByText('Saved');
    expect(props.updateTag).toHaveBeenCalledExactlyOnceWith({ tagId: 'peer', changes: { label: 'Practice peer' } });
  });

  it('saves nothing when the label did not change', async () => {
    const props = setup();
    fireEvent.input(input('Label of Peer'), { target: { value: ' Peer ' } });
    fireEvent.blur(input('Label of Peer'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(props.updateTag).not.toHaveBeenCalled();
  });

  it('refuses an empty label with an inline error, and Escape brings the label back', async () => {
    const props = setup();
    fireEvent.input(input('Label of Mentor'), { target: { value: '   ' } });
    fireEvent.blur(input('Label of Mentor'));
    const error = await screen.findByText('A label is needed. Nothing was saved.');
    expect(input('Label of Mentor').getAttribute('aria-invalid')).toBe('true');
    expect(input('Label of Mentor').getAttribute('aria-describedby')).toBe(error.id);
    expect(props.updateTag).not.toHaveBeenCalled();
    fireEvent.keyDown(input('Label of Mentor'), { key: 'Escape' });
    await waitFor(() => expect(input('Label of Mentor').value).toBe('Mentor'));
    expect(screen.queryByText('A label is needed. Nothing was saved.')).toBeNull();
    expect(input('Label of Mentor').getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses a label another tag of the dimension already has', async () => {
    const props = setup();
    expect(input('Label of Mentor').maxLength).toBe(60);
    fireEvent.input(input('Label of Mentor'), { target: { value: 'peer' } });
    fireEvent.blur(input('Label of Mentor'));
    await screen.findByText('There is already a relationship type called “Peer”. Nothing was saved.');
    fireEvent.input(input('Label of Mentor'), { target: { value: 'Friend' } });
    fireEvent.blur(input('Label of Mentor'));
    await screen.findByText(
      'There is an archived relationship type called “Friend”: restore it instead. Nothing was saved.',
    );
    expect(props.updateTag).not.toHaveBeenCalled();
  });

  it('saves a changed description, trimmed', async () => {
    const props = setup();
    fireEvent.input(input('Description of Client'), { target: { value: ' Pays the invoices. ' } });
    fireEvent.blur(input('Description of Client'));
    await screen.findByText('Saved');
    expect(props.updateTag).toHaveBeenCalledExactlyOnceWith({
      tagId: 'client',
      changes: { description: 'Pays the invoices.' },
    });
  });

  it('recolours when a colour is picked', async () => {
    const props = setup();
    fireEvent.input(colour('Colour of Mentor'), { target: { value: '#553c9a' } });
    expect(props.updateTag).not.toHaveBeenCalled(); // dragging in the picker saves nothing yet
    fireEvent.change(colour('Colour of Mentor'), { target: { value: '#553c9a' } });
    await screen.findByText('Saved');
    expect(props.updateTag).toHaveBeenCalledExactlyOnceWith({ tagId: 'mentor', changes: { color: '#553c9a' } });
    expect(screen.queryByText('White text on this colour is hard to read')).toBeNull();
  });

  it('warns gently when white text would be hard to read on the picked colour', async () => {
    const props = setup();
    expect(screen.queryByText('White text on this colour is hard to read')).toBeNull();
    fireEvent.change(colour('Colour of Mentor'), { target: { value: '#f6e05e' } });
    const warning = await screen.findByText('White text on this colour is hard to read');
    expect(within(warning.parentElement!).getByText(/contrast 1\.\d:1/)).toBeTruthy();
    expect(colour('Colour of Mentor').getAttribute('aria-describedby')).toBe(warning.parentElement!.id);
    // A warning, not a refusal.
    expect(props.updateTag).toHaveBeenCalledWith({ tagId: 'mentor', changes: { color: '#f6e05e' } });
  });

  it('moves a tag down and up with the whole order of its dimension, archived ones last', async () => {
    const props = setup();
    // Shown purposes: Gets work done, Career resilience, Shared purpose, Societal impact (Belonging archived).
    fireEvent.click(screen.getByRole('button', { name: 'Move Shared purpose down' }));
    await screen.findByText('Moved “Shared purpose” down');
    expect(props.reorderTags).toHaveBeenLastCalledWith({
      dimension: 'purpose',
      ids: ['work', 'growth', 'impact', 'purpose', 'belonging'],
    });
    expect(props.reorderTags).toHaveBeenCalledOnce();
    // The new order shows at once, and the next move builds on it.
    const labels = () =>
      within(purposes())
        .getAllByRole('textbox', { name: /^Label of / })
        .map((el) => (el as HTMLInputElement).value);
    expect(labels()).toEqual(['Gets work done', 'Career resilience', 'Societal impact', 'Shared purpose']);
    fireEvent.click(screen.getByRole('button', { name: 'Move Gets work done down' }));
    await waitFor(() => expect(props.reorderTags).toHaveBeenCalledTimes(2));
    expect(props.reorderTags).toHaveBeenLastCalledWith({
      dimension: 'purpose',
      ids: ['growth', 'work', 'impact', 'purpose', 'belonging'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Move Mentee up' }));
    await waitFor(() => expect(props.reorderTags).toHaveBeenCalledTimes(3));
    expect(props.reorderTags).toHaveBeenLastCalledWith({
      dimension: 'relationship',
      ids: ['mentor', 'way-shower', 'peer', 'colleague', 'client', 'mentee', 'industry', 'sponsor', 'friend'],
    });
  });

  it('does not move past either end', async () => {
    const props = setup();
    const up = screen.getByRole('button', { name: 'Move Gets work done up' });
    const down = screen.getByRole('button', { name: 'Move Sponsor down' });
    expect(up.getAttribute('aria-disabled')).toBe('true');
    expect(down.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Move Gets work done down' }).getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(up);
    fireEvent.click(down);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(props.reorderTags).not.toHaveBeenCalled();
  });

  it('archives and restores', async () => {
    const props = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Archive Mentor' }));
    await screen.findByText('Archived “Mentor”');
    expect(props.updateTag).toHaveBeenCalledExactlyOnceWith({ tagId: 'mentor', changes: { archived: true } });
    fireEvent.click(screen.getByRole('button', { name: 'Restore Belonging' }));
    await screen.findByText('Restored “Belonging”');
    expect(props.updateTag).toHaveBeenLastCalledWith({ tagId: 'belonging', changes: { archived: false } });
    expect(props.updateTag).toHaveBeenCalledTimes(2);
  });

  it('adds a purpose with a readable default colour, and clears the form', async () => {
    const props = setup();
    const form = addForm('Add a purpose');
    const label = within(form).getByRole('textbox', { name: 'Label' }) as HTMLInputElement;
    fireEvent.input(label, { target: { value: '  Book club ' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Description' }), { target: { value: ' We read. ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await screen.findByText('Added “Book club”');
    expect(props.addTag).toHaveBeenCalledExactlyOnceWith({
      dimension: 'purpose',
      label: 'Book club',
      description: 'We read.',
      color: '#2c7a7b', // the first palette colour no purpose uses yet
    });
    expect(contrastWithWhite(vi.mocked(props.addTag).mock.calls[0]![0].color)).toBeGreaterThanOrEqual(4.5);
    expect(label.value).toBe('');
    expect(document.activeElement).toBe(label);
  });

  it('adds a relationship type with the colour picked, by pressing Enter', async () => {
    const props = setup();
    const form = addForm('Add a relationship type');
    const label = within(form).getByRole('textbox', { name: 'Label' });
    const picker = within(form).getByLabelText('Colour') as HTMLInputElement;
    expect(picker.value).toBe('#2b6cb0');
    fireEvent.input(label, { target: { value: 'Book club' } });
    fireEvent.input(picker, { target: { value: '#9c4221' } });
    fireEvent.submit(form);
    await screen.findByText('Added “Book club”');
    expect(props.addTag).toHaveBeenCalledExactlyOnceWith({
      dimension: 'relationship',
      label: 'Book club',
      description: '',
      color: '#9c4221',
    });
    expect(picker.value).toBe('#2b6cb0');
  });

  it('warns about a hard-to-read colour in the add form too', async () => {
    setup();
    const form = addForm('Add a purpose');
    fireEvent.input(within(form).getByLabelText('Colour'), { target: { value: '#ffffff' } });
    expect(await within(form).findByText('White text on this colour is hard to read')).toBeTruthy();
  });

  it('will not add a tag without a label, or twice', async () => {
    const props = setup();
    const form = addForm('Add a purpose');
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await within(form).findByText('A label is needed.');
    expect(within(form).getByRole('textbox', { name: 'Label' }).getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(within(form).getByRole('textbox', { name: 'Label' }), { target: { value: 'career RESILIENCE' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await within(form).findByText('There is already a purpose called “Career resilience”.');
    expect(props.addTag).not.toHaveBeenCalled();
  });

  it('shows what went wrong when saving fails, and never says it saved', async () => {
    const failing = () => Promise.reject(new Error('The database is closed.'));
    const props = setup({ updateTag: vi.fn(failing), reorderTags: vi.fn(failing), addTag: vi.fn(failing) });

    fireEvent.input(input('Label of Mentor'), { target: { value: 'Guide' } });
    fireEvent.blur(input('Label of Mentor'));
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: The database is closed.');
    expect(input('Label of Mentor').value).toBe('Guide'); // kept for another try
    fireEvent.blur(input('Label of Mentor'));
    await waitFor(() => expect(props.updateTag).toHaveBeenCalledTimes(2));

    fireEvent.click(screen.getByRole('button', { name: 'Move Mentor down' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not moved: The database is closed.'));
    const labels = within(relationships()).getAllByRole('textbox', { name: /^Label of / });
    expect((labels[0] as HTMLInputElement).value).toBe('Guide'); // back in its place

    fireEvent.click(screen.getByRole('button', { name: 'Archive Peer' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not archived: The database is closed.'));

    const form = addForm('Add a purpose');
    fireEvent.input(within(form).getByRole('textbox', { name: 'Label' }), { target: { value: 'Book club' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not added: The database is closed.'));
    expect((within(form).getByRole('textbox', { name: 'Label' }) as HTMLInputElement).value).toBe('Book club');

    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('puts a picked colour back when saving it fails', async () => {
    setup({ updateTag: vi.fn(() => Promise.reject(new Error('nope'))) });
    fireEvent.change(colour('Colour of Mentor'), { target: { value: '#123456' } });
    await screen.findByText('Not saved: nope');
    expect(colour('Colour of Mentor').value).toBe('#276749');
  });

  it('shows labels and descriptions with markup as plain text', () => {
    const markup = '<img src=x onerror="window.hacked=1">';
    const taxonomy = fixture().map((tag) =>
      tag.id === 'mentor'
        ? { ...tag, label: `<b>Boss</b>`, description: markup }
        : tag.id === 'friend'
          ? { ...tag, label: markup }
          : tag,
    );
    setup({ taxonomy });
    expect(input('Label of <b>Boss</b>').value).toBe('<b>Boss</b>');
    expect(input('Description of <b>Boss</b>').value).toBe(markup);
    expect(screen.getByRole('button', { name: `Restore ${markup}` })).toBeTruthy();
    expect(screen.getByText(markup)).toBeTruthy();
    expect(document.querySelector('section b, section img')).toBeNull();
  });
});

describe('TaxonomyEditor on the real store', () => {
  let db: KindredDB;
  afterEach(() => db.close());

  /** The page's side: the taxonomy as the database has it now, through the background's handler. */
  function Page({ client }: { client: PageClient }) {
    const taxonomy = useWatch(
      () => client.watchTaxonomy,
      [],
      (error) => {
        throw error;
      },
    );
    if (!taxonomy) return <p>Loading…</p>;
    return <TaxonomyEditor taxonomy={taxonomy} client={client} />;
  }

  it('renames, adds, moves, archives and restores', async () => {
    db = freshDB();
    render(<Page client={clientOnDatabase(db)} />);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Label of Mentor' }), { target: { value: ' Guide ' } });
    fireEvent.blur(input('Label of Mentor'));
    await screen.findByRole('textbox', { name: 'Label of Guide' });
    expect((await db.taxonomy.get('mentor'))?.label).toBe('Guide');

    const form = addForm('Add a relationship type');
    fireEvent.input(within(form).getByRole('textbox', { name: 'Label' }), { target: { value: 'Book club' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await screen.findByRole('textbox', { name: 'Label of Book club' });
    const added = (await db.taxonomy.toArray()).find((tag) => tag.label === 'Book club');
    expect(added).toMatchObject({ dimension: 'relationship', archived: false, color: '#2b6cb0' });
    // The next new tag is offered the next unused colour.
    expect((within(form).getByLabelText('Colour') as HTMLInputElement).value).toBe('#2c7a7b');

    fireEvent.click(screen.getByRole('button', { name: 'Archive Friend' }));
    await screen.findByRole('button', { name: 'Restore Friend' });
    const up = screen.getByRole('button', { name: 'Move Book club up' });
    up.focus();
    fireEvent.click(up);
    await waitFor(async () =>
      expect((await loadTaxonomy(db)).filter((t) => t.dimension === 'relationship').map((t) => t.id)).toEqual([
        'mentor',
        'way-shower',
        'peer',
        'colleague',
        'client',
        'industry',
        'mentee',
        'book-club',
        'sponsor',
        'friend',
      ]),
    );
    await screen.findByText('Moved “Book club” up');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Book club up' }));

    const archive = screen.getByRole('button', { name: 'Archive Sponsor' });
    archive.focus();
    fireEvent.click(archive);
    // The row is gone; focus goes to the way back.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore Sponsor' })));
    fireEvent.click(screen.getByRole('button', { name: 'Restore Friend' }));
    await screen.findByRole('textbox', { name: 'Label of Friend' });
    expect((await db.taxonomy.get('friend'))?.archived).toBe(false);
    expect((await db.taxonomy.get('sponsor'))?.archived).toBe(true);
  });
});

describe('contrastWithWhite', () => {
  it('follows WCAG relative luminance', () => {
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#2f855a')).toBeCloseTo(4.54, 2);
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2); // the classic lightest AA grey
    expect(contrastWithWhite('#777777')).toBeLessThan(4.5);
    expect(contrastWithWhite('#2B6CB0')).toBeCloseTo(contrastWithWhite('#2b6cb0'), 10);
    expect(contrastWithWhite('#fff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#f00')).toBeCloseTo(4, 2);
  });

  it('is NaN for anything that is not a hex colour', () => {
    expect(contrastWithWhite('red')).toBeNaN();
    expect(contrastWithWhite('#12345')).toBeNaN();
    expect(contrastWithWhite('')).toBeNaN();
  });

  it('passes AA for every palette colour and every default tag', () => {
    for (const color of TAG_PALETTE) expect(contrastWithWhite(color), color).toBeGreaterThanOrEqual(4.5);
    for (const tag of DEFAULT_TAXONOMY) expect(contrastWithWhite(tag.color), tag.id).toBeGreaterThanOrEqual(4.5);
  });
});
