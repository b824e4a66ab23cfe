import { pageTabs } from '../support/fake-client';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KindredDB } from '../../lib/storage/db';
import { importKindred } from '../../lib/storage/import-kindred';
import { parseKindredFile } from '../../lib/formats/kindred-file';
import { FILE_VERSION } from '../../lib/formats/export-format';
import { handleMessage } from '../../lib/protocol/handler';
import { exportAll } from '../../lib/storage/store';
import { freshDB, snapshot } from '../support/db-helpers';

/**
 * Files written by every released export format must keep importing. Each format version keeps a
 * sample here (tests/fixtures/exports/kindred-v<N>.json); a new version adds its own.
 */
let db: KindredDB | undefined;
afterEach(() => db?.close());

const T = '2027-03-02T12:00:00.000Z';
const sample = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/exports', name), 'utf8');

describe('older export files', () => {
  it('version 1 imports with every contact, tag, note and renamed or archived tag intact', async () => {
    db = freshDB();
    const text = sample('kindred-v1.json');
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

describe('version 2', () => {
  it('is what Kindred writes now', async () => {
    db = freshDB();
    expect(FILE_VERSION).toBe(2);
    expect(await exportAll(db, new Date(T))).toMatchObject({ format: 'kindred', version: 2 });
  });

  it('imports with the date that could not be read kept as written, and exports as it was', async () => {
    db = freshDB();
    const text = sample('kindred-v2.json');
    await importKindred(db, parseKindredFile(text, T), 'replace');
    const file = await exportAll(db, new Date('2027-03-01T09:00:00.000Z'));
    expect(file.contacts).toEqual(JSON.parse(text).contacts);
    expect(file.contacts[1]).toMatchObject({ connectedOnText: 'gisteren' });
    expect(file.contacts[1]).not.toHaveProperty('connectedOn');
    expect(file.taxonomy.find((t) => t.id === 'coach')).toMatchObject({ label: 'Coach', dimension: 'purpose' });
  });

  it('refuses a contact with both a date and a date as written', () => {
    const text = sample('kindred-v2.json').replace(
      '"connectedOnText": "gisteren"',
      '"connectedOnText": "x", "connectedOn": "2020-01-01"',
    );
    expect(() => parseKindredFile(text, T)).toThrow('contacts[1].connectedOnText: must not be set when connectedOn is');
  });
});

describe('version 1 files that Kindred 1 wrote after a Connections.csv import', () => {
  it('restore: empty and written-out dates read or kept, over-long texts cut', async () => {
    db = freshDB();
    const file = JSON.parse(sample('kindred-v1.json'));
    file.contacts.push(
      { id: 'empty-date', connectedOn: '', source: 'linkedin-connections' },
      { id: 'dutch-date', connectedOn: '09 okt 2024', headline: 'h'.repeat(600), source: 'linkedin-connections' },
      { id: 'odd-date', connectedOn: 'gisteren', company: 'c'.repeat(250), source: 'linkedin-connections' },
    );
    await importKindred(db, parseKindredFile(JSON.stringify(file), T), 'replace');
    const contacts = (await exportAll(db, new Date(T))).contacts;
    expect(contacts.find((c) => c.id === 'empty-date')).not.toHaveProperty('connectedOn');
    expect(contacts.find((c) => c.id === 'dutch-date')).toMatchObject({ connectedOn: '2024-10-09' });
    expect(contacts.find((c) => c.id === 'dutch-date')!.headline).toHaveLength(500);
    expect(contacts.find((c) => c.id === 'odd-date')).toMatchObject({ connectedOnText: 'gisteren' });
    expect(contacts.find((c) => c.id === 'odd-date')!.company).toHaveLength(200);
  });

  it('still refuse an over-long text Kindred did not write (not from a Connections.csv)', () => {
    const file = JSON.parse(sample('kindred-v1.json'));
    file.contacts[0].headline = 'h'.repeat(600);
    expect(() => parseKindredFile(JSON.stringify(file), T)).toThrow(
      'contacts[0].headline: must be at most 500 characters',
    );
  });
});

describe('a file from a newer Kindred', () => {
  it('is refused with a clear message, and nothing is changed', async () => {
    db = freshDB();
    const before = await snapshot(db);
    const text = sample('kindred-v2.json').replace('"version": 2', '"version": 3');
    const reply = await handleMessage(
      db,
      { type: 'importKindred', text, mode: 'replace' },
      { id: 'k', url: 'chrome-extension://k/options.html' },
      { id: 'k', origin: 'chrome-extension://k/' },
      new Date(),
      pageTabs(),
    );
    expect(reply).toEqual({
      ok: false,
      error:
        'This file was made by a newer Kindred (format version 3). Update Kindred to import it. Nothing was changed.',
    });
    expect(await snapshot(db)).toEqual(before);
  });
});
