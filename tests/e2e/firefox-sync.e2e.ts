import { afterEach, describe, expect, it } from 'vitest';
import {
  type KindredInFirefox,
  launchKindredInFirefox,
  panelByRole,
  panelField,
  panelFrame,
  pressedState,
  welcomeTab,
} from '../support/firefox';
import {
  type Kindred,
  launchKindred,
  openExtensionPage,
  openProfile,
  panelOf,
  removeUserDataDir,
} from '../support/harness';
import { JANE, SAM, profilePages } from '../support/pages';

/**
 * Sync in Firefox, one direction (issue 17): tags made in a Chromium profile reach a Firefox profile when
 * the browser's sync carries storage.sync's items (the test plays that part: read in Chromium, set in
 * Firefox, through the panel's frame, an extension page, since Firefox's extension pages cannot be opened
 * by navigation over BiDi). Sync is turned on in Firefox with the options page's checkbox.
 */

const pages = profilePages(JANE, SAM);

interface ExtensionApi {
  chrome?: { storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } } };
  browser?: {
    storage: { sync: { set(items: Record<string, unknown>): Promise<void> } };
  };
}

let chromium: Kindred | undefined;
let firefox: KindredInFirefox | undefined;
afterEach(async () => {
  await chromium?.close();
  if (chromium) removeUserDataDir(chromium.userDataDir);
  await firefox?.close();
  if (firefox) removeUserDataDir(firefox.userDataDir);
  chromium = firefox = undefined;
});

/**
 * Turns sync on in Firefox as a person does: the options page's "Sync across my browsers", on the welcome
 * tab the install opened (the one extension page a test can reach over BiDi).
 */
async function turnOnSyncInFirefox(firefox: KindredInFirefox): Promise<void> {
  const options = await welcomeTab(firefox.browser);
  await options.bringToFront();
  await options.click('::-p-aria([name="Got it"][role="button"])');
  await options.click('::-p-aria([name="Import and export"][role="tab"])');
  await options.click('::-p-aria([name="Sync across my browsers"][role="checkbox"])');
  await options.waitForFunction(() => document.body.textContent?.includes('Not synced yet.'));
}

/** Chromium with Kindred, sync turned on with the options page's checkbox. */
async function chromiumWithSync(): Promise<Kindred> {
  const kindred = await launchKindred(pages);
  const options = await openExtensionPage(kindred, 'options.html');
  await options.getByRole('tab', { name: 'Import and export' }).click();
  await options.getByRole('checkbox', { name: 'Sync across my browsers' }).check();
  await options.getByText('Not synced yet.').waitFor();
  return kindred;
}

/** Chromium's `storage.sync` items, once they hold `text` (what the browser's sync would carry). */
async function syncedItems(kindred: Kindred, text: string): Promise<Record<string, unknown>> {
  let items: Record<string, unknown> = {};
  const popup = await openExtensionPage(kindred, 'popup.html');
  await expect
    .poll(
      async () => {
        items = await popup.evaluate(() => (globalThis as unknown as ExtensionApi).chrome!.storage.sync.get(null));
        return JSON.stringify(items).includes(text);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return items;
}

describe('sync into Firefox', () => {
  it('shows tags made in Chromium on Firefox’s panel', async () => {
    chromium = await chromiumWithSync();
    const tab = await openProfile(chromium, JANE);
    await panelOf(tab).getByRole('button', { name: 'Mentor', exact: true }).click();
    const items = await syncedItems(chromium, 'jane-doe');

    firefox = await launchKindredInFirefox(pages, undefined, { keepWelcome: true });
    const page = await firefox.newPage();
    await page.goto(`https://www.linkedin.com/in/${SAM.id}/`);
    await panelByRole(page, 'heading', SAM.name);
    await turnOnSyncInFirefox(firefox);
    const frame = await panelFrame(page);
    await frame.evaluate((value) => (globalThis as unknown as ExtensionApi).browser!.storage.sync.set(value), items);

    await expect
      .poll(
        async () => {
          await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
          await panelByRole(page, 'heading', JANE.name);
          return pressedState(page, 'Mentor');
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe('true');
    expect(firefox.outsideRequests).toEqual([]);
  });

  it('shows what arrives on a Firefox panel already open on that person, without a reload', async () => {
    chromium = await chromiumWithSync();
    const tab = await openProfile(chromium, JANE);
    await panelOf(tab).getByRole('button', { name: 'Sponsor', exact: true }).click();
    const note = panelOf(tab).getByRole('textbox', { name: 'Note' });
    await note.fill('Written in Chromium');
    await note.blur();
    const items = await syncedItems(chromium, 'Written in Chromium');

    // Firefox has Jane's panel open when the items arrive.
    firefox = await launchKindredInFirefox(pages, undefined, { keepWelcome: true });
    const page = await firefox.newPage();
    await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
    await panelByRole(page, 'heading', JANE.name);
    await turnOnSyncInFirefox(firefox);
    expect(await pressedState(page, 'Sponsor')).toBe('false');
    const frame = await panelFrame(page);
    await frame.evaluate((value) => (globalThis as unknown as ExtensionApi).browser!.storage.sync.set(value), items);

    await expect.poll(() => pressedState(page, 'Sponsor'), { timeout: 30_000, interval: 500 }).toBe('true');
    await expect
      .poll(async () => (await panelField(page, 'Note')).evaluate((field) => field.value), { timeout: 10_000 })
      .toBe('Written in Chromium');
    expect(firefox.outsideRequests).toEqual([]);
  });
});
