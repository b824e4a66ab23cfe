import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDB, snapshot } from '../../tests/support/db-helpers';
import { type MessageSender, handleMessage } from './handler';
import { identify } from './access';
import type { KindredDB } from '../storage/db';
import { recordSeen, setNote, setTag } from '../storage/store';
import { type TabProfiles, openTabProfiles } from '../storage/tab-profiles';

/**
 * Who may do what, with senders as the browser fills them in: LinkedIn's page can make the content
 * script or the panel send anything, but it cannot change sender.id, sender.url, sender.tab or
 * sender.frameId.
 */
const OWN_ID = 'kindred-extension-id';
const SELF = { id: OWN_ID, origin: `chrome-extension://${OWN_ID}/` };
const NOW = new Date('2026-11-22T10:00:00.000Z');
const EARLIER = '2026-11-01T10:00:00.000Z';
const person = (id: string, name: string) => ({
  id,
  url: `https://www.linkedin.com/in/${id}/`,
  name,
  headline: '',
  company: '',
  location: '',
});
const JANE = { ...person('jane-doe', 'Jane Doe'), headline: 'Flex specialist' };
const SAM = person('sam-lee', 'Sam Lee');

const contentIn = (tabId: number, path = '/in/jane-doe/', extra: Partial<MessageSender> = {}): MessageSender => ({
  id: OWN_ID,
  url: `https://www.linkedin.com${path}`,
  frameId: 0,
  tab: { id: tabId, incognito: false },
  ...extra,
});
const panelIn = (tabId: number, extra: Partial<MessageSender> = {}): MessageSender => ({
  id: OWN_ID,
  url: 'chrome-extension://5c1d7e2a-per-session/panel.html',
  frameId: 9,
  tab: { id: tabId, incognito: false },
  ...extra,
});
const options: MessageSender = {
  id: OWN_ID,
  url: `chrome-extension://${OWN_ID}/options.html`,
  frameId: 0,
  tab: { id: 30 },
};

/** The token of the panel frame the content script of tab `tabId` made (random in the extension). */
const tokenOf = (tabId: number) => tabId.toString(16).padStart(32, '0');
/** What the content script of tab `tabId` announced: the profile, and its frame's token. */
const showing = (tabId: number, profile: typeof JANE) => ({ profile, frameToken: tokenOf(tabId) });

let db: KindredDB;
let tabs: TabProfiles;
beforeEach(async () => {
  db = freshDB();
  tabs = openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange });
  for (const p of [JANE, SAM]) await recordSeen(db, p, EARLIER);
  await setNote(db, 'sam-lee', 'Secret about Sam', EARLIER);
  await setTag(db, 'sam-lee', 'mentor', true, EARLIER);
  // Tab 1 shows Jane, tab 2 shows Sam, tab 3 is LinkedIn's feed (it announced nothing).
  await tabs.set(1, showing(1, JANE), false);
  await tabs.set(2, showing(2, SAM), false);
});
afterEach(() => db.close());

/**
 * A message as the sender's own code sends it: a LinkedIn tab's content script and the panel framed in
 * it send their tab's frame token (unless the message names one, or `frameToken: undefined` for none).
 */
const handle = (message: unknown, sender: MessageSender) => {
  const inTab = /linkedin\.com|\/panel\.html$/.test(sender.url ?? '') && sender.tab?.id !== undefined;
  const sent =
    inTab && !Object.hasOwn(message as object, 'frameToken')
      ? { ...(message as object), frameToken: tokenOf(sender.tab!.id!) }
      : message;
  return handleMessage(db, sent, sender, SELF, NOW, tabs);
};

async function expectRefused(message: unknown, sender: MessageSender, error: string) {
  const before = await snapshot(db);
  const reply = await handle(message, sender);
  expect(reply.ok).toBe(false);
  expect(!reply.ok && reply.error).toContain(error);
  expect(await snapshot(db)).toEqual(before);
}

