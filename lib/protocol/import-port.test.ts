import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KindredDB } from '../storage/db';
import { recordSeen, setTag } from '../storage/store';
import { freshDB, snapshot } from '../../tests/support/db-helpers';
import { clientOnDatabase } from '../../tests/support/fake-client';
import { ImportCancelledError } from './page-client';
import { type BackgroundToPage, IMPORT_LIMITS, type PortLike, serveImportPort } from './import-port';

const T = '2026-11-01T10:00:00.000Z';
let db: KindredDB;
beforeEach(async () => {
  db = freshDB();
  await recordSeen(
    db,
    {
      id: 'jane-doe',
      url: 'https://www.linkedin.com/in/jane-doe/',
      name: 'Jane',
      headline: '',
      company: '',
      location: '',
    },
    T,
  );
  await setTag(db, 'jane-doe', 'mentor', true, T);
});
afterEach(() => db.close());

/** A file of `n` contacts with long notes: several slices of the port. */
const bigFile = (n: number) =>
  new Blob([
    JSON.stringify({
      format: 'kindred',
      version: 2,
      contacts: Array.from({ length: n }, (_, i) => ({
        id: `person-${i}`,
        name: `Zoë ${i}`,
        note: `é${i} `.repeat(1900),
      })),
    }),
  ]);

describe('imports over the port', () => {
  it('send a file larger than one message in slices, with progress, and import it', async () => {
    const client = clientOnDatabase(db);
    const file = bigFile(1000);
    expect(file.size).toBeGreaterThan(8 * 1024 * 1024);
    const seen: Array<[number, string]> = [];
    const report = await client.importFile('kindred', file, { mode: 'merge', skipInvalid: false }, (f, phase) =>
      seen.push([f, phase]),
    );
    expect(report).toMatchObject({ outcome: 'imported', added: 1000 });
    expect(await db.contacts.count()).toBe(1001);
    expect((await db.contacts.get('person-999'))?.note).toBe('é999 '.repeat(1900));
    expect(seen.some(([, phase]) => phase === 'reading')).toBe(true);
    expect(seen.at(-1)).toEqual([1, 'storing']);
    expect(seen.map(([f]) => f)).toEqual([...seen.map(([f]) => f)].sort((a, b) => a - b));
  }, 60_000);

  it('cancelled, leaves everything as it was', async () => {
    const client = clientOnDatabase(db);
    const before = await snapshot(db);
    const cancel = new AbortController();
    const imported = client.importFile(
      'kindred',
      bigFile(1000),
      { mode: 'replace', skipInvalid: false },
      (fraction) => {
        if (fraction > 0.1) cancel.abort();
      },
      cancel.signal,
    );
    await expect(imported).rejects.toThrow(ImportCancelledError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await snapshot(db)).toEqual(before);
    expect(await db.importStaging.count()).toBe(0);
  }, 60_000);

  it('refuses a file over the limit before reading it', async () => {
    const client = clientOnDatabase(db);
    const huge = {
      size: 101 * 1024 * 1024,
      slice: () => {
        throw new Error('read');
      },
    } as unknown as Blob;
    await expect(client.importFile('kindred', huge, { mode: 'merge', skipInvalid: false })).rejects.toThrow(
      'at most 100 MB',
    );
    const csv = {
      size: 21 * 1024 * 1024,
      slice: () => {
        throw new Error('read');
      },
    } as unknown as Blob;
    await expect(client.importFile('connections', csv, { mode: 'merge', skipInvalid: false })).rejects.toThrow(
      'at most 20 MB',
    );
  });

  it('imports a Connections.csv', async () => {
    const client = clientOnDatabase(db);
    const csv =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann-lee,,Acme,CEO,01 Jan 2024\n';
    expect(
      await client.importFile('connections', new Blob([csv]), { mode: 'merge', skipInvalid: false }),
    ).toMatchObject({ added: 1 });
  });

  it('refuses strangers and messages that do not match the protocol', async () => {
    const replies: BackgroundToPage[] = [];
    const listeners: Array<(message: unknown) => void> = [];
    const port = (sender: PortLike['sender']): PortLike => ({
      name: 'kindred-import',
      sender,
      postMessage: (message) => replies.push(message),
      disconnect: () => undefined,
      onMessage: { addListener: (listener) => listeners.push(listener) },
      onDisconnect: { addListener: () => undefined },
    });
    const self = { id: 'kindred', origin: 'chrome-extension://kindred/' };
    serveImportPort(db, port({ id: 'other', url: 'chrome-extension://other/x.html' }), self);
    expect(replies.pop()).toMatchObject({ type: 'error', error: expect.stringContaining('own pages') });
    serveImportPort(db, port({ id: 'kindred', url: 'chrome-extension://kindred/options.html' }), self);
    listeners.at(-1)!({ type: 'chunk', text: 5 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(replies.pop()).toMatchObject({ type: 'error', error: expect.stringContaining('Invalid message') });
  });

  // Hostile inputs (helper "hostile").
  it('imports a file whose slice boundary splits an emoji before a slice of plain text', async () => {
    const slice = IMPORT_LIMITS.chunkChars;
    // The page decodes each slice of bytes as it comes: the emoji's 4 bytes, 3 at the end of one slice and
    // 1 at the start of the next, become 2 characters of the next piece, after which come slice - 1 bytes
    // of plain text: a piece of slice + 1 characters.
    let text = '{"format":"kindred","version":2,"contacts":[';
    const contact = (i: number, note: string) => `{"id":"p-${i}","note":"${note}"}`;
    let i = 0;
    while (text.length < slice - 3_000) text += contact(i++, 'a'.repeat(1_000)) + ',';
    const split = `p-${i++}`;
    text += `{"id":"${split}","note":"`;
    text += 'a'.repeat(slice - 3 - text.length) + '😀';
    expect(new TextEncoder().encode(text).length).toBe(slice + 1);
    text += '"},';
    while (text.length < 2 * slice + 20_000) text += contact(i++, 'b'.repeat(9_000)) + ',';
    text += contact(i++, 'end') + ']}';
    const report = await clientOnDatabase(db).importFile(
      'kindred',
      new Blob([text]),
      { mode: 'merge', skipInvalid: false },
      () => undefined,
    );
    expect(report).toMatchObject({ outcome: 'imported', added: i });
    expect((await db.contacts.get(split))?.note.endsWith('a😀')).toBe(true);
  }, 60_000);
});
