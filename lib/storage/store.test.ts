import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { freshDB } from '../../tests/support/db-helpers';
import { useLocale } from '../../tests/support/test-i18n';
import { computeBalance } from '../model/balance';
import { type KindredDB, openKindredDB } from './db';
import { importKindredFile } from './import-stream';
import { correctField } from './namesakes';
import { deleteAll, exportAll, recordSeen, setNote, setTag } from './store';
import { getContact, setPanelCollapsed } from './contact-view';
import { loadLayoutHealth, loadTagSummary, recordLayoutHealth } from './page-reads';
import { DEFAULT_TAXONOMY, defaultTaxonomy } from '../model/taxonomy';

const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const jane = {
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: 'Flex specialist',
  company: 'Flexa',
  location: 'London',
};

let db: KindredDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => db.close());

describe('the database', () => {
  it('is seeded with the default taxonomy on first open', async () => {
    const view = await getContact(db, 'nobody');
    expect(view.contact).toBeNull();
    expect(view.taxonomy.map((t) => t.id)).toEqual(DEFAULT_TAXONOMY.map((t) => t.id));
    expect(view.panelCollapsed).toBe(false);
  });

  it('is seeded in the user’s language, and deleting everything brings those tags back', async () => {
    useLocale('nl');
    const dutch = openKindredDB({
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      defaultTaxonomy: () => defaultTaxonomy(translate),
    });
    try {
      const labels = async () => (await dutch.taxonomy.toArray()).map((tag) => [tag.id, tag.label]);
      expect(await labels()).toContainEqual(['growth', 'Veerkracht in mijn loopbaan']);
      await dutch.taxonomy.update('growth', { label: 'Groei' });
      await deleteAll(dutch);
      expect(await labels()).toContainEqual(['growth', 'Veerkracht in mijn loopbaan']);
      expect((await dutch.taxonomy.toArray()).map((tag) => tag.id).sort()).toEqual(
        DEFAULT_TAXONOMY.map((tag) => tag.id).sort(),
      );
    } finally {
      dutch.close();
    }
  });
});

describe('recordSeen', () => {
  it('creates an untagged contact with what the page showed', async () => {
    const view = await recordSeen(db, jane, T1);
    expect(view.contact).toMatchObject({
      ...jane,
      purposes: [],
      relationships: [],
      note: '',
      createdAt: T1,
      lastSeenAt: T1,
    });
  });

  it('refreshes changed fields, keeps fields the page did not show, and keeps tags', async () => {
    await recordSeen(db, jane, T1);
    await setTag(db, jane.id, 'mentor', true, T1);
    const view = await recordSeen(db, { ...jane, headline: 'Author', company: '' }, T2);
    expect(view.contact).toMatchObject({
      headline: 'Author',
      company: 'Flexa',
      relationships: ['mentor'],
      createdAt: T1,
      updatedAt: T2,
      lastSeenAt: T2,
    });
  });

  it('keeps the member id the page showed, and a visit without one keeps it', async () => {
    const memberId = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
    await recordSeen(db, { ...jane, memberId }, T1);
    expect((await recordSeen(db, jane, T2)).contact).toMatchObject({ memberId });
    expect(await db.contacts.where('memberId').equals(memberId).primaryKeys()).toEqual([jane.id]);
  });

  it('moves a contact to the URL its member id is shown under now (./same-person.test.ts has the rest)', async () => {
    const memberId = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
    await recordSeen(db, { ...jane, memberId }, T1);
    await setTag(db, jane.id, 'mentor', true, T1);
    const renamed = { ...jane, id: 'jane-doe-flexa', url: 'https://www.linkedin.com/in/jane-doe-flexa/', memberId };
    const view = await recordSeen(db, renamed, T2);
    expect(view.contact).toMatchObject({ id: renamed.id, memberId, relationships: ['mentor'], createdAt: T1 });
    // Nothing is left under the old URL, which still finds her (./former-ids.test.ts has the rest).
    expect(await db.contacts.get(jane.id)).toBeUndefined();
    expect((await getContact(db, jane.id)).contact?.id).toBe(renamed.id);
    expect(await db.contacts.where('memberId').equals(memberId).primaryKeys()).toEqual([renamed.id]);
  });

  it('only moves lastSeenAt when nothing changed', async () => {
    await recordSeen(db, jane, T1);
    const view = await recordSeen(db, jane, T2);
    expect(view.contact).toMatchObject({ updatedAt: T1, lastSeenAt: T2 });
  });
});

