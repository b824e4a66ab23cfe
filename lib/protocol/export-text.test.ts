import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { clientOnDatabase } from '../../tests/support/fake-client';
import type { KindredDB } from '../storage/db';
import { exportAll, recordSeen, setNote, setTag } from '../storage/store';

const NOW = new Date('2026-11-27T10:00:00.000Z');
let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => db.close());

describe('Export JSON’s file', () => {
  it('is exactly the export written with two-space indents, built in steps with progress', async () => {
    await db.contacts.bulkAdd(
      Array.from({ length: 12_001 }, (_, i) => ({
        id: `person-${i}`,
        url: `https://www.linkedin.com/in/person-${i}/`,
        name: `Person "${i}" {with} [brackets], \\ and é`,
        headline: '',
        company: '',
        location: '',
        purposes: i % 3 ? ['work'] : [],
        relationships: [],
        note: i % 2 ? `line one\nline two ${i}` : '',
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
        lastSeenAt: '',
      })),
    );
    await recordSeen(
      db,
      { id: 'zoe', url: 'https://www.linkedin.com/in/zoe/', name: 'Zoë', headline: '', company: '', location: '' },
      NOW.toISOString(),
    );
    await setTag(db, 'zoe', 'mentor', true, NOW.toISOString());
    await setNote(db, 'zoe', 'Met 📚', NOW.toISOString());
    let written = '';
    const steps: number[] = [];
    const client = clientOnDatabase(db, {
      now: () => NOW,
      download: (_name, text) => void (written = typeof text === 'string' ? text : text.join('')),
    });
    await client.exportJson((done) => steps.push(done));
    expect(written).toBe(JSON.stringify(await exportAll(db, NOW), null, 2));
    expect(steps).toEqual([5000, 10000, 12002]);
  });

  it('of an empty database is the export too', async () => {
    await db.contacts.clear();
    let written = '';
    await clientOnDatabase(db, {
      now: () => NOW,
      download: (_name, text) => void (written = typeof text === 'string' ? text : text.join('')),
    }).exportJson();
    expect(written).toBe(JSON.stringify(await exportAll(db, NOW), null, 2));
  });
});
