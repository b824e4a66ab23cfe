import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { parseConnectionsCsv } from '../formats/connections-csv';
import type { KindredDB } from './db';
import { importConnections } from './import-connections';
import { recordSeen, setNote, setTag } from './store';

const NOW = '2026-11-22T10:00:00.000Z';
const T0 = '2026-11-01T10:00:00.000Z';
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../tests/fixtures/connections', name), 'utf8');
const run = (db: KindredDB, file: string) => {
  const { rows, skipped } = parseConnectionsCsv(fixture(file));
  return importConnections(db, rows, skipped, NOW);
};

let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => db.close());

describe('importConnections', () => {
  it('adds new contacts by profile id and reports skipped rows', async () => {
    const report = await run(db, 'connections-2024.csv');
    expect(report).toMatchObject({ added: 4, updated: 0, unchanged: 0, matchedByName: 0, nameOnly: 0 });
    expect(report.skipped).toHaveLength(1);
    expect(await db.contacts.get('anna-de-vries-1a2b3c')).toMatchObject({
      name: 'Anna de Vries',
      headline: 'Head of People, EMEA',
      company: 'Flexa',
      connectedOn: '2024-10-09',
      source: 'linkedin-connections',
      purposes: [],
      lastSeenAt: '',
      createdAt: NOW,
    });
  });

  it('never loses tags, notes or what a profile visit recorded; a second import changes nothing', async () => {
    await recordSeen(
      db,
      {
        id: 'bramjanssen',
        url: 'https://www.linkedin.com/in/bramjanssen/',
        name: 'Bram J.',
        headline: 'Now at Purpose Co',
        company: 'Purpose Co',
        location: 'Utrecht',
      },
      T0,
    );
    await setTag(db, 'bramjanssen', 'peer', true, T0);
    await setNote(db, 'bramjanssen', 'Coffee in May', T0);
    const first = await run(db, 'connections-2024.csv');
    expect(first).toMatchObject({ added: 3, updated: 1 });
    expect(await db.contacts.get('bramjanssen')).toMatchObject({
      name: 'Bram J.',
      headline: 'Now at Purpose Co',
      company: 'Purpose Co',
      relationships: ['peer'],
      note: 'Coffee in May',
      connectedOn: '2023-03-21',
    });
    expect(await run(db, 'connections-2024.csv')).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  it('matches rows without URL by name when unambiguous, else keeps them under their name', async () => {
    await recordSeen(
      db,
      {
        id: 'jane-doe-99',
        url: 'https://www.linkedin.com/in/jane-doe-99/',
        name: 'Jane  DOE',
        headline: '',
        company: '',
        location: '',
      },
      T0,
    );
    await setTag(db, 'jane-doe-99', 'mentor', true, T0);
    const report = await run(db, 'connections-2018.csv');
    expect(report).toMatchObject({ added: 3, updated: 1, matchedByName: 1, nameOnly: 3 });
    expect(await db.contacts.get('jane-doe-99')).toMatchObject({
      relationships: ['mentor'],
      company: 'Flexa',
      connectedOn: '2018-01-08',
    });
    // Two John Smiths stay two people.
    expect(await db.contacts.get('name:john smith')).toMatchObject({ name: 'John Smith', company: 'Acme', url: '' });
    expect(await db.contacts.get('name:john smith#2')).toMatchObject({ company: 'Globex' });
    expect(await db.contacts.get('name:zoe ng')).toMatchObject({ name: 'Zoë Ng' });
    expect(await run(db, 'connections-2018.csv')).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  it('moves a name-only contact to the profile id when its profile is opened', async () => {
    await run(db, 'connections-2018.csv');
    await setTag(db, 'name:zoe ng', 'growth', true, NOW);
    await recordSeen(
      db,
      {
        id: 'zoe-ng',
        url: 'https://www.linkedin.com/in/zoe-ng/',
        name: 'Zoë Ng',
        headline: 'Designer',
        company: '',
        location: '',
      },
      NOW,
    );
    expect(await db.contacts.get('name:zoe ng')).toBeUndefined();
    expect(await db.contacts.get('zoe-ng')).toMatchObject({
      purposes: ['growth'],
      connectedOn: '2020-02-29',
      headline: 'Designer',
    });
    // Ambiguous names are not guessed.
    await recordSeen(
      db,
      {
        id: 'john-smith-1',
        url: 'https://www.linkedin.com/in/john-smith-1/',
        name: 'John Smith',
        headline: '',
        company: '',
        location: '',
      },
      NOW,
    );
    expect(await db.contacts.get('name:john smith')).toBeDefined();
    expect((await db.contacts.get('john-smith-1'))?.connectedOn).toBeUndefined();
  });
});