describe('setTag', () => {
  it('adds and removes one tag without touching the others', async () => {
    await recordSeen(db, jane, T1);
    await setTag(db, jane.id, 'growth', true, T1);
    await setTag(db, jane.id, 'mentor', true, T1);
    await setTag(db, jane.id, 'purpose', true, T1);
    const view = await setTag(db, jane.id, 'growth', false, T2);
    expect(view.contact).toMatchObject({ purposes: ['purpose'], relationships: ['mentor'], updatedAt: T2 });
  });

  it('is idempotent, so a retried message does no harm', async () => {
    await setTag(db, jane.id, 'mentor', true, T1);
    const view = await setTag(db, jane.id, 'mentor', true, T2);
    expect(view.contact).toMatchObject({ relationships: ['mentor'], updatedAt: T1 });
  });

  it('creates the contact when tagging someone not recorded yet', async () => {
    const view = await setTag(db, 'new-person', 'peer', true, T1);
    expect(view.contact).toMatchObject({
      id: 'new-person',
      url: 'https://www.linkedin.com/in/new-person/',
      relationships: ['peer'],
    });
  });

  it('keeps both writes when two tags are set at the same moment', async () => {
    await recordSeen(db, jane, T1);
    await Promise.all([
      setTag(db, jane.id, 'mentor', true, T1),
      setTag(db, jane.id, 'growth', true, T1),
      setTag(db, jane.id, 'peer', true, T1),
      setNote(db, jane.id, 'Met at the flex conference', T1),
    ]);
    const contact = await db.contacts.get(jane.id);
    expect(contact?.relationships.sort()).toEqual(['mentor', 'peer']);
    expect(contact?.purposes).toEqual(['growth']);
    expect(contact?.note).toBe('Met at the flex conference');
  });

  it('rejects unknown and archived tags and changes nothing', async () => {
    await recordSeen(db, jane, T1);
    await db.taxonomy.update('friend', { archived: true });
    await expect(setTag(db, jane.id, 'nemesis', true, T2)).rejects.toThrow('Unknown tag "nemesis".');
    await expect(setTag(db, jane.id, 'friend', true, T2)).rejects.toThrow('Tag "Friend" is archived.');
    expect(await db.contacts.get(jane.id)).toMatchObject({ purposes: [], relationships: [], updatedAt: T1 });
  });
});

describe('setNote and setPanelCollapsed', () => {
  it('stores the note and the panel state', async () => {
    await recordSeen(db, jane, T1);
    await setNote(db, jane.id, 'Ask about the book', T2);
    await setPanelCollapsed(db, true);
    const view = await getContact(db, jane.id);
    expect(view.contact).toMatchObject({ note: 'Ask about the book', updatedAt: T2 });
    expect(view.panelCollapsed).toBe(true);
  });
});

describe('loadTagSummary', () => {
  it('feeds the balance', async () => {
    await recordSeen(db, jane, T1);
    await recordSeen(db, { ...jane, id: 'sam', url: 'https://www.linkedin.com/in/sam/', name: 'Sam' }, T1);
    await setTag(db, 'jane-doe', 'work', true, T1);
    await setTag(db, 'jane-doe', 'growth', true, T1);
    await setTag(db, 'kim', 'mentor', true, T1);
    const { summary, taxonomy } = await loadTagSummary(db);
    const balance = computeBalance(summary, taxonomy);
    expect(balance).toMatchObject({ known: 3, tagged: 2, work: 1, growth: 1, both: 1, withoutPurpose: 1 });
    expect(balance.gaps.map((t) => t.id)).not.toContain('mentor');
  });
});

describe('exportAll', () => {
  it('writes format kindred version 2 with the taxonomy and every contact', async () => {
    await recordSeen(db, jane, T1);
    await setTag(db, jane.id, 'mentor', true, T1);
    await setNote(db, jane.id, 'Ask about the book', T1);
    await recordSeen(db, { ...jane, id: 'abe', url: 'https://www.linkedin.com/in/abe/', name: 'Abe' }, T1);
    const file = await exportAll(db, new Date(T2));
    expect(file).toMatchObject({ format: 'kindred', version: 2, exportedAt: T2 });
    expect(file.taxonomy.map((t) => t.id)).toEqual(DEFAULT_TAXONOMY.map((t) => t.id));
    expect(file.contacts.map((c) => c.id)).toEqual(['abe', 'jane-doe']);
    expect(file.contacts[1]).toMatchObject({ relationships: ['mentor'], note: 'Ask about the book', createdAt: T1 });
  });
});

