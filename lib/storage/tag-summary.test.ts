import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../tests/support/db-helpers';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { handleMessage } from '../protocol/handler';
import { openTabProfiles } from './tab-profiles';
import { computeBalance } from '../model/balance';
import { newContact } from '../model/contact';
import type { KindredDB } from './db';
import { ensureTagSummary, loadCompanySpread, loadTagSummary } from './page-reads';
import { companyCounts, companySpread } from '../model/company-spread';
import { TAG_SUMMARY } from './tag-summary-middleware';
import { type TagSummary, applyContactChanges, comboKey, tagSummaryFromIds } from '../model/tag-summary';

const tagged = (purposes: string[], relationships: string[] = []) => ({ purposes, relationships });

describe('comboKey', () => {
  it('is the same for the same tags in any order or dimension, and "[]" for none', () => {
    expect(comboKey(tagged(['work', 'growth'], ['mentor']))).toBe(comboKey(tagged(['growth'], ['mentor', 'work'])));
    expect(comboKey(tagged(['work', 'work']))).toBe('["work"]');
    expect(comboKey(tagged([]))).toBe('[]');
  });
});

describe('tagSummaryFromIds', () => {
  it('groups contacts by their exact tag set and counts the rest as untagged', () => {
    const summary = tagSummaryFromIds(
      5,
      new Map([
        ['work', ['a', 'b']],
        ['mentor', ['b', 'c']],
      ]),
    );
    expect(summary).toEqual({ known: 5, combos: { '["work"]': 1, '["mentor","work"]': 1, '["mentor"]': 1, '[]': 2 } });
  });
});

describe('applyContactChanges', () => {
  const start: TagSummary = { known: 2, combos: { '["work"]': 1, '[]': 1 } };

  it('moves a contact to its new tag set, adds new contacts and removes deleted ones', () => {
    expect(applyContactChanges(start, [tagged([])], [tagged(['work'])])).toEqual({
      known: 2,
      combos: { '["work"]': 2 },
    });
    expect(applyContactChanges(start, [undefined], [tagged([], ['peer'])])).toEqual({
      known: 3,
      combos: { '["work"]': 1, '[]': 1, '["peer"]': 1 },
    });
    expect(applyContactChanges(start, [tagged(['work'])], [])).toEqual({ known: 1, combos: { '[]': 1 } });
  });

  it('refuses a change the summary cannot have seen, so it gets rebuilt instead of drifting', () => {
    expect(applyContactChanges(start, [tagged(['impact'])], [tagged([])])).toBeUndefined();
  });
});

const OWN_ID = 'kindred-extension-id';
const tabs = openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange });
const SELF = { id: OWN_ID, origin: `chrome-extension://${OWN_ID}/` };
/** The token of the panel frame the content script made, which it announces with the profile. */
const FRAME_TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
/** The content script in a LinkedIn tab (it announces the profile; tags come from the panel or the options page). */
const contentScript = { id: OWN_ID, url: 'https://www.linkedin.com/in/jane-doe/', frameId: 0, tab: { id: 1 } };
const optionsPage: typeof contentScript = {
  id: OWN_ID,
  url: `chrome-extension://${OWN_ID}/options.html`,
  frameId: 0,
  tab: { id: 2 },
};
const profile = (id: string, name: string) => ({
  id,
  url: `https://www.linkedin.com/in/${id}/`,
  name,
  headline: '',
  company: 'Flexa',
  location: '',
});
const file = (contacts: object[]) => JSON.stringify({ format: 'kindred', version: 1, contacts });
const csv = (rows: string[]) =>
  `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`;

