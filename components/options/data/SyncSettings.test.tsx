import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../../tests/support/db-helpers';
import { clientOnDatabase, fakePageClient, watchOf } from '../../../tests/support/fake-client';
import type { KindredDB } from '../../../lib/storage/db';
import { setTag } from '../../../lib/storage/store';
import { DeleteAll } from './DeleteAll';
import { ImportExport } from './ImportExport';
import { SyncSettings } from './SyncSettings';

let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('Sync across my browsers', () => {
  it('is off by default, says where the data goes, and turns on', async () => {
    render(<SyncSettings client={clientOnDatabase(db)} />);
    const toggle = (await screen.findByRole('checkbox', { name: 'Sync across my browsers' })) as HTMLInputElement;
    await expect.poll(() => toggle.disabled).toBe(false);
    expect(toggle.checked).toBe(false);
    expect(screen.getByText(/browser’s own sync service/)).toBeTruthy();
    expect(screen.getByText(/Not synced: untagged contacts/)).toBeTruthy();
    fireEvent.click(toggle);
    await expect.poll(() => toggle.checked).toBe(true);
    expect(await screen.findByText('Not synced yet.')).toBeTruthy();
  });

  it('shows the last sync, the quota used, what the last merge changed and what stays on this computer', async () => {
    const client = fakePageClient({
      watchSync: watchOf({
        enabled: true,
        lastSyncAt: '2026-11-27T10:00:00.000Z',
        bytesUsed: 40_000,
        quotaBytes: 102_400,
        contactsLeft: 0,
        notesLeft: 140,
        lastMerge: { at: '', contacts: 3, removed: 0, tags: 1, fields: ['note', 'tags'], wiped: false },
        error: 'QUOTA_BYTES quota exceeded',
      }),
    });
    render(<SyncSettings client={client} />);
    expect(await screen.findByText('Using 40 KB of the 100 KB your browser’s sync allows.')).toBeTruthy();
    expect(screen.getByText(/^Last synced: /)).toBeTruthy();
    expect(screen.getByText('Last changes from another browser: 3 contacts and 1 tag (notes, tags).')).toBeTruthy();
    expect(screen.getByText('The notes of 140 people are only on this computer.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/QUOTA_BYTES.*Everything here is kept/);
  });
});

describe('deleting everything with sync on', () => {
  it('asks whether to delete in every browser or only here; only here turns sync off', async () => {
    const client = clientOnDatabase(db);
    await client.setSync({ on: true });
    await setTag(db, 'jane', 'work', true, new Date().toISOString());
    render(<DeleteAll contactCount={1} taggedCount={1} client={client} syncOn />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    expect(screen.getByRole('button', { name: 'Delete in every browser' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete only in this browser (sync turns off here)' }));
    expect(await screen.findByText('All Kindred data was deleted.')).toBeTruthy();
    expect(await db.contacts.count()).toBe(0);
    expect((await db.settings.get('syncEnabled'))?.value).toBeUndefined();
  });
});

describe('replacing everything with sync on', () => {
  it('asks whether to replace in every browser or only here; every browser makes this data every browser’s', async () => {
    const client = clientOnDatabase(db);
    await client.setSync({ on: true });
    render(<ImportExport contactCount={0} client={client} syncOn />);
    const input = screen.getByLabelText('Kindred export file (JSON)') as HTMLInputElement;
    const file = JSON.stringify({
      format: 'kindred',
      version: 2,
      contacts: [{ id: 'ann', name: 'Ann', purposes: ['work'] }],
    });
    Object.defineProperty(input, 'files', { value: [new File([file], 'backup.json')] });
    fireEvent.change(input);
    fireEvent.click(screen.getByRole('radio', { name: /Replace all my data/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(
      await screen.findByRole('button', { name: 'Replace only in this browser (sync turns off here)' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Replace in every browser' }));
    await expect.poll(async () => (await db.contacts.get('ann'))?.purposes).toEqual(['work']);
    await expect.poll(async () => (await db.settings.get('syncWipe'))?.value).toMatch(/^[0-9a-z]{11}$/);
    // Ann's tag is newer than the wipe: it survives in every browser the wipe reaches.
    const wipe = String((await db.settings.get('syncWipe'))?.value);
    expect(((await db.syncClocks.get('c:ann'))?.clocks['tags/work'] ?? '') > wipe).toBe(true);
  });
});