describe('deleteAll', () => {
  it('removes every contact, restores the default tags and keeps the install date', async () => {
    await recordSeen(db, jane, T1);
    await setTag(db, jane.id, 'mentor', true, T1);
    await db.taxonomy.update('mentor', { label: 'Guide' });
    await setPanelCollapsed(db, true);
    const installed = await db.settings.get('installedAt');
    await deleteAll(db);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.taxonomy.get('mentor')).toMatchObject({ label: 'Mentor' });
    expect(await db.settings.toArray()).toEqual([installed]);
  });
});

describe('corrections', () => {
  it('keeps a correction through later visits, and "Use LinkedIn\'s" brings back the latest page value', async () => {
    await recordSeen(db, jane, T1);
    const corrected = await correctField(db, jane.id, 'company', 'Flexa Health', T1);
    expect(corrected.contact).toMatchObject({ company: 'Flexa Health', pageValues: { company: 'Flexa' } });
    // A later visit shows another company: kept as LinkedIn's value, the correction stays.
    const revisit = await recordSeen(db, { ...jane, company: 'Flexa Group', headline: 'Lead' }, T2);
    expect(revisit.contact).toMatchObject({
      company: 'Flexa Health',
      headline: 'Lead',
      pageValues: { company: 'Flexa Group' },
    });
    // What is shown and counted everywhere is the correction: the company index holds it.
    expect(await db.contacts.where('company').equals('Flexa Health').primaryKeys()).toEqual([jane.id]);
    const cleared = await correctField(db, jane.id, 'company', null, T2);
    expect(cleared.contact?.company).toBe('Flexa Group');
    expect(cleared.contact).not.toHaveProperty('pageValues');
  });

  it('corrects name and headline too, and ignores a "correction" to what the page shows', async () => {
    await recordSeen(db, jane, T1);
    await correctField(db, jane.id, 'name', 'Jane Doe-Smith', T2);
    await correctField(db, jane.id, 'headline', jane.headline, T2);
    const view = await recordSeen(db, { ...jane, name: 'Jane D.' }, T2);
    expect(view.contact).toMatchObject({
      name: 'Jane Doe-Smith',
      headline: jane.headline,
      pageValues: { name: 'Jane D.' },
    });
    expect(view.contact?.updatedAt).toBe(T2);
  });

  it("corrects a contact before any visit (LinkedIn's value is then empty)", async () => {
    const view = await correctField(db, 'sam', 'company', 'Acme', T1);
    expect(view.contact).toMatchObject({ id: 'sam', company: 'Acme', pageValues: { company: '' } });
  });

  it('exports corrections, and they survive an import', async () => {
    await recordSeen(db, jane, T1);
    await correctField(db, jane.id, 'headline', 'Flexibility coach', T1);
    const file = await exportAll(db, new Date(T2));
    expect(file.contacts[0]).toMatchObject({ headline: 'Flexibility coach', pageValues: { headline: jane.headline } });
    const restored = freshDB();
    try {
      expect(await importKindredFile(restored, JSON.stringify(file), 'replace', false, T2)).toMatchObject({
        outcome: 'imported',
      });
      expect(await restored.contacts.get(jane.id)).toMatchObject({
        headline: 'Flexibility coach',
        pageValues: { headline: jane.headline },
      });
      // Merged into a database that has the page's value only: the correction wins.
      await recordSeen(db, { ...jane, headline: 'Newer' }, T2);
      await correctField(db, jane.id, 'headline', null, T2);
      await importKindredFile(db, JSON.stringify(file), 'merge', false, T2);
      expect(await db.contacts.get(jane.id)).toMatchObject({
        headline: 'Flexibility coach',
        pageValues: { headline: jane.headline },
      });
    } finally {
      restored.close();
    }
  });
});

describe('layout health', () => {
  it('remembers the last 20 readings', async () => {
    for (let i = 0; i < 22; i++) await recordLayoutHealth(db, `p${i}`, i % 2 ? ['company'] : []);
    const readings = await loadLayoutHealth(db);
    expect(readings).toHaveLength(20);
    expect(readings.filter((r) => r.missing.includes('company'))).toHaveLength(10);
  });
});
