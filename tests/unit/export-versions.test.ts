import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KindredDB } from '../../lib/storage/db';
import { importKindred } from '../../lib/storage/import-kindred';
import { parseKindredFile } from '../../lib/formats/kindred-file';
import { exportAll } from '../../lib/storage/store';
import { freshDB } from '../support/db-helpers';

/**
 * Files written by every released export format must keep importing. Each format version keeps a
 * sample here (tests/fixtures/exports/kindred-v<N>.json); a new version adds its own.
 */
let db: KindredDB | undefined;
afterEach(() => db?.close());

describe('older export files', () => {
  it('version 1 imports with every contact, tag, note and renamed or archived tag intact', async () => {
    db = freshDB();
    const text = readFileSync(resolve(import.meta.dirname, '../fixtures/exports/kindred-v1.json'), 'utf8');
    const report = await importKindred(db, parseKindredFile(text, '2026-11-22T12:00:00.000Z'), 'replace');
    expect(report).toMatchObject({ added: 3, removed: 0 });
    const file = await exportAll(db, new Date('2026-11-22T12:00:00.000Z'));
    expect(file.contacts.find((c) => c.id === 'jane-doe')).toMatchObject({
      purposes: ['growth', 'book-club'],
      relationships: ['mentor', 'friend'],
      note: 'Met at the flex conference',
      createdAt: '2026-01-01T10:00:00.000Z',
    });
    expect(file.contacts.find((c) => c.id === 'name:john smith')).toMatchObject({
      url: '',
      connectedOn: '2019-12-31',
      source: 'linkedin-connections',
    });
    expect(file.contacts.find((c) => c.id === 'minimal-sam')).toMatchObject({
      url: 'https://www.linkedin.com/in/minimal-sam/',
      relationships: ['peer'],
      createdAt: '2026-11-22T12:00:00.000Z',
    });
    expect(file.taxonomy.find((t) => t.id === 'mentor')).toMatchObject({ label: 'Guide' });
    expect(file.taxonomy.find((t) => t.id === 'friend')).toMatchObject({ archived: true });
    expect(file.taxonomy.find((t) => t.id === 'book-club')).toMatchObject({ dimension: 'purpose' });
    // The default tags the file did not list are there too.
    expect(file.taxonomy.map((t) => t.id)).toEqual(
      expect.arrayContaining(['purpose', 'belonging', 'impact', 'way-shower', 'peer']),
    );
  });
});
