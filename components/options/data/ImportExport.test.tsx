import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB, snapshot } from '../../../tests/support/db-helpers';
import { clientOnDatabase } from '../../../tests/support/fake-client';
import type { KindredDB } from '../../../lib/storage/db';
import { setNote } from '../../../lib/storage/store';
import { ImportExport } from './ImportExport';

/** A file with two good contacts and three bad ones: a too-long headline, an unknown tag, a bad date. */
const FILE = JSON.stringify({
  format: 'kindred',
  version: 2,
  contacts: [
    { id: 'ann', name: 'Ann' },
    { id: 'bo', name: 'Bo', headline: 'h'.repeat(501) },
    { id: 'cy', name: 'Cy', purposes: ['world-domination'] },
    { id: 'dee', name: 'Dee' },
    { id: 'eve', connectedOn: 'gisteren' },
  ],
});

let db: KindredDB;
beforeEach(async () => {
  db = freshDB();
  await setNote(db, 'jane', 'Precious note', '2026-11-01T10:00:00.000Z');
});
afterEach(() => {
  cleanup();
  db.close();
});

async function chooseAndImport(mode: 'Merge' | 'Replace' = 'Merge') {
  render(<ImportExport contactCount={1} client={clientOnDatabase(db)} />);
  const input = screen.getByLabelText('Kindred export file (JSON)') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([FILE], 'backup.json')] });
  fireEvent.change(input);
  if (mode === 'Replace') fireEvent.click(screen.getByRole('radio', { name: /Replace all my data/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  if (mode === 'Replace') fireEvent.click(await screen.findByRole('button', { name: 'Replace everything' }));
  return screen.findByRole('alertdialog', { name: 'Some contacts in this file cannot be imported' });
}

describe('a file with some invalid contacts', () => {
  it('lists which contact, which field and why, and offers the valid ones or nothing', async () => {
    const before = await snapshot(db);
    const dialog = await chooseAndImport();
    expect(within(dialog).getByText('3 contacts have a problem. Nothing was changed yet.')).toBeTruthy();
    const items = within(dialog)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'Contact 2 (Bo): headline: must be at most 500 characters',
      'Contact 3 (Cy): purposes[0]: unknown tag id "world-domination"',
      'Contact 5 (eve): connectedOn: must be a date like 2024-10-09',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Import the 2 valid contacts' })).toBeTruthy();
    // Asking changed nothing.
    expect(await snapshot(db)).toEqual(before);
  });

  it('"Import nothing" leaves the database exactly as it was', async () => {
    const before = await snapshot(db);
    const dialog = await chooseAndImport('Replace');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import nothing' }));
    expect(await screen.findByText('Nothing was imported. Your data is as it was.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await snapshot(db)).toEqual(before);
  });

  it('"Import the 2 valid contacts" imports them and lists those left out', async () => {
    const dialog = await chooseAndImport();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import the 2 valid contacts' }));
    expect(await screen.findByText('Imported: 2 added, 0 updated, 0 unchanged.')).toBeTruthy();
    expect(screen.getByText('3 contacts with a problem were left out')).toBeTruthy();
    expect(screen.getByText('Contact 2 (Bo): headline: must be at most 500 characters')).toBeTruthy();
    expect((await db.contacts.toCollection().primaryKeys()).sort()).toEqual(['ann', 'dee', 'jane']);
    expect(await db.contacts.get('jane')).toMatchObject({ note: 'Precious note' });
  });
});

describe('Export JSON on the options page', () => {
  it('counts as a backup only once the person says the file was saved', async () => {
    const NOW = new Date('2026-11-27T10:00:00.000Z');
    const downloads: string[] = [];
    const client = clientOnDatabase(db, { now: () => NOW, download: (name) => void downloads.push(name) });
    render(<ImportExport contactCount={1} client={client} />);
    const lastExport = async () => (await db.settings.get('lastExportAt'))?.value;
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText(/^Downloading kindred-.*\.json\. Kindred cannot see whether a download finished/);
    expect(downloads).toHaveLength(1);
    // Cancelled or failed, the download must not count: nothing recorded yet.
    expect(await lastExport()).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'I saved it' }));
    await screen.findByText('Thank you: your backup is up to date.');
    expect(await lastExport()).toBe(NOW.toISOString());
    expect(screen.queryByRole('button', { name: 'I saved it' })).toBeNull();
  });

  it('a CSV export is no backup and asks nothing', async () => {
    render(<ImportExport contactCount={1} client={clientOnDatabase(db, { download: () => undefined })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText(/^Saved kindred-.*\.csv$/);
    expect(screen.queryByRole('button', { name: 'I saved it' })).toBeNull();
  });
});
