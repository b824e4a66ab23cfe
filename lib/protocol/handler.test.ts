import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB, snapshot } from '../../tests/support/db-helpers';
import { type MessageSender, handleMessage } from './handler';
import type { KindredDB } from '../storage/db';
import { recordSeen, setTag } from '../storage/store';
import { type TabProfiles, openTabProfiles } from '../storage/tab-profiles';

const OWN_ID = 'kindred-extension-id';
const SELF = { id: OWN_ID, origin: `chrome-extension://${OWN_ID}/` };
/** The content script, in the top document of LinkedIn tab 7 (which shows Jane). */
const own = { id: OWN_ID, url: 'https://www.linkedin.com/in/jane-doe/', frameId: 0, tab: { id: 7, incognito: false } };
/** The panel framed in tab 7. Chrome loads it from a per-session origin (use_dynamic_url). */
const panel = {
  id: OWN_ID,
  url: 'chrome-extension://0f3c9a1e-dynamic/panel.html',
  frameId: 4,
  tab: { id: 7, incognito: false },
};
/** The options page. */
const page = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/options.html` };
const NOW = new Date('2026-11-22T10:00:00.000Z');
/** The token of the panel frame the content script put into tab 7 (random in the extension). */
const TOKEN = '7e3b9c1d5a2f4e6b8c0d1e2f3a4b5c6d';
const profile = {
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: 'Flex specialist',
  company: '',
  location: '',
};

let db: KindredDB;
let tabs: TabProfiles;
beforeEach(async () => {
  db = freshDB();
  tabs = openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange });
  await recordSeen(db, profile, '2026-11-01T10:00:00.000Z');
  await setTag(db, 'jane-doe', 'mentor', true, '2026-11-01T10:00:00.000Z');
  await tabs.set(7, { profile, frameToken: TOKEN }, false);
});
afterEach(() => db.close());

/**
 * A message as the sender's code sends it: tab 7's content script and panel send the frame token (a
 * message that names one, even `undefined`, is sent as it is).
 */
const handle = (message: unknown, sender: MessageSender = panel) => {
  const fromTab = sender === panel || sender === own;
  const plain = typeof message === 'object' && message !== null && !Array.isArray(message);
  const sent = fromTab && plain && !Object.hasOwn(message, 'frameToken') ? { ...message, frameToken: TOKEN } : message;
  return handleMessage(db, sent, sender, SELF, NOW, tabs);
};

describe('valid messages', () => {
  it('records a seen profile and answers the contact view', async () => {
    // The content script announces what its tab shows; the panel in that tab reads it.
    expect(await handle({ type: 'recordSeen', profile: { ...profile, headline: 'Author' } }, own)).toEqual({
      ok: true,
      value: null,
    });
    const reply = await handle({ type: 'recordSeen', profile: { ...profile, headline: 'Author' } });
    expect(reply).toMatchObject({ ok: true, value: { contact: { headline: 'Author', relationships: ['mentor'] } } });
  });

  it('stores the member id the page showed with the contact', async () => {
    const memberId = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
    expect(await handle({ type: 'recordSeen', profile: { ...profile, memberId } }, own)).toEqual({
      ok: true,
      value: null,
    });
    expect(await db.contacts.get('jane-doe')).toMatchObject({ memberId });
  });

  it('sets a tag, a note and the panel state', async () => {
    expect(await handle({ type: 'setTag', contactId: 'jane-doe', tagId: 'growth', on: true })).toMatchObject({
      ok: true,
      value: { contact: { purposes: ['growth'] } },
    });
    expect(await handle({ type: 'setNote', contactId: 'jane-doe', note: 'hi' })).toMatchObject({
      ok: true,
      value: { contact: { note: 'hi' } },
    });
    expect(await handle({ type: 'setPanelCollapsed', collapsed: true })).toEqual({ ok: true, value: null });
    expect(await handle({ type: 'getContact', contactId: 'jane-doe' })).toMatchObject({
      ok: true,
      value: { panelCollapsed: true, contact: { note: 'hi' } },
    });
  });
});

describe('messages from Kindred’s own pages', () => {
  it('imports a Kindred file and records an export', async () => {
    const text = JSON.stringify({ format: 'kindred', version: 1, contacts: [{ id: 'sam', purposes: ['impact'] }] });
    const reply = await handle({ type: 'importKindred', text, mode: 'merge' }, page);
    expect(reply).toMatchObject({ ok: true, value: { added: 1, updated: 0 } });
    expect(await handle({ type: 'recordExport' }, page)).toEqual({ ok: true, value: null });
    expect((await db.settings.get('lastExportAt'))?.value).toBe(NOW.toISOString());
  });
});

describe('rejected messages change nothing', () => {
  const long = (n: number) => 'x'.repeat(n);
  const cases: Array<[string, unknown, string, MessageSender?]> = [
    [
      'another extension',
      { type: 'getContact', contactId: 'jane-doe' },
      'only accepts messages from its own pages',
      { id: 'evil' },
    ],
    ['no sender id', { type: 'setTag', contactId: 'jane-doe', tagId: 'growth', on: true }, 'only accepts', {}],
    ['not an object', 'set-tag', 'Invalid message'],
    ['null', null, 'Invalid message'],
    ['unknown type', { type: 'drop-database' }, 'unknown message type'],
    ['missing type', { contactId: 'jane-doe' }, 'Invalid message'],
    ['unknown tag', { type: 'setTag', contactId: 'jane-doe', tagId: 'nemesis', on: true }, 'Unknown tag "nemesis"'],
    [
      'tag id with odd characters',
      { type: 'setTag', contactId: 'jane-doe', tagId: '<b>', on: true },
      'tagId: must be a tag id',
    ],
    ['on is a string', { type: 'setTag', contactId: 'jane-doe', tagId: 'growth', on: 'yes' }, 'on:'],
    [
      'bad contact id',
      { type: 'setTag', contactId: '../jane', tagId: 'growth', on: true },
      'contactId: must be a contact id',
    ],
    ['empty contact id', { type: 'setNote', contactId: '', note: 'x' }, 'contactId'],
    [
      'oversize note',
      { type: 'setNote', contactId: 'jane-doe', note: long(10_001) },
      'note: must be at most 10000 characters',
    ],
    ['note is a number', { type: 'setNote', contactId: 'jane-doe', note: 42 }, 'note:'],
    ['extra field', { type: 'setNote', contactId: 'jane-doe', note: 'x', contact: {} }, 'Invalid message'],
    [
      '__proto__ key',
      JSON.parse('{"type":"setNote","contactId":"jane-doe","note":"x","__proto__":{"polluted":1}}'),
      'Invalid message',
    ],
    [
      'oversize name',
      { type: 'recordSeen', profile: { ...profile, name: long(201) } },
      'profile.name: must be at most 200',
    ],
    [
      'url of another person',
      { type: 'recordSeen', profile: { ...profile, url: 'https://www.linkedin.com/in/sam/', name: 'Evil' } },
      'url must be the LinkedIn profile of id',
    ],
    [
      'url not on LinkedIn',
      { type: 'recordSeen', profile: { ...profile, url: 'https://evil.example/in/jane-doe/' } },
      'url must be',
    ],
    ['profile missing fields', { type: 'recordSeen', profile: { id: 'jane-doe' } }, 'profile.url'],
    [
      'member id that is not one',
      { type: 'recordSeen', profile: { ...profile, memberId: 'jane-doe' } },
      'profile.memberId: must be a LinkedIn member id',
    ],
    ['collapsed not boolean', { type: 'setPanelCollapsed', collapsed: 1 }, 'collapsed:'],
    // A frame of panel.html that the tab's content script did not make (no token, or a guessed one).
    ['panel without the frame token', { type: 'panelView', frameToken: undefined }, 'not the Kindred panel'],
    [
      'panel with a wrong frame token',
      { type: 'setTag', contactId: 'jane-doe', tagId: 'growth', on: true, frameToken: 'e'.repeat(32) },
      'not the Kindred panel',
    ],
    [
      'panel note without the frame token',
      { type: 'setNote', contactId: 'jane-doe', note: 'x', frameToken: undefined },
      'not the Kindred panel',
    ],
    ['malformed frame token', { type: 'getContact', contactId: 'jane-doe', frameToken: 'ABC' }, 'frameToken:'],
    [
      'announcement without the frame token',
      { type: 'recordSeen', profile, frameToken: undefined },
      'together with its frame',
      own,
    ],
    [
      'import from a content script',
      { type: 'importKindred', text: '{}', mode: 'replace' },
      'may only be sent from Kindred’s own pages',
      own,
    ],
    ['record-export from a content script', { type: 'recordExport' }, 'may only be sent from Kindred’s own pages', own],
    [
      'page message from another origin',
      { type: 'recordExport' },
      'own pages',
      { id: OWN_ID, url: 'https://evil.example/' },
    ],
    [
      'import with unknown mode',
      { type: 'importKindred', text: '{}', mode: 'wipe' },
      'mode: must be "merge" or "replace"',
      page,
    ],
    [
      'import of a broken file',
      { type: 'importKindred', text: '{"format":"kindred",', mode: 'replace' },
      'not valid JSON',
      page,
    ],
    [
      'import with unknown tag',
      {
        type: 'importKindred',
        text: JSON.stringify({ format: 'kindred', version: 1, contacts: [{ id: 'x', purposes: ['nope'] }] }),
        mode: 'replace',
      },
      'contacts[0].purposes[0]: unknown tag id "nope"',
      page,
    ],
    ['array instead of object', [{ type: 'setNote' }], 'Invalid message'],
    ['type of wrong type', { type: 42 }, 'unknown message type'],
    [
      'bulk tag from a content script',
      { type: 'bulkSetTag', contactIds: ['jane-doe'], tagId: 'peer', on: true },
      'own pages',
      own,
    ],
    [
      'bulk tag with no contacts',
      { type: 'bulkSetTag', contactIds: [], tagId: 'peer', on: true },
      'contactIds: must name at least one contact',
      page,
    ],
    [
      'bulk tag of an unknown contact',
      { type: 'bulkSetTag', contactIds: ['jane-doe', 'ghost'], tagId: 'peer', on: true },
      'Unknown contact "ghost"',
      page,
    ],
    ['delete-all from a content script', { type: 'deleteAll' }, 'own pages', own],
    ['delete-contact from a content script', { type: 'deleteContact', contactId: 'jane-doe' }, 'own pages', own],
    [
      'tag colour with CSS',
      { type: 'addTag', dimension: 'purpose', label: 'X', description: '', color: 'red;x:url(a)' },
      'color: must be a colour',
      page,
    ],
    [
      'empty tag label',
      { type: 'updateTag', tagId: 'mentor', changes: { label: '  ' } },
      'changes.label: must not be empty',
      page,
    ],
    [
      'tag change of an unknown field',
      { type: 'updateTag', tagId: 'mentor', changes: { id: 'boss' } },
      'changes.id: unexpected field',
      page,
    ],
    [
      'reorder with a missing tag',
      { type: 'reorderTags', dimension: 'purpose', ids: ['work'] },
      'every purpose tag exactly once',
      page,
    ],
    [
      'connections file that is JSON',
      { type: 'importConnections', text: '{"format":"kindred"}' },
      'looks like a JSON file',
      page,
    ],
  ];

  it.each(cases)('%s', async (_, message, error, sender) => {
    const before = await snapshot(db);
    const reply = await handle(message, sender ?? panel);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain(error);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('a request sent again (its answer was lost) is applied once', () => {
  const REQUEST = '0b7c3f4e-2a1d-4c5b-9e8f-7a6b5c4d3e2f';
  const newTag = { type: 'addTag', dimension: 'purpose', label: 'Book club', description: '', color: '#336699' };

  it('adds one tag for an addTag retried with the same id, and answers the first answer again', async () => {
    const first = await handle({ ...newTag, requestId: REQUEST }, page);
    const again = await handle({ ...newTag, requestId: REQUEST }, page);
    expect(first).toMatchObject({ ok: true, value: { id: 'book-club' } });
    expect(again).toEqual(first);
    expect((await db.taxonomy.toArray()).filter((tag) => tag.label === 'Book club')).toHaveLength(1);
    // A new request (another click) is another tag.
    await handle({ ...newTag, requestId: '1b7c3f4e-2a1d-4c5b-9e8f-7a6b5c4d3e2f' }, page);
    expect((await db.taxonomy.toArray()).filter((tag) => tag.label === 'Book club')).toHaveLength(2);
  });

  it('does not apply an older tag change again over a newer one, and answers the contact as it is', async () => {
    const off = { type: 'setTag', contactId: 'jane-doe', tagId: 'mentor', on: false, requestId: REQUEST };
    await handle(off);
    expect(
      await handle({
        type: 'setTag',
        contactId: 'jane-doe',
        tagId: 'mentor',
        on: true,
        requestId: crypto.randomUUID(),
      }),
    ).toMatchObject({ ok: true });
    const again = await handle(off);
    expect(again).toMatchObject({ ok: true, value: { contact: { relationships: ['mentor'] } } });
    expect((await db.contacts.get('jane-doe'))?.relationships).toEqual(['mentor']);
  });

  it('remembers the id in the same transaction as the change: a failed change is not remembered', async () => {
    const unknown = { type: 'setTag', contactId: 'jane-doe', tagId: 'nope', on: true, requestId: REQUEST };
    expect(await handle(unknown)).toMatchObject({ ok: false });
    expect(await db.settings.get(`request:${REQUEST}`)).toBeUndefined();
    await handle({ ...newTag, requestId: REQUEST }, page);
    expect(await db.settings.get(`request:${REQUEST}`)).toMatchObject({ value: { at: NOW.toISOString() } });
  });

  it('forgets ids older than any retry', async () => {
    await db.settings.put({ key: 'request:old', value: { at: '2026-11-22T09:00:00.000Z' } });
    await handle({ ...newTag, requestId: REQUEST }, page);
    expect(await db.settings.get('request:old')).toBeUndefined();
  });

  it('refuses a malformed request id', async () => {
    const before = await snapshot(db);
    expect(await handle({ ...newTag, requestId: 'x' }, page)).toMatchObject({ ok: false });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('a tab on an old URL of a person kept under their new one (formerIds)', () => {
  const memberId = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
  beforeEach(async () => {
    // Jane is kept under her new URL now; tab 7 shows her old one (jane-doe), with no member id.
    await recordSeen(db, { ...profile, memberId }, '2026-11-01T10:00:00.000Z');
    await recordSeen(
      db,
      { ...profile, id: 'jane-flexa', url: 'https://www.linkedin.com/in/jane-flexa/', memberId },
      '2026-11-02T10:00:00.000Z',
    );
  });

  it('shows the person and applies the panel’s changes to her, never to a second contact', async () => {
    expect(await handle({ type: 'recordSeen', profile }, own)).toEqual({ ok: true, value: null });
    expect(await handle({ type: 'panelView' })).toMatchObject({
      ok: true,
      value: { profile: { id: 'jane-doe' }, view: { contact: { id: 'jane-flexa' }, knownAs: 'jane-flexa' } },
    });
    expect(await handle({ type: 'setTag', contactId: 'jane-doe', tagId: 'growth', on: true })).toMatchObject({
      ok: true,
      value: { contact: { id: 'jane-flexa', purposes: ['growth'], relationships: ['mentor'] } },
    });
    expect(await handle({ type: 'setNote', contactId: 'jane-doe', note: 'Old link' })).toMatchObject({ ok: true });
    expect((await db.contacts.toArray()).map((c) => [c.id, c.note])).toEqual([['jane-flexa', 'Old link']]);
    // The rights stay those of the tab's own URL.
    expect(await handle({ type: 'setTag', contactId: 'jane-flexa', tagId: 'growth', on: false })).toMatchObject({
      ok: false,
    });
  });

  it('is someone else when the page shows another member id: a new contact of its own', async () => {
    const other = { ...profile, name: 'John Roe', memberId: 'ACoAAC9xYz1AbCdEfGhIjKlMnOpQrStUvWxYz0A' };
    expect(await handle({ type: 'recordSeen', profile: other }, own)).toEqual({ ok: true, value: null });
    expect(await handle({ type: 'setTag', contactId: 'jane-doe', tagId: 'growth', on: true })).toMatchObject({
      ok: true,
      value: { contact: { id: 'jane-doe', name: 'John Roe', purposes: ['growth'] } },
    });
    expect(await db.contacts.get('jane-flexa')).toMatchObject({ purposes: [], relationships: ['mentor'] });
  });
});

// Hostile inputs (helper "hostile").
describe('an importConnections message has the limits of an import over the port', () => {
  const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
  it('refuses more than 35,000 rows and more than 20 MB, changing nothing', async () => {
    const before = await snapshot(db);
    const rows = Array.from({ length: 35_001 }, (_, i) => `P,${i},https://www.linkedin.com/in/p-${i},,,,09 Oct 2024\n`);
    expect(await handle({ type: 'importConnections', text: header + rows.join('') }, page)).toEqual({
      ok: false,
      error:
        'This file has 35001 connections; Kindred imports at most 35000 (LinkedIn allows 30,000). Nothing was changed.',
    });
    const large = header + 'P,Q,,,,,09 Oct 2024,' + 'x'.repeat(20 * 1024 * 1024);
    expect(await handle({ type: 'importConnections', text: large }, page)).toEqual({
      ok: false,
      error: 'Invalid message: text: file is too large for a Connections.csv (at most 20 MB)',
    });
    expect(await snapshot(db)).toEqual(before);
  }, 60_000);
});

it('names the request id when it is not text', async () => {
  const before = await snapshot(db);
  expect(await handle({ type: 'deleteAll', requestId: 5 }, page)).toEqual({
    ok: false,
    error: 'Invalid message: requestId must be a UUID',
  });
  expect(await snapshot(db)).toEqual(before);
});