describe('recognising the sender', () => {
  it('tells pages, the framed panel and content scripts apart by what the browser fills in', () => {
    expect(identify(options, SELF)).toEqual({ kind: 'page' });
    expect(identify({ id: OWN_ID, url: `chrome-extension://${OWN_ID}/popup.html` }, SELF)).toEqual({ kind: 'page' });
    expect(identify(panelIn(1), SELF)).toEqual({ kind: 'panel', tabId: 1, incognito: false });
    // Firefox MV2 has no dynamic URLs: the panel comes from the extension's own origin.
    expect(identify(panelIn(1, { url: 'moz-extension://6b2f-uuid/panel.html' }), SELF)).toMatchObject({
      kind: 'panel',
    });
    expect(identify(contentIn(1), SELF)).toEqual({ kind: 'content', tabId: 1, incognito: false, top: true });
    expect(identify(contentIn(1, '/feed/', { frameId: 5 }), SELF)).toMatchObject({ kind: 'content', top: false });
  });

  it('trusts nothing else', () => {
    const strangers: MessageSender[] = [
      { ...panelIn(1), id: 'another-extension' },
      { ...contentIn(1), id: undefined },
      // panel.html opened on its own, as a tab's page, or outside any tab: bound to nothing.
      panelIn(1, { frameId: 0 }),
      panelIn(1, { tab: undefined }),
      // A content script sender is always in a tab, on LinkedIn.
      contentIn(1, '/in/jane-doe/', { tab: undefined }),
      { ...contentIn(1), url: 'https://linkedin.com.evil.example/in/jane-doe/' },
      { ...contentIn(1), url: 'not a url' },
      // An extension page of another origin that is not the panel.
      { id: OWN_ID, url: 'chrome-extension://someone-else/options.html' },
    ];
    for (const sender of strangers)
      expect(identify(sender, SELF), JSON.stringify(sender)).toMatchObject({ kind: 'stranger' });
  });
});

