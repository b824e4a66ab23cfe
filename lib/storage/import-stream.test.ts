import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KindredDB } from './db';
import { ImportCancelled, KindredImport } from './import-stream';
import { importKindredFile } from './import-stream';
import { exportAll, recordSeen, setNote, setTag } from './store';
import { freshDB, snapshot } from '../../tests/support/db-helpers';

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
  await setNote(db, 'jane-doe', 'Precious note', T);
});
afterEach(() => db.close());

const person = (i: number, extra: object = {}) => ({
  id: `person-${i}`,
  name: `Person "${i}" {with} [brackets], \\ and \u00e9`,
  note: `note ${i} `.repeat(20),
  purposes: i % 3 ? ['work'] : [],
  relationships: i % 2 ? ['peer'] : [],
  ...extra,
});

const file = (contacts: object[], extra: object = {}) =>
  JSON.stringify({ format: 'kindred', version: 2, taxonomy: [], contacts, ...extra }, null, 2);

/** Sends `text` in pieces of `size` characters, staging batches after `budget` characters. */
async function importInPieces(
  text: string,
  size: number,
  options: { mode?: 'merge' | 'replace'; skipInvalid?: boolean; budget?: number } = {},
) {
  const session = new KindredImport(db, {
    mode: options.mode ?? 'merge',
    skipInvalid: options.skipInvalid ?? false,
    now: T,
    memoryBudget: options.budget ?? 2_000,
    batchChars: 1_500,
  });
  try {
    for (let at = 0; at < text.length; at += size) await session.push(text.slice(at, at + size));
    return await session.finish();
  } finally {
    await session.cancel();
  }
}

