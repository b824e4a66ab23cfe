import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { parseConnectionsCsv } from '../formats/connections-csv';
import type { KindredDB } from './db';
import { importConnections } from './import-connections';
import { answerNamesake, undoNamesake } from './namesakes';
import { getContact } from './contact-view';
import { recordSeen, setNote, setTag } from './store';

const NOW = '2026-11-22T10:00:00.000Z';
const LATER = '2026-11-23T10:00:00.000Z';
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

  it('never moves a name-only contact to a profile by itself: the panel asks, and only Yes merges', async () => {
    await run(db, 'connections-2018.csv');
    await setTag(db, 'name:zoe ng', 'growth', true, NOW);
    await setNote(db, 'name:zoe ng', 'Met at the fair', NOW);
    const zoe = {
      id: 'zoe-ng',
      url: 'https://www.linkedin.com/in/zoe-ng/',
      name: 'Zoë Ng',
      headline: 'Designer',
      company: '',
      location: '',
    };
    const seen = await recordSeen(db, zoe, NOW);
    // A namesake or an impostor would otherwise take her data: nothing moved, the panel asks.
    expect(await db.contacts.get('name:zoe ng')).toMatchObject({ purposes: ['growth'], note: 'Met at the fair' });
    expect(seen.contact).toMatchObject({ purposes: [], note: '', headline: 'Designer' });
    expect(seen.namesake).toEqual({ id: 'name:zoe ng', name: 'Zoë Ng' });

    const merged = await answerNamesake(db, 'zoe-ng', 'name:zoe ng', true, LATER);
    expect(await db.contacts.get('name:zoe ng')).toBeUndefined();
    expect(merged.contact).toMatchObject({
      purposes: ['growth'],
      note: 'Met at the fair',
      connectedOn: '2020-02-29',
      headline: 'Designer',
    });
    expect(merged.namesake).toBeUndefined();
    expect(merged.canUndoNamesake).toBe(true);

    // Undo: both as they were.
    const undone = await undoNamesake(db, 'zoe-ng', LATER);
    expect(undone.contact).toMatchObject({ purposes: [], note: '' });
    expect(undone.namesake).toEqual({ id: 'name:zoe ng', name: 'Zoë Ng' });
    expect(await db.contacts.get('name:zoe ng')).toMatchObject({ purposes: ['growth'], note: 'Met at the fair' });
  });

  it('remembers No for the pair, and offers only the name-only contact of this name', async () => {
    await run(db, 'connections-2018.csv');
    const zoe = {
      id: 'zoe-ng',
      url: 'https://www.linkedin.com/in/zoe-ng/',
      name: 'Zoë Ng',
      headline: '',
      company: '',
      location: '',
    };
    await recordSeen(db, zoe, NOW);
    await expect(answerNamesake(db, 'zoe-ng', 'name:john smith', true, NOW)).rejects.toThrow(/not offered/);
    const no = await answerNamesake(db, 'zoe-ng', 'name:zoe ng', false, NOW);
    expect(no.namesake).toBeUndefined();
    expect((await recordSeen(db, zoe, LATER)).namesake).toBeUndefined();
    expect(await db.contacts.get('name:zoe ng')).toBeDefined();
    await expect(answerNamesake(db, 'zoe-ng', 'name:zoe ng', true, NOW)).rejects.toThrow(/not offered/);
    // Ambiguous names are not even asked about.
    const john = {
      id: 'john-smith-1',
      url: 'https://www.linkedin.com/in/john-smith-1/',
      name: 'John Smith',
      headline: '',
      company: '',
      location: '',
    };
    expect((await recordSeen(db, john, NOW)).namesake).toBeUndefined();
    expect((await db.contacts.get('john-smith-1'))?.connectedOn).toBeUndefined();
  });

  it('cannot undo a merge once the contact changed since', async () => {
    await run(db, 'connections-2018.csv');
    const zoe = {
      id: 'zoe-ng',
      url: 'https://www.linkedin.com/in/zoe-ng/',
      name: 'Zoë Ng',
      headline: '',
      company: '',
      location: '',
    };
    await recordSeen(db, zoe, NOW);
    await answerNamesake(db, 'zoe-ng', 'name:zoe ng', true, NOW);
    await setNote(db, 'zoe-ng', 'new', LATER);
    expect((await getContact(db, 'zoe-ng')).canUndoNamesake).toBeUndefined();
    await expect(undoNamesake(db, 'zoe-ng', LATER)).rejects.toThrow(/no longer be undone/);
  });

  // Hostile inputs (helper "hostile").
  it('keeps a person whose name ends in "#2" apart from the second person of the name before it', async () => {
    const csv = [
      'First Name,Last Name,Email Address,Company,Position,Connected On',
      'Jo,Smith,,Alpha,,1/8/18',
      'Jo,Smith#2,,Gamma,,1/8/18',
      'Jo,Smith,,Beta,,1/8/18',
    ].join('\n');
    const { rows, skipped } = parseConnectionsCsv(csv);
    expect(await importConnections(db, rows, skipped, NOW)).toMatchObject({ added: 3, nameOnly: 3 });
    const stored = await db.contacts.orderBy('id').toArray();
    expect(stored.map((c) => [c.id, c.name, c.company])).toEqual([
      ['name:jo smith', 'Jo Smith', 'Alpha'],
      ['name:jo smith#2', 'Jo Smith#2', 'Gamma'],
      ['name:jo smith#3', 'Jo Smith', 'Beta'],
    ]);
    // The same file again finds every one of them.
    expect(await importConnections(db, rows, skipped, LATER)).toMatchObject({ added: 0, unchanged: 3 });
  });
});
