import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openTabProfiles } from './tab-profiles';

const jane = {
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: '',
  company: '',
  location: '',
};
const sam = { ...jane, id: 'sam', url: 'https://www.linkedin.com/in/sam/', name: 'Sam' };
const TOKEN = '0123456789abcdef0123456789abcdef';
/** A tab's binding: the profile it shows, with its panel frame's token. */
const showing = (profile: typeof jane) => ({ profile, frameToken: TOKEN });

describe('which profile each tab shows', () => {
  it('survives a restart of the background for ordinary tabs, not for private ones', async () => {
    const indexedDB = new IDBFactory();
    const before = openTabProfiles({ indexedDB, IDBKeyRange });
    await before.set(1, showing(jane), false);
    await before.set(2, showing(sam), true);
    expect((await before.get(2))?.profile).toEqual(sam);
    // A new worker: the same database, fresh memory.
    const after = openTabProfiles({ indexedDB, IDBKeyRange });
    expect((await after.get(1))?.profile).toEqual(jane);
    expect(await after.get(2)).toBeUndefined();
  });

  it('replaces, forgets and clears', async () => {
    const tabs = openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange });
    await tabs.set(1, showing(jane), false);
    await tabs.set(1, showing(sam), false);
    expect((await tabs.get(1))?.profile).toEqual(sam);
    await tabs.forget(1);
    expect(await tabs.get(1)).toBeUndefined();
    await tabs.set(3, showing(jane), false);
    await tabs.clear();
    expect(await tabs.get(3)).toBeUndefined();
  });

  it('keeps the frame token with the profile', async () => {
    const tabs = openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange });
    await tabs.set(1, showing(jane), false);
    await tabs.set(2, showing(sam), true);
    expect(await tabs.get(1)).toEqual({ profile: jane, frameToken: TOKEN });
    expect(await tabs.get(2)).toEqual({ profile: sam, frameToken: TOKEN });
  });

  it('lists every bound tab, ordinary and private, each once', async () => {
    const tabs = openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange });
    await tabs.set(1, showing(jane), false);
    await tabs.set(2, showing(sam), true);
    // A tab moved into a private window: only its private binding counts.
    await tabs.set(3, showing(jane), false);
    await tabs.set(3, showing(sam), true);
    const all = (await tabs.all()).sort((a, b) => a.tabId - b.tabId);
    expect(all).toEqual([
      { tabId: 1, ...showing(jane) },
      { tabId: 2, ...showing(sam) },
      { tabId: 3, ...showing(sam) },
    ]);
    await tabs.forget(1);
    expect((await tabs.all()).map(({ tabId }) => tabId).sort()).toEqual([2, 3]);
  });
});
