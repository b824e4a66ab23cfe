import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../../tests/support/db-helpers';
import { clientOnDatabase } from '../../../tests/support/fake-client';
import type { KindredDB } from '../../../lib/storage/db';
import { setTag } from '../../../lib/storage/store';
import { DeleteAll } from './DeleteAll';

let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('Delete all data', () => {
  it('says it is done only for the deletion just asked for, not the one before', async () => {
    const client = clientOnDatabase(db);
    await setTag(db, 'jane', 'work', true, new Date().toISOString());
    render(<DeleteAll contactCount={1} taggedCount={1} client={client} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('All Kindred data was deleted.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Undo: restore what was here before' })).toBeTruthy();

    await setTag(db, 'ann', 'work', true, new Date().toISOString());
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    expect(screen.queryByText('All Kindred data was deleted.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo: restore what was here before' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('All Kindred data was deleted.')).toBeTruthy();
    expect(await db.contacts.count()).toBe(0);
  });
});
