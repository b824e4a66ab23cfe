import { afterEach, describe, expect, it } from 'vitest';
import {
  type Kindred,
  launchKindred,
  openExtensionPage,
  panelOf,
  readStoredContacts,
  openProfile,
  removeUserDataDir,
  serviceWorkerControl,
} from '../support/harness';
import { JANE, SAM, profilePages } from '../support/pages';

const pages = profilePages(JANE, SAM);

let kindred: Kindred | undefined;
afterEach(async () => {
  await kindred?.close();
  if (kindred) removeUserDataDir(kindred.userDataDir);
  kindred = undefined;
});

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

describe('undo on the page where it was done', () => {
  it('undoes a bulk untag, a bulk tag and a deleted contact in the contacts table', async () => {
    kindred = await launchKindred(pages);
    for (const [person, tags] of [
      [JANE, ['Mentor', 'Peer']],
      [SAM, ['Peer']],
    ] as const) {
      const page = await openProfile(kindred, person);
      for (const name of tags) await panelOf(page).getByRole('button', { name, exact: true }).click();
      if (person === JANE) await panelOf(page).getByRole('textbox', { name: 'Note' }).fill('Owes me a coffee');
      await panelOf(page).getByRole('textbox', { name: 'Note' }).blur();
      await expect
        .poll(async () => (await readStoredContacts(kindred!))[person.id]?.relationships.length)
        .toBe(tags.length);
      await page.close();
    }
    const before = await readStoredContacts(kindred);
    expect(before['jane-doe']).toMatchObject({ relationships: ['mentor', 'peer'], note: 'Owes me a coffee' });

    const options = await openExtensionPage(kindred, 'options.html');
    await options.getByRole('tab', { name: 'Contacts' }).click();
    await options.getByRole('checkbox', { name: 'Select Jane Doe' }).check();
    await options.getByRole('checkbox', { name: `Select ${SAM.name}` }).check();
    const undo = options.getByRole('button', { name: 'Undo', exact: true });

    // Bulk untag, undone: Peer back on both, in its place.
    await options.getByRole('combobox', { name: /^Tag\b/ }).selectOption({ label: 'Peer' });
    await options.getByRole('button', { name: 'Remove tag' }).click();
    await options.getByText(/Removed “Peer” from 2 contacts/).waitFor();
    expect((await readStoredContacts(kindred))['jane-doe']?.relationships).toEqual(['mentor']);
    await undo.click();
    await options.getByText('Undone: everything is back as it was.').waitFor();
    expect(await readStoredContacts(kindred)).toEqual(before);

    // Bulk tag, undone.
    await options.getByRole('combobox', { name: /^Tag\b/ }).selectOption({ label: 'Sponsor' });
    await options.getByRole('button', { name: 'Add tag' }).click();
    await options.getByText(/Added “Sponsor” to 2 contacts/).waitFor();
    await undo.click();
    await options.getByText('Undone: everything is back as it was.').waitFor();
    expect(await readStoredContacts(kindred)).toEqual(before);

    // A deleted contact, back with its tags and note.
    const janeRow = options
      .getByRole('row')
      .filter({ has: options.getByRole('checkbox', { name: 'Select Jane Doe' }) });
    await janeRow.getByRole('button', { name: 'Delete' }).click();
    await options.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await options.getByText('Deleted Jane Doe.').waitFor();
    expect((await readStoredContacts(kindred))['jane-doe']).toBeUndefined();
    await undo.click();
    await options.getByText('Undone: everything is back as it was.').waitFor();
    expect(await readStoredContacts(kindred)).toEqual(before);
    await options.getByRole('checkbox', { name: 'Select Jane Doe' }).waitFor();
    expect(await undo.count()).toBe(0);
  });
});
