import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB, snapshot } from '../tests/unit/db-helpers';
import { handleContentToBackground } from './background-handler';
import type { KindredDB } from './db';
import { recordSeen, setTag } from './store';

const OWN_ID = 'kindred-extension-id';
const own = { id: OWN_ID };
const NOW = new Date('2026-11-22T10:00:00.000Z');
const profile = {
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: 'Flex specialist',
  company: '',
  location: '',
};

let db: KindredDB;
beforeEach(async () => {
  db = freshDB();
  await recordSeen(db, profile, '2026-11-01T10:00:00.000Z');
  await setTag(db, 'jane-doe', 'mentor', true, '2026-11-01T10:00:00.000Z');
});
afterEach(() => db.close());

const handle = (message: unknown, sender: { id?: string } = own) =>
  handleContentToBackground(db, message, sender, OWN_ID, NOW);

describe('valid messages', () => {
  it('records a seen profile and answers the contact view', async () => {
    const reply = await handle({ type: 'seen-profile', profile: { ...profile, headline: 'Author' } });
    expect(reply).toMatchObject({ ok: true, value: { contact: { headline: 'Author', relationships: ['mentor'] } } });
  });

  it('sets a tag, a note and the panel state', async () => {
    expect(await handle({ type: 'set-tag', contactId: 'jane-doe', tagId: 'growth', on: true })).toMatchObject({
      ok: true,
      value: { contact: { purposes: ['growth'] } },
    });
    expect(await handle({ type: 'set-note', contactId: 'jane-doe', note: 'hi' })).toMatchObject({
      ok: true,
      value: { contact: { note: 'hi' } },
    });
    expect(await handle({ type: 'set-panel-collapsed', collapsed: true })).toEqual({ ok: true, value: null });
    expect(await handle({ type: 'get-contact', contactId: 'jane-doe' })).toMatchObject({
      ok: true,
      value: { panelCollapsed: true, contact: { note: 'hi' } },
    });
  });
});

describe('rejected messages change nothing', () => {
  const long = (n: number) => 'x'.repeat(n);
  const cases: Array<[string, unknown, string, { id?: string }?]> = [
    ['another extension', { type: 'get-contact', contactId: 'jane-doe' }, 'only accepts messages from its own pages', { id: 'evil' }],
    ['no sender id', { type: 'set-tag', contactId: 'jane-doe', tagId: 'growth', on: true }, 'only accepts', {}],
    ['not an object', 'set-tag', 'Invalid message'],
    ['null', null, 'Invalid message'],
    ['unknown type', { type: 'drop-database' }, 'unknown message type'],
    ['missing type', { contactId: 'jane-doe' }, 'Invalid message'],
    ['unknown tag', { type: 'set-tag', contactId: 'jane-doe', tagId: 'nemesis', on: true }, 'Unknown tag "nemesis"'],
    ['tag id with odd characters', { type: 'set-tag', contactId: 'jane-doe', tagId: '<b>', on: true }, 'tagId: must be a tag id'],
    ['on is a string', { type: 'set-tag', contactId: 'jane-doe', tagId: 'growth', on: 'yes' }, 'on:'],
    ['bad contact id', { type: 'set-tag', contactId: '../jane', tagId: 'growth', on: true }, 'contactId: must be a LinkedIn profile id'],
    ['empty contact id', { type: 'set-note', contactId: '', note: 'x' }, 'contactId'],
    ['oversize note', { type: 'set-note', contactId: 'jane-doe', note: long(10_001) }, 'note: must be at most 10000 characters'],
    ['note is a number', { type: 'set-note', contactId: 'jane-doe', note: 42 }, 'note:'],
    ['extra field', { type: 'set-note', contactId: 'jane-doe', note: 'x', contact: {} }, 'Invalid message'],
    ['__proto__ key', JSON.parse('{"type":"set-note","contactId":"jane-doe","note":"x","__proto__":{"polluted":1}}'), 'Invalid message'],
    ['oversize name', { type: 'seen-profile', profile: { ...profile, name: long(201) } }, 'profile.name: must be at most 200'],
    ['url of another person', { type: 'seen-profile', profile: { ...profile, url: 'https://www.linkedin.com/in/sam/', name: 'Evil' } }, 'url must be the LinkedIn profile of id'],
    ['url not on LinkedIn', { type: 'seen-profile', profile: { ...profile, url: 'https://evil.example/in/jane-doe/' } }, 'url must be'],
    ['profile missing fields', { type: 'seen-profile', profile: { id: 'jane-doe' } }, 'profile.url'],
    ['collapsed not boolean', { type: 'set-panel-collapsed', collapsed: 1 }, 'collapsed:'],
  ];

  it.each(cases)('%s', async (_, message, error, sender) => {
    const before = await snapshot(db);
    const reply = await handle(message, sender ?? own);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain(error);
    expect(await snapshot(db)).toEqual(before);
  });
});
