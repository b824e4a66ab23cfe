import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Kindred,
  launchKindred,
  openExtensionPage,
  panelOf,
  readStoredContacts,
  openProfile,
  removeUserDataDir,
} from '../support/harness';
import { JANE, SAM, profilePages } from '../support/pages';

/**
 * Sync across browsers (issue 17), in two Chromium profiles, each with Kindred and sync turned on. The
 * browser's sync service is played by the test: it carries `storage.sync`'s items from one profile's
 * extension to the other (read with chrome.storage.sync.get in an extension page of one, set in the
 * other), as Chrome Sync would, last write per item winning.
 */

const pages = profilePages(JANE, SAM);

/** The part of the extension API the test uses in an extension page. */
interface ChromeSync {
  chrome: {
    storage: {
      sync: {
        get(keys: null): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        getBytesInUse(keys: null): Promise<number>;
      };
    };
  };
}

let browsers: Kindred[] = [];
afterEach(async () => {
  for (const k of browsers) {
    await k.close();
    removeUserDataDir(k.userDataDir);
  }
  browsers = [];
});

async function launchWithSync(): Promise<Kindred> {
  const k = await launchKindred(pages);
  browsers.push(k);
  const options = await openExtensionPage(k, 'options.html');
  await options.getByRole('tab', { name: 'Import and export' }).click();
  const toggle = options.getByRole('checkbox', { name: 'Sync across my browsers' });
  await expect.poll(() => toggle.isEnabled()).toBe(true);
  await toggle.check();
  await options.getByText('Not synced yet.').waitFor();
  await options.close();
  return k;
}

const pressed = (page: Page, name: string) =>
  expect.poll(() => panelOf(page).getByRole('button', { name, exact: true }).getAttribute('aria-pressed'), {
    timeout: 15_000,
  });

async function syncItems(k: Kindred): Promise<Record<string, unknown>> {
  const page = await openExtensionPage(k, 'popup.html');
  try {
    return await page.evaluate(() => (globalThis as unknown as ChromeSync).chrome.storage.sync.get(null));
  } finally {
    await page.close();
  }
}

/** What the browser's sync would do: `from`'s items (those holding `until`, once they do) arrive in `to`. */
async function carry(from: Kindred, to: Kindred, until: (items: string) => boolean = () => true): Promise<void> {
  let items: Record<string, unknown> = {};
  await expect
    .poll(
      async () => {
        items = await syncItems(from);
        return until(JSON.stringify(items));
      },
      // A round waits for the write limits' spacing, or for its alarm on a busy machine.
      { timeout: 45_000 },
    )
    .toBe(true);
  const page = await openExtensionPage(to, 'popup.html');
  try {
    await page.evaluate((value) => (globalThis as unknown as ChromeSync).chrome.storage.sync.set(value), items);
  } finally {
    await page.close();
  }
}