describe('the content script in a LinkedIn tab', () => {
  it('announces the profile its tab shows: bound, the visit recorded, nothing about the person sent back', async () => {
    const reply = await handle(
      { type: 'recordSeen', profile: { ...SAM, headline: 'Builder' } },
      contentIn(1, '/in/sam-lee/'),
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect((await tabs.get(1))?.profile).toMatchObject({ id: 'sam-lee', headline: 'Builder' });
    expect(await db.contacts.get('sam-lee')).toMatchObject({
      headline: 'Builder',
      lastSeenAt: NOW.toISOString(),
      note: 'Secret about Sam',
    });
  });

  it('binds a profile not read yet without storing anything under no name', async () => {
    const before = await snapshot(db);
    expect(
      await handle({ type: 'recordSeen', profile: person('new-person', '') }, contentIn(3, '/in/new-person/')),
    ).toEqual({ ok: true, value: null });
    expect((await tabs.get(3))?.profile).toMatchObject({ id: 'new-person', name: '' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('records no visit from a private window, and keeps its binding off the disk', async () => {
    const before = await snapshot(db);
    const incognito = contentIn(4, '/in/sam-lee/', { tab: { id: 4, incognito: true } });
    expect(await handle({ type: 'recordSeen', profile: { ...SAM, headline: 'Changed' } }, incognito)).toEqual({
      ok: true,
      value: null,
    });
    expect(await snapshot(db)).toEqual(before);
    expect((await tabs.get(4))?.profile).toMatchObject({ id: 'sam-lee' });
  });

  it('reads only the profile its tab shows', async () => {
    expect(await handle({ type: 'getContact', contactId: 'jane-doe' }, contentIn(1))).toMatchObject({
      ok: true,
      value: { contact: { name: 'Jane Doe' } },
    });
    await expectRefused(
      { type: 'getContact', contactId: 'sam-lee' },
      contentIn(1),
      'only read about the profile it shows',
    );
    // LinkedIn's feed shows nobody.
    await expectRefused(
      { type: 'getContact', contactId: 'jane-doe' },
      contentIn(3, '/feed/'),
      'only read about the profile it shows',
    );
  });

  it('writes nothing, not even about the profile its tab shows', async () => {
    await expectRefused(
      { type: 'setTag', contactId: 'jane-doe', tagId: 'growth', on: true },
      contentIn(1),
      'may not be sent from a LinkedIn page',
    );
    await expectRefused(
      { type: 'setNote', contactId: 'jane-doe', note: 'x' },
      contentIn(1),
      'may not be sent from a LinkedIn page',
    );
    await expectRefused(
      { type: 'setPanelCollapsed', collapsed: true },
      contentIn(1),
      'may not be sent from a LinkedIn page',
    );
    await expectRefused({ type: 'panelView' }, contentIn(1), 'only for the Kindred panel');
  });

  it('names the frame it made when it says what its tab shows', async () => {
    await expectRefused(
      { type: 'recordSeen', profile: SAM, frameToken: undefined },
      contentIn(1, '/in/sam-lee/'),
      'together with its frame',
    );
    await expectRefused(
      { type: 'recordSeen', profile: SAM, frameToken: 'not-a-token' },
      contentIn(1, '/in/sam-lee/'),
      'frameToken',
    );
    expect((await tabs.get(1))?.profile).toMatchObject({ id: 'jane-doe' });
  });

  it('only the top document says what a tab shows', async () => {
    await expectRefused(
      { type: 'recordSeen', profile: SAM },
      contentIn(1, '/in/sam-lee/', { frameId: 3 }),
      'Only the top page',
    );
    expect((await tabs.get(1))?.profile).toMatchObject({ id: 'jane-doe' });
  });
});

describe('the panel framed in a LinkedIn tab', () => {
  it('learns which profile its tab shows from the background, with what is stored about it', async () => {
    expect(await handle({ type: 'panelView' }, panelIn(2))).toMatchObject({
      ok: true,
      value: { profile: SAM, view: { contact: { id: 'sam-lee', note: 'Secret about Sam' } } },
    });
    expect(await handle({ type: 'panelView' }, panelIn(3))).toEqual({ ok: true, value: { profile: null, view: null } });
  });

  it('reads and writes the profile its tab shows', async () => {
    expect(await handle({ type: 'getContact', contactId: 'sam-lee' }, panelIn(2))).toMatchObject({
      ok: true,
      value: { contact: { note: 'Secret about Sam' } },
    });
    expect(await handle({ type: 'setTag', contactId: 'sam-lee', tagId: 'peer', on: true }, panelIn(2))).toMatchObject({
      ok: true,
      value: { contact: { relationships: ['mentor', 'peer'] } },
    });
    expect(await handle({ type: 'setNote', contactId: 'sam-lee', note: 'New' }, panelIn(2))).toMatchObject({
      ok: true,
      value: { contact: { note: 'New' } },
    });
    expect(await handle({ type: 'setPanelCollapsed', collapsed: true }, panelIn(2))).toEqual({ ok: true, value: null });
  });

  it('never reads or writes another profile, nor anything while its tab shows nobody', async () => {
    const refused = 'now belongs to another profile';
    await expectRefused({ type: 'getContact', contactId: 'sam-lee' }, panelIn(1), refused);
    await expectRefused({ type: 'setTag', contactId: 'sam-lee', tagId: 'peer', on: true }, panelIn(1), refused);
    await expectRefused({ type: 'setNote', contactId: 'sam-lee', note: 'Overwritten' }, panelIn(1), refused);
    await expectRefused({ type: 'recordSeen', profile: { ...SAM, name: 'Renamed' } }, panelIn(1), refused);
    await expectRefused({ type: 'setTag', contactId: 'jane-doe', tagId: 'peer', on: true }, panelIn(3), refused);
    // A write that races an in-page navigation is refused rather than landing on the next person.
    await handle({ type: 'recordSeen', profile: SAM }, contentIn(1, '/in/sam-lee/'));
    await expectRefused({ type: 'setNote', contactId: 'jane-doe', note: 'Late' }, panelIn(1), refused);
  });

  it('confirming what the page showed writes nothing; a typed name is stored with the page’s other fields', async () => {
    const before = await snapshot(db);
    expect(await handle({ type: 'recordSeen', profile: JANE }, panelIn(1))).toMatchObject({
      ok: true,
      value: { contact: { name: 'Jane Doe' } },
    });
    expect(await snapshot(db)).toEqual(before);

    const unread = person('new-layout', '');
    await handle({ type: 'recordSeen', profile: unread }, contentIn(5, '/in/new-layout/'));
    const reply = await handle(
      { type: 'recordSeen', profile: { ...unread, name: 'Noor Haddad', headline: 'Not from the page' } },
      panelIn(5),
    );
    expect(reply).toMatchObject({
      ok: true,
      value: { contact: { id: 'new-layout', name: 'Noor Haddad', headline: '' } },
    });
    expect((await tabs.get(5))?.profile).toMatchObject({ name: 'Noor Haddad' });
  });

  it('serves only the frame its tab’s content script made: a wrong or missing token gets nothing', async () => {
    // A second frame of panel.html in tab 2 (put there by the page, or by another site in Firefox, which
    // lets every site frame it): the browser says "tab 2, a subframe, panel.html", but it has no token.
    const notOurs = 'not the Kindred panel of this tab';
    for (const frameToken of [undefined, tokenOf(1), 'f'.repeat(32)]) {
      await expectRefused({ type: 'panelView', frameToken }, panelIn(2), notOurs);
      await expectRefused({ type: 'getContact', contactId: 'sam-lee', frameToken }, panelIn(2), notOurs);
      await expectRefused(
        { type: 'setTag', contactId: 'sam-lee', tagId: 'peer', on: true, frameToken },
        panelIn(2),
        notOurs,
      );
      await expectRefused(
        { type: 'setNote', contactId: 'sam-lee', note: 'Overwritten', frameToken },
        panelIn(2),
        notOurs,
      );
      await expectRefused({ type: 'setPanelCollapsed', collapsed: true, frameToken }, panelIn(2), notOurs);
      await expectRefused({ type: 'recordSeen', profile: SAM, frameToken }, panelIn(2), notOurs);
    }
    // A malformed token is not even a message.
    await expectRefused({ type: 'panelView', frameToken: 'guess' }, panelIn(2), 'frameToken');
    // The frame the content script made, with its token, is served.
    expect(await handle({ type: 'panelView' }, panelIn(2))).toMatchObject({ ok: true, value: { profile: SAM } });

    // A new frame (a new page view) has a new token: the old frame's token no longer counts.
    const fresh = 'a'.repeat(32);
    await handle({ type: 'recordSeen', profile: SAM, frameToken: fresh }, contentIn(2, '/in/sam-lee/'));
    await expectRefused({ type: 'getContact', contactId: 'sam-lee' }, panelIn(2), notOurs);
    expect(await handle({ type: 'panelView', frameToken: fresh }, panelIn(2))).toMatchObject({
      ok: true,
      value: { profile: SAM, view: { contact: { id: 'sam-lee' } } },
    });
  });

  it('keeps its token when the person types the name the page did not show', async () => {
    const unread = person('new-layout', '');
    await handle({ type: 'recordSeen', profile: unread }, contentIn(5, '/in/new-layout/'));
    await handle({ type: 'recordSeen', profile: { ...unread, name: 'Noor Haddad' } }, panelIn(5));
    expect(await tabs.get(5)).toEqual({ profile: { ...unread, name: 'Noor Haddad' }, frameToken: tokenOf(5) });
    expect(await handle({ type: 'getContact', contactId: 'new-layout' }, panelIn(5))).toMatchObject({ ok: true });
  });

  it('may not send what only Kindred’s own pages may', async () => {
    await expectRefused({ type: 'deleteAll' }, panelIn(1), 'own pages');
    await expectRefused(
      { type: 'bulkSetTag', contactIds: ['sam-lee'], tagId: 'peer', on: true },
      panelIn(1),
      'own pages',
    );
  });
});

describe('Kindred’s own pages', () => {
  it('read and write every contact, but have no tab profile to ask for', async () => {
    expect(await handle({ type: 'setNote', contactId: 'sam-lee', note: 'From options' }, options)).toMatchObject({
      ok: true,
    });
    expect(await handle({ type: 'getContact', contactId: 'jane-doe' }, options)).toMatchObject({ ok: true });
    await expectRefused({ type: 'panelView' }, options, 'only for the Kindred panel');
  });
});

describe('corrections, namesakes and layout health', () => {
  it('lets the bound panel correct only the profile its tab shows; never the content script', async () => {
    expect(
      await handle({ type: 'correctField', contactId: 'jane-doe', field: 'company', value: 'Flexa' }, panelIn(1)),
    ).toMatchObject({ ok: true, value: { contact: { company: 'Flexa', pageValues: { company: '' } } } });
    const before = await snapshot(db);
    expect(
      await handle({ type: 'correctField', contactId: 'sam-lee', field: 'name', value: 'Mallory' }, panelIn(1)),
    ).toMatchObject({ ok: false });
    expect(
      await handle({ type: 'correctField', contactId: 'jane-doe', field: 'name', value: 'Mallory' }, contentIn(1)),
    ).toMatchObject({ ok: false, error: '"correctField" may not be sent from a LinkedIn page.' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('lets the bound panel merge a name-only contact only into its own profile', async () => {
    await setTag(db, 'name:sam lee', 'growth', true, EARLIER);
    const answer = { type: 'answerNamesake', contactId: 'sam-lee', namesakeId: 'name:sam lee', same: true };
    expect(await handle(answer, panelIn(1))).toMatchObject({ ok: false });
    expect(await handle(answer, contentIn(2, '/in/sam-lee/'))).toMatchObject({ ok: false });
    expect(await db.contacts.get('name:sam lee')).toBeDefined();
    expect(await handle(answer, panelIn(2))).toMatchObject({ ok: true, value: { contact: { purposes: ['growth'] } } });
    expect(await db.contacts.get('name:sam lee')).toBeUndefined();
  });

  it('lets the bound panel merge another contact of the same member only into its own profile', async () => {
    const memberId = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
    await recordSeen(db, { ...person('jane-old', 'Jane Doe'), memberId }, EARLIER);
    await setTag(db, 'jane-old', 'growth', true, EARLIER);
    await recordSeen(db, { ...JANE, memberId }, EARLIER);
    const merge = { type: 'mergeSamePerson', contactId: 'jane-doe', otherId: 'jane-old' };
    await expectRefused(merge, panelIn(2), 'belongs to another profile');
    await expectRefused(merge, contentIn(1), 'may not be sent from a LinkedIn page');
    // Sam's panel cannot take Jane's old contact: not the same member.
    await expectRefused({ ...merge, contactId: 'sam-lee' }, panelIn(2), 'not offered for merging');
    expect(await handle(merge, panelIn(1))).toMatchObject({
      ok: true,
      value: { contact: { id: 'jane-doe', purposes: ['growth'] }, samePersonChange: { kind: 'merged' } },
    });
    expect(await db.contacts.get('jane-old')).toBeUndefined();
  });

  it('counts what the tab’s own page could not read, never in a private window or from the panel', async () => {
    const seen = (missing: string[]) => ({ type: 'recordSeen', profile: JANE, missing });
    expect(await handle(seen(['company']), contentIn(1))).toMatchObject({ ok: true });
    await handle(seen(['company']), contentIn(4, '/in/jane-doe/', { tab: { id: 4, incognito: true } }));
    await handle(seen(['headline']), panelIn(1));
    expect((await db.settings.get('layoutHealth'))?.value).toEqual([{ id: 'jane-doe', missing: ['company'] }]);
    expect(await handle(seen(['name']), contentIn(1))).toMatchObject({ ok: false });
  });
});

describe('the content script on a list of people', () => {
  const list = contentIn(5, '/search/results/people/?keywords=founder');

  it('reads the tags of the people its list shows: labels and colours of the tagged ones, nothing else', async () => {
    await setTag(db, 'sam-lee', 'growth', true, EARLIER);
    const before = await snapshot(db);
    const reply = await handle({ type: 'listTags', ids: ['jane-doe', 'sam-lee', 'nobody-known'] }, list);
    // Sam's purpose before his relationship, as the panel orders them; Jane is known but untagged.
    expect(reply).toEqual({
      ok: true,
      value: {
        'sam-lee': [
          { label: 'Career resilience', color: '#2f855a' },
          { label: 'Mentor', color: '#276749' },
        ],
      },
    });
    // No name, note or date of Sam's leaves the background, and nothing is written.
    expect(JSON.stringify(reply)).not.toMatch(/Secret|Sam Lee|2026/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('needs no profile binding, and leaves the tab’s binding as it was', async () => {
    expect(await handle({ type: 'listTags', ids: ['sam-lee'] }, contentIn(3, '/mynetwork/'))).toMatchObject({
      ok: true,
      value: { 'sam-lee': [{ label: 'Mentor' }] },
    });
    expect(await tabs.get(3)).toBeUndefined();
  });

  it('is asked only by the top document’s content script, about at most 100 valid profile ids at once', async () => {
    await expectRefused({ type: 'listTags', ids: ['sam-lee'] }, { ...list, frameId: 4 }, 'Only the top page');
    await expectRefused({ type: 'listTags', ids: ['sam-lee'] }, panelIn(2), 'only for the content script');
    await expectRefused({ type: 'listTags', ids: [] }, list, 'at least one person');
    const many = Array.from({ length: 101 }, (_, i) => `person-${i}`);
    await expectRefused({ type: 'listTags', ids: many }, list, 'Invalid message');
    await expectRefused({ type: 'listTags', ids: ['a/b'] }, list, 'profile id');
    await expectRefused({ type: 'listTags', ids: ['sam-lee'], extra: 1 }, list, 'Invalid message');
  });
});
