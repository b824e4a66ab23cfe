import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { handleMessage } from '../../lib/protocol/handler';
import { openTabProfiles } from '../../lib/storage/tab-profiles';
import type { KindredDB } from '../../lib/storage/db';
import { recordSeen, setNote, setTag } from '../../lib/storage/store';
import { freshDB, snapshot } from '../support/db-helpers';

/**
 * Every file in tests/fixtures/bad-imports must be refused with a message naming the problem, and
 * leave the database exactly as it was, in both import modes.
 */
const BAD = join(import.meta.dirname, '../fixtures/bad-imports');
const expected: Record<string, string> = JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8'));
const SELF = { id: 'kindred', origin: 'chrome-extension://kindred/' };
const OPTIONS_PAGE = { id: 'kindred', url: 'chrome-extension://kindred/options.html' };

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
    '2026-11-01T10:00:00.000Z',
  );
  await setTag(db, 'jane-doe', 'mentor', true, '2026-11-01T10:00:00.000Z');
  await setNote(db, 'jane-doe', 'Precious note', '2026-11-01T10:00:00.000Z');
});
afterEach(() => db.close());

const importText = (text: string, mode: 'merge' | 'replace') =>
  handleMessage(
    db,
    { type: 'importKindred', text, mode },
    OPTIONS_PAGE,
    SELF,
    new Date(),
    openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange }),
  );

/**
 * Refused: an error, or (when some contacts are valid) the list of invalid ones for the person to
 * choose from; either way with the reason, and nothing changed.
 */
async function expectRejected(text: string, fragment: string) {
  for (const mode of ['merge', 'replace'] as const) {
    const before = await snapshot(db);
    const reply = await importText(text, mode);
    const said = reply.ok
      ? (reply.value as { outcome: string; message?: string }).outcome === 'invalid-contacts' &&
        (reply.value as { message: string }).message
      : reply.error;
    expect(said, `${mode} should be refused`).toContain(fragment);
    expect(await snapshot(db)).toEqual(before);
  }
}

describe('the corpus of bad import files', () => {
  it('has at least 50 files', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(50);
  });

  it.each(Object.entries(expected))('%s is refused: %s', async (file, fragment) => {
    await expectRejected(readFileSync(join(BAD, file), 'utf8'), fragment);
  });

  it('refuses 100,000 contacts', async () => {
    const contacts = Array.from({ length: 100_000 }, (_, i) => ({ id: `person-${i}` }));
    await expectRejected(
      JSON.stringify({ format: 'kindred', version: 1, contacts }),
      'must have at most 50000 contacts',
    );
  });

  it('names only the first problems of a file with many', async () => {
    const contacts = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, purposes: ['nope'] }));
    const reply = await importText(JSON.stringify({ format: 'kindred', version: 1, contacts }), 'merge');
    expect(!reply.ok && reply.error).toMatch(/contacts\[0\].*contacts\[1\].*contacts\[2\].*\(and 17 more\)/);
  });
});

describe('files with markup and spreadsheet formulas', () => {
  it('are imported as plain text, with duplicate tags cleaned', async () => {
    const text = readFileSync(
      join(import.meta.dirname, '../fixtures/accepted-imports/markup-and-formulas.json'),
      'utf8',
    );
    const reply = await importText(text, 'merge');
    expect(reply).toMatchObject({ ok: true, value: { added: 2 } });
    expect(await db.contacts.get('mallory')).toMatchObject({ name: expect.stringContaining('<img src=x') });
    expect((await db.contacts.get('formula'))?.purposes).toEqual(['work']);
    expect(await db.contacts.get('jane-doe')).toMatchObject({ note: 'Precious note', relationships: ['mentor'] });
  });
});
