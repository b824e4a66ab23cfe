import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Kindred,
  launchKindred,
  openExtensionPage,
  panelOf,
  readStoredContacts,
  removeUserDataDir,
  serviceWorkerControl,
} from '../support/harness';
import { JANE, type Person, SAM, profilePage } from '../support/pages';

const people = new Map<string, Person>([JANE, SAM].map((p) => [p.id, p]));
const pages = (url: URL) => {
  const p = people.get(/^\/in\/([^/]+)/.exec(url.pathname)?.[1] ?? '');
  return p ? profilePage(p) : undefined;
};

let kindred: Kindred | undefined;
afterEach(async () => {
  await kindred?.close();
  if (kindred) removeUserDataDir(kindred.userDataDir);
  kindred = undefined;
});

async function openProfile(k: Kindred, person: Person): Promise<Page> {
  const page = await k.context.newPage();
  await page.goto(`https://www.linkedin.com/in/${person.id}/`);
  await panelOf(page).getByRole('button', { name: 'Mentor', exact: true }).waitFor();
  return page;
}

/** Every tag's label, read straight from IndexedDB in the extension's origin. */
async function storedTagLabels(k: Kindred): Promise<string[]> {
  const page = await openExtensionPage(k, 'popup.html');
  try {
    return await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('kindred');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('taxonomy').objectStore('taxonomy').getAll();
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              open.result.close();
              resolve((request.result as Array<{ label: string }>).map((tag) => tag.label));
            };
          };
        }),
    );
  } finally {
    await page.close({ runBeforeUnload: true });
  }
}

describe('nothing typed or clicked is lost', () => {
  it('keeps a note typed just before the tab was closed', async () => {
    kindred = await launchKindred(pages);
    const page = await openProfile(kindred, JANE);
    const note = panelOf(page).getByRole('textbox', { name: 'Note' });
    await note.click();
    await page.keyboard.type('Closed the tab at once');
    // Right after the last key: no pause for the debounce, no blur. Closed as a person closes a tab
    // (Chrome runs the page's beforeunload handlers then; Playwright's default close skips every
    // handler, as a crash would, and no frame event gets a message out: see NoteField.tsx).
    await page.close({ runBeforeUnload: true });

    await expect
      .poll(async () => (await readStoredContacts(kindred!))['jane-doe']?.note, { timeout: 10_000 })
      .toBe('Closed the tab at once');
    const again = await openProfile(kindred, JANE);
    await expect
      .poll(() => panelOf(again).getByRole('textbox', { name: 'Note' }).inputValue())
      .toBe('Closed the tab at once');
  });

  it('adds one tag, not two, when the worker stops after storing it and before answering', async () => {
    kindred = await launchKindred(pages);
    const worker = await serviceWorkerControl(kindred);
    const options = await openExtensionPage(kindred, 'options.html');
    await options.getByRole('tab', { name: 'Tags' }).click();
    const form = options.getByRole('form', { name: 'Add a purpose' });
    await form.getByRole('textbox', { name: 'Label' }).fill('Book club');

    // In the running worker: once a change to the tags has committed, the worker hangs before it can
    // answer, until it is stopped. The worker started after that knows nothing of this.
    const [running] = kindred.context.serviceWorkers();
    await running!.evaluate(() => {
      const open = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
        const tx = open.apply(this, args);
        const stores = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
        if (args[1] === 'readwrite' && stores.includes('taxonomy')) {
          tx.addEventListener('complete', () => {
            const until = Date.now() + 20_000;
            while (Date.now() < until);
          });
        }
        return tx;
      };
    });
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(async () => (await storedTagLabels(kindred!)).includes('Book club')).toBe(true);
    await worker.stop();

    await options.getByText('Added “Book club”').waitFor({ timeout: 15_000 });
    expect((await storedTagLabels(kindred)).filter((label) => label === 'Book club')).toHaveLength(1);
    await worker.close();
  });
});
