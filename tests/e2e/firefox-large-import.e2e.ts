import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchKindredInFirefox } from '../support/firefox';
import { byRole, chooseFile, openOptionsInFirefox, waitForText } from '../support/firefox-options';
import { TMP, newUserDataDir, removeUserDataDir } from '../support/harness';
import { type Person, person, profilePage } from '../support/pages';

/**
 * In real Firefox (ESR, the MV2 build): a 70 MB Kindred file (50,000 contacts with long notes) imports
 * through the options page, streamed in pieces to the background, with a progress bar that moves and
 * finishes (the Chromium tests of 70 and 100 MB: ./large-imports.e2e.ts).
 */
const CONTACTS = 50_000;
const BYTES = 70 * 1000 * 1000;
const VISITED: Person = person(1);
const pages = (url: URL) => (url.pathname.startsWith(`/in/${VISITED.id}`) ? profilePage(VISITED) : undefined);
const dir = join(TMP, `firefox-large-${process.pid}`);
const file = join(dir, 'kindred-70mb.json');
const userDataDir = newUserDataDir();

function writeKindredFile(path: string): void {
  const filler = 'Met at the conference; talked about hiring, mentoring and the book club. '.repeat(40);
  const noteLength = Math.floor(BYTES / CONTACTS) - 260;
  const parts = ['{"format":"kindred","version":2,"exportedAt":"2026-11-01T10:00:00.000Z","contacts":['];
  for (let i = 0; i < CONTACTS; i++) {
    const contact = {
      id: `person-${i + 100}`,
      name: `Person ${i}`,
      headline: 'Product manager at Flexa',
      company: 'Flexa',
      location: 'Amsterdam',
      purposes: i % 2 ? ['work'] : [],
      relationships: i % 3 ? [] : ['peer'],
      note: `firefox ${i}: ${filler}`.slice(0, noteLength),
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-06-01T00:00:00.000Z',
    };
    parts.push(`${i ? ',' : ''}${JSON.stringify(contact)}`);
  }
  parts.push(']}');
  writeFileSync(path, parts.join(''));
}

/** How many contacts are stored, and one contact's note, read with IndexedDB itself. */
function stored(page: Page, id: string) {
  return page.evaluate(
    (contactId) =>
      new Promise<{ count: number; note: string | undefined }>((resolve, reject) => {
        const open = indexedDB.open('kindred');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('contacts');
          const count = tx.objectStore('contacts').count();
          const one = tx.objectStore('contacts').get(contactId);
          tx.oncomplete = () => {
            open.result.close();
            resolve({ count: count.result, note: (one.result as { note?: string } | undefined)?.note });
          };
        };
      }),
    id,
  );
}

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  writeKindredFile(file);
});
afterAll(() => {
  removeUserDataDir(userDataDir);
  rmSync(dir, { recursive: true, force: true });
});

describe('a large Kindred file in Firefox', () => {
  it('imports 70 MB in pieces, with a progress bar that moves and finishes', async () => {
    expect(statSync(file).size).toBeGreaterThan(68 * 1000 * 1000);
    const kindred = await launchKindredInFirefox(pages, userDataDir);
    try {
      const profile = await kindred.newPage();
      await profile.goto(`https://www.linkedin.com/in/${VISITED.id}/`);
      const options = await openOptionsInFirefox(kindred, profile);
      await options.evaluate(() => {
        const w = window as unknown as { __progress: number[] };
        w.__progress = [];
        new MutationObserver(() => {
          for (const bar of document.querySelectorAll('progress')) w.__progress.push(bar.value);
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
      });
      const start = Date.now();
      await chooseFile(options, 'Kindred export file (JSON)', file);
      await (await byRole(options, 'button', 'Import')).click();
      await byRole(options, 'progressbar', 'Reading the file');
      await waitForText(options, 'Imported: 50,000 added, 0 updated', 90_000);
      const seen = await options.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
      console.log(`Firefox 70 MB import: ${Date.now() - start} ms, ${seen.length} progress steps`);
      expect(new Set(seen).size).toBeGreaterThan(5);
      expect(Math.max(...seen)).toBe(100);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(await stored(options, `person-${CONTACTS + 99}`)).toMatchObject({
        count: CONTACTS + 1,
        note: expect.stringMatching(new RegExp(`^firefox ${CONTACTS - 1}: Met at`)),
      });
      expect(kindred.outsideRequests).toEqual([]);
    } finally {
      await kindred.close();
    }
  });
});
