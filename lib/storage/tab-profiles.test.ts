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

describe('which profile each tab shows', () => {
  it('survives a restart of the background for ordinary tabs, not for private ones', async () => {
    const indexedDB = new IDBFactory();
    const before = openTabProfiles({ indexedDB, IDBKeyRange });
    await before.set(1, jane, false);
    await before.set(2, sam, true);
    expect(await before.get(2)).toEqual(sam);
    // A new worker: the same database, fresh memory.
    const after = openTabProfiles({ indexedDB, IDBKeyRange });
    expect(await after.get(1)).toEqual(jane);
    expect(await after.get(2)).toBeUndefined();
  });

  it('replaces, forgets and clears', async () => {
    const tabs = openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange });
    await tabs.set(1, jane, false);
    await tabs.set(1, sam, false);
    expect(await tabs.get(1)).toEqual(sam);
    await tabs.forget(1);
    expect(await tabs.get(1)).toBeUndefined();
    await tabs.set(3, jane, false);
    await tabs.clear();
    expect(await tabs.get(3)).toBeUndefined();
  });
});