describe('an import read in pieces', () => {
  it('gives the same result as the whole text, whatever the piece size, through the staging table', async () => {
    const contacts = Array.from({ length: 60 }, (_, i) => person(i));
    const text = file(contacts, { exportedAt: T });
    const whole = freshDB();
    const expected = await importKindredFile(whole, text, 'merge', false, T);
    for (const size of [1, 7, 64, 1000, text.length]) {
      db.close();
      db = freshDB();
      const report = await importInPieces(text, size);
      expect(report, `pieces of ${size}`).toEqual(expected);
      expect(await db.contacts.count()).toBe(60);
      expect(await db.contacts.get('person-7')).toEqual(await whole.contacts.get('person-7'));
      // The staging table is empty again.
      expect(await db.importStaging.count()).toBe(0);
    }
    whole.close();
  });

  it('with an invalid contact changes nothing and lists it, unless the valid ones are chosen', async () => {
    const contacts = [...Array.from({ length: 40 }, (_, i) => person(i)), { id: 'x', note: 5 }];
    const before = await snapshot(db);
    const report = await importInPieces(file(contacts), 50);
    expect(report).toMatchObject({ outcome: 'invalid-contacts', validCount: 40, invalidCount: 1 });
    expect(await snapshot(db)).toEqual(before);
    expect(await db.importStaging.count()).toBe(0);
    const imported = await importInPieces(file(contacts), 50, { skipInvalid: true });
    expect(imported).toMatchObject({ outcome: 'imported', added: 40, skippedCount: 1 });
  });

  it('refuses a broken file at any piece size with the whole-file message, changing nothing', async () => {
    const before = await snapshot(db);
    const text = file([person(1), person(2)]);
    for (const broken of [
      text.slice(0, -40),
      text.replace('"person-2"', "'person-2'"),
      `${text}x`,
      text.replace('}\n  ]', '},\n  ]'),
    ]) {
      for (const size of [3, broken.length]) {
        await expect(importInPieces(broken, size)).rejects.toThrow('not valid JSON');
      }
    }
    await expect(importInPieces('', 5)).rejects.toThrow('The file is empty');
    await expect(importInPieces('[1,2]', 2)).rejects.toThrow('should be a JSON object');
    await expect(importInPieces('First Name,Last Name\nA,B\n', 4)).rejects.toThrow('looks like a CSV file');
    expect(await snapshot(db)).toEqual(before);
  });

  it('reads members in any order, and a file whose tags come after its contacts', async () => {
    const text = JSON.stringify({
      contacts: [{ id: 'ann', purposes: ['coach'] }],
      taxonomy: [{ id: 'coach', dimension: 'purpose', label: 'Coach' }],
      version: 2,
      format: 'kindred',
    });
    expect(await importInPieces(text, 5)).toMatchObject({ outcome: 'imported', added: 1, tagsAdded: 1 });
  });

  it('cancelled before the end leaves the database as it was and drops what was staged', async () => {
    const before = await snapshot(db);
    const session = new KindredImport(db, {
      mode: 'replace',
      skipInvalid: false,
      now: T,
      memoryBudget: 100,
      batchChars: 100,
    });
    const text = file(Array.from({ length: 30 }, (_, i) => person(i)));
    await session.push(text.slice(0, text.length / 2));
    expect(await db.importStaging.count()).toBeGreaterThan(0);
    await session.cancel();
    await expect(session.push(text.slice(text.length / 2))).rejects.toThrow(ImportCancelled);
    expect(await db.importStaging.count()).toBe(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a file declared larger than the memory budget goes to the staging table from its first batch', async () => {
    const text = file(Array.from({ length: 30 }, (_, i) => person(i)));
    const staged = async (fileBytes: number) => {
      const session = new KindredImport(db, {
        mode: 'merge',
        skipInvalid: false,
        now: T,
        fileBytes,
        memoryBudget: text.length,
        batchChars: 500,
      });
      await session.push(text.slice(0, 1200));
      const count = await db.importStaging.count();
      await session.cancel();
      return count;
    };
    expect(await staged(text.length)).toBe(0);
    expect(await staged(text.length + 1)).toBeGreaterThan(0);
  });

  it('a replace keeps a snapshot of what was here', async () => {
    const report = await importInPieces(file([person(1)]), 10, { mode: 'replace' });
    expect(report).toMatchObject({ added: 1, removed: 1 });
    const kept = await db.snapshot.get('about');
    expect(kept?.value).toMatchObject({ reason: 'replace-import', contacts: 1 });
  });

  // Hostile inputs (helper "hostile").
  it('refuses a file with a value nested thousands of levels deep with a clear message, changing nothing', async () => {
    const before = await snapshot(db);
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const text = file([person(1), person(2)]).replace('"id": "person-2"', `"id": "person-2", "location": ${deep}`);
    for (const size of [text.length, 7]) {
      // Large enough to go through the staging table, whose copy of such a value overflows the stack.
      await expect(importInPieces(text, size, { mode: 'replace', skipInvalid: true })).rejects.toThrow(
        'This is not a Kindred export: a value in it is nested more than 64 levels deep. Nothing was changed.',
      );
    }
    expect(await db.importStaging.count()).toBe(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses timestamps that are no real moment, and stores others the way Kindred writes them', async () => {
    const before = await snapshot(db);
    const text = file([
      person(1, { createdAt: '2026-11-22T10:00:00,5Z' }),
      person(2, { reviewedAt: '2026-02-31T10:00:00.000Z' }),
      person(3, { createdAt: '2026-11-22T10:00:00+05:00', reviewedAt: '2026-11-22 23:30:00-01:00' }),
      // In UTC past the year 9999: "+010000-01-01T…", which no field can store.
      person(4, { updatedAt: '9999-12-31T23:59:59.999-01:00' }),
    ]);
    const refused = await importInPieces(text, 9);
    expect(refused).toMatchObject({ outcome: 'invalid-contacts', validCount: 1, invalidCount: 3 });
    expect(refused.outcome === 'invalid-contacts' && refused.message).toBe(
      'The file has problems: contacts[0].createdAt: must be a date and time or empty; ' +
        'contacts[1].reviewedAt: must be a date and time like 2026-11-22T10:00:00.000Z; ' +
        'contacts[3].updatedAt: must be a date and time or empty. Nothing was changed.',
    );
    expect(await snapshot(db)).toEqual(before);

    expect(await importInPieces(text, 9, { skipInvalid: true })).toMatchObject({ added: 1, skippedCount: 3 });
    const stored = await db.contacts.get('person-3');
    expect(stored).toMatchObject({
      createdAt: '2026-11-22T05:00:00.000Z',
      updatedAt: '2026-11-22T05:00:00.000Z',
      reviewedAt: '2026-11-23T00:30:00.000Z',
    });
    // What was stored exports and imports into an empty database as it is.
    const exported = JSON.stringify(await exportAll(db, new Date(T)));
    const empty = freshDB();
    try {
      await importKindredFile(empty, exported, 'replace', false, T);
      expect(await empty.contacts.get('person-3')).toEqual(stored);
    } finally {
      empty.close();
    }
  });

  it('stores the URLs a person was known under as a profile page finds them (lower case), each once', async () => {
    const text = file([person(1, { formerIds: ['Old-Max', 'old-max', 'ÁLVARO-PÉREZ'] })]);
    expect(await importInPieces(text, 9)).toMatchObject({ added: 1 });
    expect((await db.contacts.get('person-1'))?.formerIds).toEqual(['old-max', 'álvaro-pérez']);
  });

  it('says in words which field a contact lacks', async () => {
    const text = file([{ name: 'No id' }, { id: 'c', touches: [{ channel: 'email' }] }, person(1)]);
    expect(await importInPieces(text, 11)).toMatchObject({
      outcome: 'invalid-contacts',
      message:
        'The file has problems: contacts[0].id: is missing; contacts[1].touches[0].on: is missing. Nothing was changed.',
    });
  });

  it('stores a profile id written in capitals as the profile page finds it, and sees it as the same person', async () => {
    const text = file([
      { id: 'Jane-Doe', url: 'https://www.linkedin.com/in/Jane-Doe/', purposes: ['work'] },
      { id: 'Max-Power', name: 'Max' },
      { id: 'max-power', name: 'Max again' },
      { id: 'İ'.repeat(150) },
    ]);
    expect(await importInPieces(text, 13, { skipInvalid: true })).toMatchObject({
      outcome: 'imported',
      added: 1,
      updated: 1,
      skipped: [
        { index: 2, problems: [{ field: 'id', reason: 'duplicate contact "max-power" (also contacts[1])' }] },
        { index: 3, problems: [{ field: 'id', reason: 'must be a LinkedIn profile id (the /in/… part of the URL)' }] },
      ],
    });
    expect(await db.contacts.get('jane-doe')).toMatchObject({ purposes: ['work'], note: 'Precious note' });
    expect(await db.contacts.get('max-power')).toMatchObject({
      name: 'Max',
      url: 'https://www.linkedin.com/in/max-power/',
    });
    expect(await db.contacts.get('Max-Power')).toBeUndefined();
  });

  it('reads a file with a second byte-order mark or a no-break space before its object, as read whole', async () => {
    for (const start of ['\uFEFF\uFEFF', '\uFEFF\u00a0\r\n', ' \u00a0']) {
      expect(await importInPieces(start + file([person(1)]), 1)).toMatchObject({ outcome: 'imported' });
    }
  });

  it('answers at once for a file of commas without a line break', async () => {
    // 100,000 commas took 15 s (a regular expression that backtracked over every one of them); a
    // megabyte of them, minutes, with the background busy all along.
    const text = 'a,'.repeat(100_000);
    const started = performance.now();
    await expect(importInPieces(text, text.length)).rejects.toThrow(
      'This is not a Kindred export: the file is not valid JSON',
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect(importInPieces('x,y\n1,2\n', 3)).rejects.toThrow('looks like a CSV file');
  });

  it('reads escapes and emoji the same whatever piece boundary falls inside them', async () => {
    const name = 'Zo\\u00eb \\ud83d\\ude00 😀 \\"Q\\" \\\\';
    const text = `{"format":"kindred","version":2,"contacts":[{"id":"zoe","name":"${name}"}]}`;
    for (const size of [1, 2, 3, 5, 7]) {
      const target = freshDB();
      try {
        const session = new KindredImport(target, { mode: 'merge', skipInvalid: false, now: T });
        for (let at = 0; at < text.length; at += size) await session.push(text.slice(at, at + size));
        expect(await session.finish()).toMatchObject({ outcome: 'imported', added: 1 });
        expect((await target.contacts.get('zoe'))?.name).toBe('Zoë 😀 😀 "Q" \\');
      } finally {
        target.close();
      }
    }
  });
});
