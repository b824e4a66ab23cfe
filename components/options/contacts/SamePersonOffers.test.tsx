import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../../tests/support/db-helpers';
import { clientOnDatabase } from '../../../tests/support/fake-client';
import type { KindredDB } from '../../../lib/storage/db';
import { recordSeen, setNote, setTag } from '../../../lib/storage/store';
import { SamePersonOffers } from './SamePersonOffers';

const MEMBER = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
const T0 = '2026-10-01T10:00:00.000Z';
const T1 = '2026-11-01T10:00:00.000Z';
const seen = (id: string, memberId?: string) => ({
  id,
  url: `https://www.linkedin.com/in/${id}/`,
  name: 'Jane Doe',
  headline: '',
  company: '',
  location: '',
  ...(memberId && { memberId }),
});

let db: KindredDB;
beforeEach(async () => {
  db = freshDB();
  await recordSeen(db, seen('jane-doe', MEMBER), T0);
  await setTag(db, 'jane-doe', 'mentor', true, T0);
  await setNote(db, 'jane-doe', 'Met at the flex conference', T0);
  // Her new URL, visited before its member id was read, then with it: kept twice.
  await recordSeen(db, seen('jane-flexa'), T1);
  await recordSeen(db, seen('jane-flexa', MEMBER), T1);
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('contacts kept twice, on the contacts page', () => {
  it('are offered for merging into the one seen last; the merge keeps both’s data and can be undone', async () => {
    render(<SamePersonOffers client={clientOnDatabase(db)} />);
    await screen.findByText(
      'Jane Doe is kept twice, under linkedin.com/in/jane-flexa and linkedin.com/in/jane-doe: the same LinkedIn member.',
      { exact: false },
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Merge linkedin.com/in/jane-doe into linkedin.com/in/jane-flexa' }),
    );
    await screen.findByText('Merged with linkedin.com/in/jane-doe.', { exact: false });
    expect(await db.contacts.get('jane-doe')).toBeUndefined();
    expect(await db.contacts.get('jane-flexa')).toMatchObject({
      relationships: ['mentor'],
      note: 'Met at the flex conference',
    });
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Contacts kept twice' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Undo merge' }));
    await waitFor(async () => expect(await db.contacts.get('jane-doe')).toMatchObject({ relationships: ['mentor'] }));
    expect(await db.contacts.get('jane-flexa')).toMatchObject({ relationships: [], note: '' });
    // Undone: kept apart, not offered again.
    await screen.findByText('Undone: everything is back as it was.');
    expect(screen.queryByRole('button', { name: 'Undo merge' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Contacts kept twice' })).toBeNull();
  });

  it('shows nothing when every member id is on one contact', async () => {
    await db.contacts.delete('jane-doe');
    const { container } = render(<SamePersonOffers client={clientOnDatabase(db)} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });
});
