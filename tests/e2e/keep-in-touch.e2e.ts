import { afterAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page as FirefoxPage } from 'puppeteer-core';
import {
  type Kindred,
  launchKindred,
  newUserDataDir,
  openExtensionPage,
  panelOf,
  removeUserDataDir,
} from '../support/harness';
import {
  type KindredInFirefox,
  launchKindredInFirefox,
  panelByRole,
  panelField,
  panelFrame,
  panelIn,
} from '../support/firefox';
import { JANE, profilePage } from '../support/pages';
import { addDays, today } from '../../lib/model/rhythm';

/**
 * Keep in touch, end to end: a peer last in touch 100 days ago is due (peers: every 60 days) and counted
 * on the toolbar badge; "I reached out" on the panel shows "Last in touch: today" and takes her off the
 * badge; undone, she is due again; "Snooze 2 weeks" from the due list takes her off it.
 */
const pages = (url: URL) => (url.pathname.startsWith(`/in/${JANE.id}`) ? profilePage(JANE) : undefined);
/** 100 days ago on this computer's calendar (the browsers run here, in the same time zone). */
const hundredDaysAgo = () => addDays(today(new Date()), -100);

describe('keep in touch in Chromium', () => {
  let kindred: Kindred | undefined;
  afterAll(async () => {
    await kindred?.close();
    if (kindred) removeUserDataDir(kindred.userDataDir);
  });

  it('logs touches on the panel, counts who is due on the badge, and snoozes from the popup', async () => {
    kindred = await launchKindred(pages);
    const profile = await kindred.context.newPage();
    await profile.goto(`https://www.linkedin.com/in/${JANE.id}/`);
    const panel = panelOf(profile);
    await panel.getByRole('button', { name: 'Peer', exact: true }).click();
    await panel.getByText('Not in touch yet').waitFor();

    // The badge, as the browser shows it, read by an extension page through the extension's API.
    const popup = await openExtensionPage(kindred, 'popup.html');
    const badge = () =>
      popup.evaluate(() =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText: (d: object) => Promise<string> } } }
        ).chrome.action.getBadgeText({}),
      );
    await expect.poll(badge).toBe('');

    // Another day, and how: from the small disclosure.
    await panel.getByText('Another day, how, rhythm').click();
    await panel.getByLabel('Date').fill(hundredDaysAgo());
    await panel.getByRole('combobox', { name: 'How' }).selectOption('call');
    await panel.getByRole('button', { name: 'Log this touch' }).click();
    await panel.getByText('Last in touch: 3 months ago').waitFor();
    await panel.getByText(/Due: 40 days past the rhythm/).waitFor();
    await expect.poll(badge).toBe('1');

    // "I reached out": today.
    await panel.getByRole('button', { name: 'I reached out' }).click();
    await panel.getByText('Last in touch: today').waitFor();
    await expect.poll(badge).toBe('');
    // Undone: due again.
    await panel.getByRole('button', { name: 'Undo' }).click();
    await panel.getByText('Last in touch: 3 months ago').waitFor();
    await expect.poll(badge).toBe('1');

    // The popup lists her; "Snooze 2 weeks" takes her off the list and the badge.
    await popup.reload();
    expect(await popup.getByRole('link', { name: JANE.name }).getAttribute('href')).toBe(
      `https://www.linkedin.com/in/${JANE.id}/`,
    );
    await popup.getByText('1 person is due, the longest overdue first:').waitFor();
    await popup.getByRole('button', { name: `Snooze ${JANE.name} for 2 weeks` }).click();
    await popup.getByText('Nobody is due: you are in touch with everyone on their rhythm.').waitFor();
    expect(await popup.getByRole('link', { name: JANE.name }).count()).toBe(0);
    await expect.poll(badge).toBe('');
    await profile.reload();
    await panelOf(profile)
      .getByText(/Snoozed until/)
      .waitFor();
  });
});