describe('sync across browsers', () => {
  it('shows tags made in one browser on the other’s panel and popup', async () => {
    const [a, b] = [await launchWithSync(), await launchWithSync()];
    const onA = await openProfile(a, JANE);
    await panelOf(onA).getByRole('button', { name: 'Mentor', exact: true }).click();
    await panelOf(onA).getByRole('button', { name: 'Career resilience', exact: true }).click();
    await pressed(onA, 'Career resilience').toBe('true');

    // The browser's sync delivers (again, as it does, when a round of B's wrote over it meanwhile): B's
    // Kindred merges it in the background.
    await expect
      .poll(
        async () => {
          await carry(a!, b!, (items) => items.includes('jane-doe') && items.includes('"t":["3"'));
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          return (await readStoredContacts(b!))['jane-doe']?.relationships;
        },
        { timeout: 45_000 },
      )
      .toEqual(['mentor']);
    const onB = await openProfile(b!, JANE);
    await pressed(onB, 'Mentor').toBe('true');
    await pressed(onB, 'Career resilience').toBe('true');
    const popup = await openExtensionPage(b!, 'popup.html');
    await popup.getByText(/^Leaning to your own growth \(100%\)/).waitFor();
    const options = await openExtensionPage(b!, 'options.html');
    await options.getByRole('tab', { name: 'Import and export' }).click();
    await options.getByText(/^Last changes from another browser: 1 contact/).waitFor();
    await options.getByText(/^Using \d+ KB of the 100 KB/).waitFor();
  });

  it('shows what arrives from another browser on a panel already open on that person', async () => {
    const [a, b] = [await launchWithSync(), await launchWithSync()];
    const onB = await openProfile(b, JANE);
    const noteOnB = panelOf(onB).getByRole('textbox', { name: 'Note' });
    const onA = await openProfile(a, JANE);
    await panelOf(onA).getByRole('button', { name: 'Sponsor', exact: true }).click();
    await pressed(onA, 'Sponsor').toBe('true');
    const noteOnA = panelOf(onA).getByRole('textbox', { name: 'Note' });
    await noteOnA.fill('Written in browser A');
    await noteOnA.blur();

    // Carried to B while B's panel stays open on Jane: it shows them without a reload.
    await expect
      .poll(
        async () => {
          await carry(a, b, (items) => items.includes('Written in browser A'));
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          return (await readStoredContacts(b))['jane-doe']?.note;
        },
        { timeout: 45_000 },
      )
      .toBe('Written in browser A');
    await pressed(onB, 'Sponsor').toBe('true');
    await expect.poll(() => noteOnB.inputValue(), { timeout: 15_000 }).toBe('Written in browser A');
  });

  it('converges after offline edits on both', async () => {
    const [a, b] = [await launchWithSync(), await launchWithSync()];
    // Offline: each browser tags Sam differently, and B writes a note on Jane.
    const samOnA = await openProfile(a!, SAM);
    await panelOf(samOnA).getByRole('button', { name: 'Peer', exact: true }).click();
    await pressed(samOnA, 'Peer').toBe('true');
    const samOnB = await openProfile(b!, SAM);
    await panelOf(samOnB).getByRole('button', { name: 'Mentor', exact: true }).click();
    await pressed(samOnB, 'Mentor').toBe('true');
    const janeOnB = await openProfile(b!, JANE);
    await panelOf(janeOnB).getByRole('button', { name: 'Colleague', exact: true }).click();
    await pressed(janeOnB, 'Colleague').toBe('true');
    const note = panelOf(janeOnB).getByRole('textbox', { name: 'Note' });
    await note.fill('Written in browser B');
    await note.blur();
    await expect
      .poll(async () => (await readStoredContacts(b!))['jane-doe']?.note, { timeout: 10_000 })
      .toBe('Written in browser B');

    // Back online: A's items overwrite B's; B merges, writes what they lack; that reaches A.
    await carry(a!, b!, (items) => items.includes('sam-lee-42'));
    await carry(b!, a!, (items) => items.includes('Written in browser B') && items.includes('sam-lee-42'));
    for (const k of [a!, b!]) {
      await expect
        .poll(
          async () => {
            const stored = await readStoredContacts(k);
            return [stored['sam-lee-42']?.relationships.slice().sort(), stored['jane-doe']?.note];
          },
          { timeout: 20_000 },
        )
        .toEqual([['mentor', 'peer'], 'Written in browser B']);
    }
    const samAgainOnA = await openProfile(a!, SAM);
    await pressed(samAgainOnA, 'Mentor').toBe('true');
    await pressed(samAgainOnA, 'Peer').toBe('true');
  });

  it('keeps working when the browser’s sync storage is full', async () => {
    const a = await launchWithSync();
    // Other data fills the quota: Kindred's writes fail.
    const filler = await openExtensionPage(a, 'popup.html');
    await filler.evaluate(async () => {
      const { sync } = (globalThis as unknown as ChromeSync).chrome.storage;
      // Up to 100 bytes short of the quota: Kindred's next write cannot fit.
      let free = 102_400 - (await sync.getBytesInUse(null)) - 100;
      for (let i = 0; free > 0; i++) {
        const size = Math.min(8_000, free - 12);
        await sync.set({ [`other${i}`]: 'x'.repeat(Math.max(size, 1)) });
        free -= size + 12;
      }
    });
    await filler.close();
    const page = await openProfile(a, JANE);
    await panelOf(page).getByRole('button', { name: 'Mentor', exact: true }).click();
    await pressed(page, 'Mentor').toBe('true');
    const options = await openExtensionPage(a, 'options.html');
    await options.getByRole('tab', { name: 'Import and export' }).click();
    await expect
      .poll(() => options.getByRole('alert').textContent(), { timeout: 20_000 })
      .toMatch(/The last write to your browser’s sync failed .*Everything here is kept/);
    // Still tagging and stored here.
    await panelOf(page).getByRole('button', { name: 'Peer', exact: true }).click();
    await pressed(page, 'Peer').toBe('true');
    expect((await readStoredContacts(a))['jane-doe']?.relationships.sort()).toEqual(['mentor', 'peer']);
  });
});
