import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../model/taxonomy';
import { type KindredDB, openKindredDB } from './db';
import { exportAll } from './store';
import { updateTag } from './taxonomy-store';
import { importKindredFile } from './import-stream';

const NOW = new Date('2026-11-22T10:00:00.000Z');
/** Dutch default tags, as the Dutch locale's texts would give them. */
const dutch = () =>
  defaultTaxonomy((key) => (key.endsWith('.label') ? `NL ${key.split('.')[1]}` : `NL-beschrijving ${key}`));

const opened: KindredDB[] = [];
const open = (indexedDB: IDBFactory, language: 'en' | 'nl') => {
  const db = openKindredDB({ indexedDB, IDBKeyRange, ...(language === 'nl' ? { defaultTaxonomy: dutch } : {}) });
  opened.push(db);
  return db;
};
/** The taxonomy as stored, without Kindred's reading. */
const raw = (db: KindredDB) =>
  new Promise<Array<{ id: string; label: string; description: string }>>((resolve) => {
    const request = db.backendDB().transaction('taxonomy').objectStore('taxonomy').getAll();
    request.onsuccess = () => resolve(request.result);
  });
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('default tags follow the browser’s language until renamed', () => {
  it('stores no label or description for an untouched default tag, and shows it in the reader’s language', async () => {
    const indexedDB = new IDBFactory();
    const english = open(indexedDB, 'en');
    expect((await english.taxonomy.get('mentor'))?.label).toBe('Mentor');
    expect((await raw(english)).find((tag) => tag.id === 'mentor')).toMatchObject({ label: '', description: '' });
    english.close();
    // The browser's language changed: the same database, read by a Dutch page.
    const dutchDb = open(indexedDB, 'nl');
    expect((await dutchDb.taxonomy.get('mentor'))?.label).toBe('NL mentor');
  });

  it('keeps a renamed label in every language', async () => {
    const indexedDB = new IDBFactory();
    const english = open(indexedDB, 'en');
    await updateTag(english, 'mentor', { label: 'Guide' });
    english.close();
    const dutchDb = open(indexedDB, 'nl');
    expect(await dutchDb.taxonomy.get('mentor')).toMatchObject({
      label: 'Guide',
      description: 'NL-beschrijving tags.mentor.description',
    });
    // Renamed back to the default: it follows the language again.
    await updateTag(dutchDb, 'mentor', { label: 'NL mentor' });
    expect((await raw(dutchDb)).find((tag) => tag.id === 'mentor')?.label).toBe('');
  });

  it('an export, which writes labels as shown, imports back to the same stored tags', async () => {
    const db = open(new IDBFactory(), 'en');
    await updateTag(db, 'peer', { label: 'Fellow' });
    const before = await raw(db);
    const file = JSON.stringify(await exportAll(db, NOW));
    expect(file).toContain('"label":"Mentor"');
    const restored = open(new IDBFactory(), 'en');
    await importKindredFile(restored, file, 'replace', false, NOW.toISOString());
    expect(await raw(restored)).toEqual(before);
  });
});

describe('a file exported in another language', () => {
  it('stores the default tags’ Dutch texts empty in an English browser, so they show in English', async () => {
    const db = open(new IDBFactory(), 'en');
    const file = {
      format: 'kindred',
      version: 2,
      taxonomy: (await db.taxonomy.toArray()).map((tag) =>
        tag.id === 'growth' ? { ...tag, label: 'Veerkracht in mijn loopbaan' } : tag,
      ),
      contacts: [],
    };
    await importKindredFile(db, JSON.stringify(file), 'replace', false, NOW.toISOString());
    expect((await raw(db)).find((tag) => tag.id === 'growth')?.label).toBe('');
    expect((await db.taxonomy.get('growth'))?.label).toBe('Career resilience');
  });
});