describe('keep in touch after a large import (Chromium)', () => {
  let kindred: Kindred | undefined;
  afterAll(async () => {
    await kindred?.close();
    if (kindred) removeUserDataDir(kindred.userDataDir);
  });

  it('counts everyone due in an imported file of 400 people, and the week, once the import has answered', async () => {
    kindred = await launchKindred(pages);
    // 300 mentors first tagged 100 days ago (mentors: every 90 days) and 100 untagged people: more than one
    // write keeps the keep-in-touch rows for, so the background rebuilds them after the import.
    const first = `${hundredDaysAgo()}T12:00:00.000Z`;
    const contacts = Array.from({ length: 400 }, (_, index) => {
      const id = `imported-${String(index).padStart(3, '0')}`;
      return {
        id,
        url: `https://www.linkedin.com/in/${id}/`,
        name: `Person ${index}`,
        ...(index < 300 && { relationships: ['mentor'], firstTaggedAt: first }),
        ...(index === 0 && { touches: [{ on: today(new Date()), channel: 'call' }] }),
      };
    });
    const options = await openExtensionPage(kindred, 'options.html#data');
    await options.getByLabel('Kindred export file (JSON)').setInputFiles({
      name: 'kindred.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'kindred', version: 2, contacts })),
    });
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 400 added').waitFor();
    const popup = await openExtensionPage(kindred, 'popup.html');
    const badge = () =>
      popup.evaluate(() =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText: (d: object) => Promise<string> } } }
        ).chrome.action.getBadgeText({}),
      );
    await expect.poll(badge).toBe('299');
    await popup.reload();
    await popup.getByText('299 people are due, the longest overdue first:').waitFor();
    await popup.getByText(/1 touch/).waitFor();
  });
});

describe('keep in touch in Firefox (the MV2 build)', () => {
  const userDataDir = newUserDataDir();
  let firefox: KindredInFirefox | undefined;
  afterAll(async () => {
    await firefox?.close();
    removeUserDataDir(userDataDir);
  });

  /** The panel's text, as a person reads it. */
  const panelText = async (page: FirefoxPage) => (await panelIn(page)).evaluate((region) => region.textContent ?? '');
  /**
   * The badge through Firefox's own `browserAction` API, read in the options page (a framed extension page
   * such as the panel has no `browserAction`).
   */
  const badge = (options: FirefoxPage) =>
    options.evaluate(() =>
      (
        globalThis as unknown as { browser: { browserAction: { getBadgeText: (d: object) => Promise<string> } } }
      ).browser.browserAction.getBadgeText({}),
    );

  it('logs touches on the panel, counts who is due on the badge, and snoozes from the overview', async () => {
    firefox = await launchKindredInFirefox(pages, userDataDir);
    const page = await firefox.newPage();
    await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
    await panelByRole(page, 'button', 'Peer');
    // The options page: extension pages cannot be opened by navigation over BiDi, and the framed panel has
    // no runtime.openOptionsPage; a link in the panel's frame (an extension page) opens it, clicked as a
    // person clicks.
    const opened = new Promise<FirefoxPage>((resolve) =>
      firefox!.browser.on('targetcreated', (target) => {
        void target.page().then((created) => created && resolve(created));
      }),
    );
    const link = await (
      await panelFrame(page)
    ).evaluateHandle(() => {
      const a = document.createElement('a');
      a.href = '/options.html#overview';
      a.target = '_blank';
      a.textContent = 'options';
      document.body.append(a);
      return a;
    });
    await (link.asElement() as ElementHandle<Element>).click();
    const options = await opened;
    await link.evaluate((a) => (a as HTMLElement).remove());
    await (await panelByRole(page, 'button', 'Peer')).click();
    await expect.poll(() => panelText(page)).toContain('Not in touch yet');
    await expect.poll(() => badge(options)).toBe('');

    await (await panelIn(page)).$eval('summary', (summary) => (summary as HTMLElement).click());
    const date = await panelField(page, 'Date');
    await date.evaluate((input, value) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, hundredDaysAgo());
    await (await panelByRole(page, 'button', 'Log this touch')).click();
    await expect.poll(() => panelText(page)).toContain('Last in touch: 3 months ago');
    await expect.poll(() => badge(options)).toBe('1');

    await (await panelByRole(page, 'button', 'I reached out')).click();
    await expect.poll(() => panelText(page)).toContain('Last in touch: today');
    await expect.poll(() => badge(options)).toBe('');
    await (await panelByRole(page, 'button', 'Undo')).click();
    await expect.poll(() => panelText(page)).toContain('Last in touch: 3 months ago');
    await expect.poll(() => badge(options)).toBe('1');

    // The options page's overview lists who is due.
    const snooze = await options.waitForSelector(`::-p-aria([name="Snooze ${JANE.name} for 2 weeks"][role="button"])`);
    await snooze!.click();
    await options.waitForSelector('::-p-text(Nobody is due: you are in touch with everyone on their rhythm.)');
    await expect.poll(() => badge(options)).toBe('');
    expect(firefox.outsideRequests).toEqual([]);
  });
});