describe('the stored tag summary', () => {
  let db: KindredDB;
  beforeEach(() => {
    db = freshDB();
  });
  afterEach(() => db.close());

  const stored = async () => (await db.settings.get(TAG_SUMMARY))?.value as TagSummary | undefined;
  /** The balance as the popup shows it, and as a full read of every contact gives it. */
  const balances = async () => {
    const { summary, taxonomy } = await loadTagSummary(db);
    const contacts = await db.contacts.toArray();
    const fromContacts: TagSummary = { known: 0, combos: {} };
    const truth = applyContactChanges(fromContacts, [], contacts)!;
    return { shown: computeBalance(summary, taxonomy), truth: computeBalance(truth, taxonomy) };
  };

  // Every message that writes contacts, in the order a person might send them.
  const steps: Array<[string, unknown, typeof contentScript]> = [
    [
      'first visit',
      { type: 'recordSeen', profile: profile('jane-doe', 'Jane Doe'), frameToken: FRAME_TOKEN },
      contentScript,
    ],
    ['tag on', { type: 'setTag', contactId: 'jane-doe', tagId: 'work', on: true }, optionsPage],
    ['second tag', { type: 'setTag', contactId: 'jane-doe', tagId: 'mentor', on: true }, optionsPage],
    ['tag on a new contact', { type: 'setTag', contactId: 'sam', tagId: 'growth', on: true }, optionsPage],
    ['note on a new contact', { type: 'setNote', contactId: 'kim', note: 'Met at a meetup' }, optionsPage],
    [
      'revisit',
      {
        type: 'recordSeen',
        profile: { ...profile('jane-doe', 'Jane Doe'), headline: 'Author', company: 'Globex' },
        frameToken: FRAME_TOKEN,
      },
      contentScript,
    ],
    ['tag off', { type: 'setTag', contactId: 'jane-doe', tagId: 'work', on: false }, optionsPage],
    [
      'import merge',
      {
        type: 'importKindred',
        text: file([
          { id: 'sam', purposes: ['impact'] },
          { id: 'lee', relationships: ['peer'] },
        ]),
        mode: 'merge',
      },
      optionsPage,
    ],
    [
      'connections',
      {
        type: 'importConnections',
        text: csv([
          'Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,CEO,01 Jan 2024',
          'Bo,Ng,,,Acme,CTO,01 Jan 2024',
        ]),
      },
      optionsPage,
    ],
    [
      'name-only contact found by its profile',
      { type: 'recordSeen', profile: profile('bo-ng', 'Bo Ng'), frameToken: FRAME_TOKEN },
      contentScript,
    ],
    ['bulk tag', { type: 'bulkSetTag', contactIds: ['ann-lee', 'bo-ng', 'kim'], tagId: 'peer', on: true }, optionsPage],
    ['archive a tag', { type: 'updateTag', tagId: 'peer', changes: { archived: true } }, optionsPage],
    ['delete a contact', { type: 'deleteContact', contactId: 'kim' }, optionsPage],
    [
      'import replace',
      {
        type: 'importKindred',
        text: file([{ id: 'sam', purposes: ['work', 'growth'] }, { id: 'ivy' }]),
        mode: 'replace',
      },
      optionsPage,
    ],
    ['delete everything', { type: 'deleteAll' }, optionsPage],
  ];

  it('matches every contact after each kind of write, whether kept up to date or rebuilt', async () => {
    await ensureTagSummary(db);
    for (const [step, message, sender] of steps) {
      const reply = await handleMessage(db, message, sender, SELF, new Date(), tabs);
      expect(reply, step).toMatchObject({ ok: true });
      const { shown, truth } = await balances();
      expect(shown, `${step}, as stored or read from the indexes`).toEqual(truth);
      await ensureTagSummary(db);
      expect(await stored(), `${step}: stored after ensureTagSummary`).toBeDefined();
      const again = await balances();
      expect(again.shown, `${step}, stored`).toEqual(again.truth);
      // The overview's company spread, kept beside the summary, is what counting every contact gives.
      const companies = companySpread(companyCounts((await db.contacts.toArray()).map((c) => c.company)));
      expect(await loadCompanySpread(db), `${step}: company spread`).toEqual(companies);
    }
  });

  it('is updated in place by small writes and dropped by large ones, never left stale', async () => {
    await ensureTagSummary(db);
    await handleMessage(db, steps[0]![1], contentScript, SELF, new Date(), tabs);
    await handleMessage(db, steps[1]![1], optionsPage, SELF, new Date(), tabs);
    expect(await stored()).toEqual({ known: 1, combos: { '["work"]': 1 } });

    const many = Array.from({ length: 300 }, (_, i) => ({ id: `person-${i}`, purposes: ['growth'] }));
    await handleMessage(
      db,
      { type: 'importKindred', text: file(many), mode: 'merge' },
      optionsPage,
      SELF,
      new Date(),
      tabs,
    );
    expect(await stored()).toBeUndefined();
    expect((await loadTagSummary(db)).summary).toEqual({ known: 301, combos: { '["work"]': 1, '["growth"]': 300 } });
    await ensureTagSummary(db);
    expect(await stored()).toEqual({ known: 301, combos: { '["work"]': 1, '["growth"]': 300 } });
  });

  it('keeps the company counts without waking their readers when no one changed employer', async () => {
    await ensureTagSummary(db);
    await handleMessage(db, steps[0]![1], contentScript, SELF, new Date(), tabs);
    const { liveQuery } = await import('dexie');
    const seen: unknown[] = [];
    const subscription = liveQuery(() => db.settings.get('companyCounts')).subscribe((row) => seen.push(row?.value));
    try {
      await expect.poll(() => seen.length).toBe(1);
      expect(seen[0]).toEqual({ flexa: { company: 'Flexa', count: 1 } });
      await handleMessage(db, steps[1]![1], optionsPage, SELF, new Date(), tabs);
      await handleMessage(
        db,
        { type: 'setNote', contactId: 'jane-doe', note: 'Hi' },
        optionsPage,
        SELF,
        new Date(),
        tabs,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toHaveLength(1);
      await handleMessage(db, steps[5]![1], contentScript, SELF, new Date(), tabs); // the revisit: now at Globex
      await expect.poll(() => seen.at(-1)).toEqual({ globex: { company: 'Globex', count: 1 } });
    } finally {
      subscription.unsubscribe();
    }
  });

  it('counts writes made at the same time inside one transaction', async () => {
    await ensureTagSummary(db);
    await db.transaction('rw', db.contacts, () =>
      Promise.all([
        db.contacts.put(newContact('sam', '2026-11-01T10:00:00.000Z', { purposes: ['growth'] })),
        db.contacts.put(newContact('kim', '2026-11-01T10:00:00.000Z', { relationships: ['peer'] })),
        db.contacts.put(newContact('lee', '2026-11-01T10:00:00.000Z')),
      ]),
    );
    expect(await stored()).toEqual({ known: 3, combos: { '["growth"]': 1, '["peer"]': 1, '[]': 1 } });
  });

  it('is dropped, not left wrong, when a write fails and the caller carries on', async () => {
    await db.contacts.put(newContact('jane-doe', '2026-11-01T10:00:00.000Z', { purposes: ['work'] }));
    await ensureTagSummary(db);
    await db.transaction('rw', db.contacts, async () => {
      await db.contacts
        .bulkAdd([newContact('sam', '2026-11-01T10:00:00.000Z'), newContact('jane-doe', '2026-11-01T10:00:00.000Z')])
        .catch(() => undefined);
    });
    expect(await stored()).toBeUndefined();
    const { shown, truth } = await balances();
    expect(shown).toEqual(truth);
  });

  it('is rolled back with a write that fails', async () => {
    await db.contacts.put(newContact('jane-doe', '2026-11-01T10:00:00.000Z', { purposes: ['work'] }));
    await ensureTagSummary(db);
    const before = await stored();
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await db.contacts.put(newContact('sam', '2026-11-01T10:00:00.000Z', { purposes: ['growth'] }));
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(await stored()).toEqual(before);
  });
});
