import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { clientOnDatabase } from '../../tests/support/fake-client';
import type { ContentClient } from '../../lib/protocol/client';
import type { KindredDB } from '../../lib/storage/db';
import { getContact, setPanelCollapsed } from '../../lib/storage/contact-view';
import { setNote, setTag } from '../../lib/storage/store';
import { logTouch } from '../../lib/storage/keep-in-touch';
import { correctField } from '../../lib/storage/namesakes';
import { TagPanel } from './TagPanel';

const NOW = '2026-11-22T10:00:00.000Z';
const jane = {
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: 'Flex specialist',
  company: '',
  location: '',
};

let db: KindredDB;
let client: ContentClient;
beforeEach(() => {
  db = freshDB();
  // The real store behind the panel, answered by the background's own handler.
  client = clientOnDatabase(db, { now: () => new Date(NOW) });
});
afterEach(() => {
  cleanup();
  db.close();
});

const panel = () => screen.getByRole('region', { name: 'Kindred' });

describe('TagPanel', () => {
  it('shows the person and every tag as a toggle', async () => {
    render(<TagPanel profile={jane} client={client} />);
    expect(within(panel()).getByRole('heading', { name: 'Jane Doe' })).toBeTruthy();
    expect(within(panel()).getByText('Flex specialist')).toBeTruthy();
    const mentor = await screen.findByRole('button', { name: 'Mentor' });
    expect(mentor.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'Career resilience' })).toBeTruthy();
    expect(screen.getAllByRole('button', { pressed: false })).toHaveLength(14);
  });

  it('saves a click at once and shows the stored state', async () => {
    render(<TagPanel profile={jane} client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mentor' }));
    expect(screen.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('true');
    await screen.findByText('Saved');
    expect((await db.contacts.get('jane-doe'))?.relationships).toEqual(['mentor']);
  });

  it('loads existing tags and note when the page opens', async () => {
    await setTag(db, 'jane-doe', 'growth', true, NOW);
    await setNote(db, 'jane-doe', 'Ask about the book', NOW);
    render(<TagPanel profile={jane} client={client} />);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Career resilience' }).getAttribute('aria-pressed')).toBe('true'),
    );
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('Ask about the book');
  });

  it('saves the note after typing stops', async () => {
    render(<TagPanel profile={jane} client={client} noteDelay={10} />);
    const note = await screen.findByRole('textbox', { name: 'Note' });
    await waitFor(() => expect((note as HTMLTextAreaElement).disabled).toBe(false));
    fireEvent.input(note, { target: { value: 'Met at the flex conference' } });
    await waitFor(async () => expect((await db.contacts.get('jane-doe'))?.note).toBe('Met at the flex conference'));
  });

  describe('a note typed just before the panel or page goes away is saved at once, urgently', () => {
    /** Renders the panel with a note delay no test waits for, types, and records how setNote was called. */
    async function typeAndLeave(leave: (unmount: () => void) => void, sync = true) {
      const calls: unknown[][] = [];
      const spied = {
        ...client,
        setNote: (...args: Parameters<typeof client.setNote>) => {
          calls.push(args);
          return client.setNote(...args);
        },
      };
      const { unmount } = render(<TagPanel profile={jane} client={spied} noteDelay={60_000} />);
      const note = await screen.findByRole('textbox', { name: 'Note' });
      await waitFor(() => expect((note as HTMLTextAreaElement).disabled).toBe(false));
      fireEvent.input(note, { target: { value: 'Typed and gone' } });
      leave(unmount);
      // Sent inside the event, before anything asynchronous could run (an unmount's effect clean-up
      // comes after the test library's act()).
      if (!sync) await waitFor(() => expect(calls.length).toBeGreaterThan(0));
      expect(calls).toEqual([[{ contactId: 'jane-doe', note: 'Typed and gone' }, { urgent: true }]]);
      await waitFor(async () => expect((await db.contacts.get('jane-doe'))?.note).toBe('Typed and gone'));
    }

    it('on pagehide (the tab closes)', () => typeAndLeave(() => window.dispatchEvent(new Event('pagehide'))));

    it('on beforeunload (a person closes the tab)', () =>
      typeAndLeave(() => window.dispatchEvent(new Event('beforeunload'))));

    it('when the page is hidden', () =>
      typeAndLeave(() => {
        const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
        if (visibility) delete (document as { visibilityState?: unknown }).visibilityState;
      }));

    it('when the panel is unmounted (another profile, in-page navigation)', () =>
      typeAndLeave((unmount) => unmount(), false));
  });

  it('undoes the click and says so when saving fails', async () => {
    render(<TagPanel profile={jane} client={{ ...client, setTag: () => Promise.reject(new Error('Unknown tag')) }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mentor' }));
    await screen.findByText('Not saved: Unknown tag');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('false'),
    );
  });

  it('shows the latest click even when an earlier answer arrives last', async () => {
    let releaseFirst: () => void = () => {};
    const slowFirst: ContentClient = {
      ...client,
      setTag: async (input) => {
        const result = await client.setTag(input);
        if (input.on) await new Promise<void>((resolve) => (releaseFirst = resolve));
        return result;
      },
    };
    render(<TagPanel profile={jane} client={slowFirst} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Peer' })); // on: its answer is held back
    await waitFor(() => expect(screen.getByRole('button', { name: 'Peer' }).getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(screen.getByRole('button', { name: 'Peer' })); // off: answered at once
    await screen.findByText('Saved');
    releaseFirst();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('button', { name: 'Peer' }).getAttribute('aria-pressed')).toBe('false');
    expect((await db.contacts.get('jane-doe'))?.relationships).toEqual([]);
  });

  it('works with the id alone when the page shows no name, and lets the user type it', async () => {
    render(<TagPanel profile={{ ...jane, name: '', headline: '' }} client={client} />);
    expect(within(panel()).getByRole('heading', { name: 'jane-doe' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Peer' }));
    await screen.findByText('Saved');
    expect((await db.contacts.get('jane-doe'))?.relationships).toEqual(['peer']);
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: '  Jane   Doe ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(within(panel()).getByRole('heading', { name: 'Jane Doe' })).toBeTruthy());
    expect((await db.contacts.get('jane-doe'))?.name).toBe('Jane Doe');
    expect(screen.queryByRole('textbox', { name: 'Name' })).toBeNull();
  });

  it('says it is reading while in-page navigation renders the new person', () => {
    render(<TagPanel profile={{ ...jane, name: '' }} client={client} reading />);
    expect(screen.getByText('Reading this profile…')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Name' })).toBeNull();
  });

  it('collapses, and remembers it for the next profile', async () => {
    render(<TagPanel profile={jane} client={client} />);
    await screen.findByRole('button', { name: 'Mentor' });
    fireEvent.click(screen.getByRole('button', { name: 'Hide Kindred panel' }));
    expect(screen.queryByRole('button', { name: 'Mentor' })).toBeNull();
    await waitFor(async () => expect((await getContact(db, 'x')).panelCollapsed).toBe(true));
    cleanup();
    render(
      <TagPanel
        profile={{ ...jane, id: 'sam', url: 'https://www.linkedin.com/in/sam/', name: 'Sam' }}
        client={client}
      />,
    );
    await screen.findByRole('button', { name: 'Show Kindred panel' });
    expect(screen.getByText('No tags')).toBeTruthy();
  });

  it('shows names and notes with markup as plain text', async () => {
    await setNote(db, 'jane-doe', '<img src=x onerror="window.hacked=1">', NOW);
    render(<TagPanel profile={{ ...jane, name: '<b>Jane</b>' }} client={client} />);
    expect(within(panel()).getByRole('heading', { name: '<b>Jane</b>' })).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toContain('<img'),
    );
    expect(panel().querySelector('b, img')).toBeNull();
  });
});

describe('TagPanel corrections and namesakes', () => {
  it('corrects a field from the keyboard, keeps it on a later visit, and "Use LinkedIn’s" clears it', async () => {
    const flexa = { ...jane, company: 'Flexa' };
    const { unmount } = render(<TagPanel profile={flexa} client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit name, headline or company' }));
    const company = screen.getByRole('textbox', { name: 'Company' }) as HTMLInputElement;
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
    fireEvent.input(company, { target: { value: 'Flexa Health' } });
    fireEvent.submit(company.form!);
    await screen.findByText('Saved');
    expect(await db.contacts.get('jane-doe')).toMatchObject({
      company: 'Flexa Health',
      pageValues: { company: 'Flexa' },
    });
    unmount();

    // The next visit shows LinkedIn's value again: the panel shows the correction.
    render(<TagPanel profile={{ ...flexa, company: 'Flexa Group' }} client={client} />);
    await screen.findByText('Flexa Health');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit name, headline or company' }));
    fireEvent.click(screen.getByRole('button', { name: 'Use LinkedIn’s company: “Flexa Group”' }));
    await screen.findByText('Flexa Group');
    expect((await db.contacts.get('jane-doe'))?.pageValues).toBeUndefined();
  });

  it('Escape closes the form without saving', async () => {
    render(<TagPanel profile={jane} client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit name, headline or company' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    fireEvent.input(name, { target: { value: 'Someone else' } });
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Name' })).toBeNull();
    expect((await db.contacts.get('jane-doe'))?.name).toBe('Jane Doe');
  });

  it('asks before merging an imported name-only contact, and merges only on Yes', async () => {
    await setTag(db, 'name:jane doe', 'growth', true, NOW);
    await setNote(db, 'name:jane doe', 'From the export', NOW);
    render(<TagPanel profile={jane} client={client} />);
    const group = await screen.findByRole('group', { name: 'Is this the Jane Doe from your LinkedIn export?' });
    expect(await db.contacts.get('name:jane doe')).toBeDefined();
    fireEvent.click(within(group).getByRole('button', { name: 'Yes, same person' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Career resilience' }).getAttribute('aria-pressed')).toBe('true'),
    );
    expect(await db.contacts.get('name:jane doe')).toBeUndefined();
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('From the export'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Undo merge' }));
    await waitFor(async () => expect(await db.contacts.get('name:jane doe')).toBeDefined());
  });

  it('No keeps both apart and does not ask again', async () => {
    await setTag(db, 'name:jane doe', 'growth', true, NOW);
    const { unmount } = render(<TagPanel profile={jane} client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'No' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'No' })).toBeNull());
    unmount();
    render(<TagPanel profile={jane} client={client} />);
    await screen.findByRole('button', { name: 'Mentor' });
    expect(screen.queryByRole('button', { name: 'Yes, same person' })).toBeNull();
    expect((await db.contacts.get('name:jane doe'))?.purposes).toEqual(['growth']);
  });

  it('as a list’s popover: a close button, Escape closes it, and it is open even where the panel is hidden', async () => {
    await setPanelCollapsed(db, true);
    let closed = 0;
    render(<TagPanel profile={jane} client={client} onClose={() => closed++} />);
    const mentor = await screen.findByRole('button', { name: 'Mentor' });
    expect(screen.queryByRole('button', { name: 'Show Kindred panel' })).toBeNull();
    fireEvent.keyDown(mentor, { key: 'Escape' });
    expect(closed).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close Kindred' }));
    expect(closed).toBe(2);
  });
});

describe('TagPanel: one person under two LinkedIn addresses', () => {
  const MEMBER = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
  const renamed = { ...jane, id: 'jane-flexa', url: 'https://www.linkedin.com/in/jane-flexa/', memberId: MEMBER };
  const noteBox = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;

  beforeEach(async () => {
    await client.recordSeen({ profile: { ...jane, memberId: MEMBER } });
    await setTag(db, 'jane-doe', 'mentor', true, NOW);
    await setNote(db, 'jane-doe', 'Met at the flex conference', NOW);
  });

  it('shows the tags and note kept under the old address, moved here, and undoes the move', async () => {
    render(<TagPanel profile={renamed} client={client} />);
    await screen.findByText(
      'Kindred knew this person as linkedin.com/in/jane-doe, their earlier LinkedIn address, and moved their tags and note here.',
      { exact: false },
    );
    expect(screen.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(noteBox().value).toBe('Met at the flex conference'));
    expect(await db.contacts.get('jane-doe')).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Undo move' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('false'),
    );
    await waitFor(() => expect(noteBox().value).toBe(''));
    expect(await db.contacts.get('jane-doe')).toMatchObject({ relationships: ['mentor'] });
    expect(screen.queryByRole('button', { name: 'Undo move' })).toBeNull();
  });

  it('offers to merge two stored contacts of the one member, merges on click and can undo it', async () => {
    // The new address was visited before its member id was read: two contacts.
    await client.recordSeen({ profile: { ...jane, id: renamed.id, url: renamed.url } });
    await setTag(db, 'jane-flexa', 'growth', true, NOW);
    render(<TagPanel profile={renamed} client={client} />);
    const group = await screen.findByRole('group', {
      name: 'Jane Doe is also kept under linkedin.com/in/jane-doe: the same LinkedIn member.',
    });
    expect(await db.contacts.get('jane-doe')).toBeDefined();
    fireEvent.click(within(group).getByRole('button', { name: 'Merge into this profile' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('true'),
    );
    expect(screen.getByRole('button', { name: 'Career resilience' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(noteBox().value).toBe('Met at the flex conference'));
    expect(await db.contacts.get('jane-doe')).toBeUndefined();
    expect(screen.queryByRole('group', { name: /same LinkedIn member/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Undo merge' }));
    await waitFor(async () => expect(await db.contacts.get('jane-doe')).toBeDefined());
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Mentor' }).getAttribute('aria-pressed')).toBe('false'),
    );
  });
});

describe('TagPanel: the person changed elsewhere (another tab, the options page, another browser)', () => {
  const noteBox = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
  const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');
  /** The panel, rendered and loaded; `told(n)` is the background's n-th "look again". */
  async function openPanel(props: Partial<Parameters<typeof TagPanel>[0]> = {}) {
    const { rerender } = render(<TagPanel profile={jane} client={client} {...props} />);
    await waitFor(() => expect(noteBox().disabled).toBe(false));
    return {
      told: (lookAgain: number) =>
        rerender(<TagPanel profile={jane} client={client} {...props} lookAgain={lookAgain} />),
    };
  }

  it('shows the stored tags, note, last touch and corrected name once told to look again', async () => {
    await setNote(db, 'jane-doe', 'Old note', NOW);
    const { told } = await openPanel();
    expect(noteBox().value).toBe('Old note');
    await setTag(db, 'jane-doe', 'mentor', true, NOW);
    await setNote(db, 'jane-doe', 'Written on the options page', NOW);
    await logTouch(db, 'jane-doe', {}, new Date());
    await correctField(db, 'jane-doe', 'name', 'Jane D. Doe', NOW);
    // Not before it is told.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pressed('Mentor')).toBe('false');
    told(1);
    await waitFor(() => expect(pressed('Mentor')).toBe('true'));
    expect(noteBox().value).toBe('Written on the options page');
    expect(screen.getByText('Last in touch: today')).toBeTruthy();
    expect(within(panel()).getByRole('heading', { name: 'Jane D. Doe' })).toBeTruthy();
  });

  it('keeps a note being typed and not saved yet, and saves it over the newer one (the newest keystrokes win)', async () => {
    const { told } = await openPanel({ noteDelay: 60_000 });
    fireEvent.input(noteBox(), { target: { value: 'Typed here' } });
    await setNote(db, 'jane-doe', 'Written in another tab', NOW);
    await setTag(db, 'jane-doe', 'peer', true, NOW);
    told(1);
    await waitFor(() => expect(pressed('Peer')).toBe('true'));
    expect(noteBox().value).toBe('Typed here');
    fireEvent.blur(noteBox());
    await waitFor(async () => expect((await db.contacts.get('jane-doe'))?.note).toBe('Typed here'));
    // Saved: the next change elsewhere shows again.
    await setNote(db, 'jane-doe', 'Newer still', NOW);
    told(2);
    await waitFor(() => expect(noteBox().value).toBe('Newer still'));
  });

  it('leaves the focus and the caret where they were when the note in the focused field changes', async () => {
    await setNote(db, 'jane-doe', 'Hello world', NOW);
    const { told } = await openPanel();
    noteBox().focus();
    noteBox().setSelectionRange(5, 5);
    await setNote(db, 'jane-doe', 'Hello there, world', NOW);
    told(1);
    await waitFor(() => expect(noteBox().value).toBe('Hello there, world'));
    expect(document.activeElement).toBe(noteBox());
    expect([noteBox().selectionStart, noteBox().selectionEnd]).toEqual([5, 5]);
  });

  it('drops an answer read before a click made since, so the click is not undone on screen', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowRead: ContentClient = {
      ...client,
      getContact: async (input) => {
        const stored = await client.getContact(input);
        await held;
        return stored;
      },
    };
    const { rerender } = render(<TagPanel profile={jane} client={slowRead} />);
    await waitFor(() => expect(noteBox().disabled).toBe(false));
    rerender(<TagPanel profile={jane} client={slowRead} lookAgain={1} />);
    await new Promise((resolve) => setTimeout(resolve, 20)); // read: Mentor off
    fireEvent.click(screen.getByRole('button', { name: 'Mentor' }));
    await screen.findByText('Saved');
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pressed('Mentor')).toBe('true');
  });

  it('as a list’s popover, says when the stored tags differ from those shown (the card’s badge looks again)', async () => {
    let tagsChanged = 0;
    const { told } = await openPanel({ onClose: () => undefined, onStoredTagsChange: () => tagsChanged++ });
    await setNote(db, 'jane-doe', 'Only the note', NOW);
    told(1);
    await waitFor(() => expect(noteBox().value).toBe('Only the note'));
    expect(tagsChanged).toBe(0);
    await setTag(db, 'jane-doe', 'mentor', true, NOW);
    told(2);
    await waitFor(() => expect(pressed('Mentor')).toBe('true'));
    expect(tagsChanged).toBe(1);
  });
});
