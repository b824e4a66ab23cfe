import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Kindred,
  SCREENSHOTS,
  launchKindred,
  openExtensionPage,
  panelFrame,
  panelOf,
  removeUserDataDir,
} from '../support/harness';
import { AXE, seriousAxeViolations } from '../support/axe';
import { JANE, profilePage } from '../support/pages';

/** LinkedIn in its dark theme: a dark page background, whatever the system says. */
const darkLinkedIn = profilePage(JANE).replace('<body>', '<body style="background:#1b1f23;color:#e8e8e8">');
const pages = (url: URL) =>
  url.pathname.startsWith('/in/dark-') ? darkLinkedIn : url.pathname.startsWith('/in/') ? profilePage(JANE) : undefined;

/** Serious and critical axe-core violations in the page (tests/support/axe.ts). */
async function axeViolations(page: Page | Frame): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(seriousAxeViolations);
}

let kindred: Kindred;
beforeAll(async () => {
  kindred = await launchKindred(pages);
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Some data, so the popup and the options page show their charts and tables.
  const page = await kindred.context.newPage();
  await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
  for (const name of ['Mentor', 'Career resilience', 'Gets work done']) {
    await panelOf(page).getByRole('button', { name, exact: true }).click();
  }
  await panelOf(page).getByText('Saved', { exact: true }).waitFor();
  await page.close();
});
afterAll(async () => {
  await kindred.close();
  removeUserDataDir(kindred.userDataDir);
});

describe('accessibility (axe-core) in light and dark', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the panel on a profile page, ${scheme} system theme`, async () => {
      const page = await kindred.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      await panelOf(page).getByRole('button', { name: 'Mentor', exact: true }).waitFor();
      expect(await panelOf(page).evaluate((panel) => panel.classList.contains('dark'))).toBe(scheme === 'dark');
      expect(await axeViolations(await panelFrame(page))).toEqual([]);
      await panelOf(page).screenshot({ path: join(SCREENSHOTS, `panel-${scheme}.png`) });
      await page.close();
    });

    it(`the popup, ${scheme}`, async () => {
      const popup = await kindred.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 360, height: 900 });
      await popup.goto(`chrome-extension://${kindred.extensionId}/popup.html`);
      await popup.locator('#diagnosis-heading').waitFor();
      await popup.locator('.weekly').waitFor();
      expect(await axeViolations(popup)).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-${scheme}.png`), fullPage: true });
      await popup.close();
    });

    it(`every tab of the options page, ${scheme}`, async () => {
      const options = await kindred.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${kindred.extensionId}/options.html`);
      for (const tab of ['Overview', 'Review', 'Contacts', 'Untagged queue', 'Tags', 'Import and export']) {
        await options.getByRole('tab', { name: tab }).click();
        await options.getByRole('tabpanel').waitFor();
        await options.waitForTimeout(100);
        expect(await axeViolations(options), tab).toEqual([]);
      }
      await options.getByRole('tab', { name: 'Overview' }).click();
      await options.screenshot({ path: join(SCREENSHOTS, `options-${scheme}.png`), fullPage: true });
      // The first run's welcome (issue 16), as the install opens it.
      await options.goto(`chrome-extension://${kindred.extensionId}/options.html#welcome`);
      await options.getByRole('heading', { name: 'Welcome to Kindred' }).waitFor();
      expect(await axeViolations(options), 'welcome').toEqual([]);
      await options.close();
    });
  }

  it('the panel follows LinkedIn’s dark theme even when the system is light', async () => {
    const page = await kindred.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('https://www.linkedin.com/in/dark-jane/');
    await panelOf(page).getByRole('button', { name: 'Mentor', exact: true }).waitFor();
    expect(await panelOf(page).evaluate((panel) => panel.classList.contains('dark'))).toBe(true);
    expect(await axeViolations(await panelFrame(page))).toEqual([]);
    await page.close();
  });
});

describe('keyboard', () => {
  it('the command focuses the panel; digits and letters toggle tags; focus is visible', async () => {
    const page = await kindred.context.newPage();
    await page.goto('https://www.linkedin.com/in/kbd-person/');
    const panel = panelOf(page);
    await panel.getByRole('button', { name: 'Peer', exact: true }).waitFor();
    // Collapsed panels open again when focused by the command.
    await panel.getByRole('button', { name: 'Hide Kindred panel' }).click();
    // What Alt+Shift+K does: the background asks the active tab's panel to take focus.
    const worker = kindred.context.serviceWorkers()[0]!;
    await page.bringToFront();
    await worker.evaluate(async () => {
      const { tabs } = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
      const [tab] = await tabs.query({ active: true, currentWindow: true });
      await tabs.sendMessage(tab!.id!, { type: 'focus-panel' });
    });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('KINDRED-PANEL');
    const focused = async () => (await panelFrame(page)).evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toContain('Gets work done');
    // Known issue (session note 2026-11-27): a key pressed within a few hundred ms of the command can be lost
    // while the panel finishes opening; the rest of this test is about what keys do once it is open.
    await page.waitForTimeout(400);
    // The shortcut keys are shown on the buttons but are not part of their names.
    expect(await panel.getByRole('button', { name: 'Peer', exact: true }).textContent()).toContain('3');

    await page.keyboard.press('3'); // Peer
    await page.keyboard.press('b'); // Belonging
    await expect
      .poll(() => panel.getByRole('button', { name: 'Peer', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    await expect.poll(() => panel.getByRole('button', { name: 'Belonging' }).getAttribute('aria-pressed')).toBe('true');
    // Typing a note does not toggle tags.
    await panel.getByRole('textbox', { name: 'Note' }).focus();
    await page.keyboard.type('b3');
    expect(await panel.getByRole('button', { name: 'Belonging' }).getAttribute('aria-pressed')).toBe('true');

    // Tab moves through the buttons with a visible focus ring.
    await panel.getByRole('button', { name: 'Gets work done' }).focus();
    await page.keyboard.press('Tab');
    const outline = await (
      await panelFrame(page)
    ).evaluate(() => {
      const active = document.activeElement!;
      const style = getComputedStyle(active);
      return { name: active.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline.name).toContain('Career resilience');
    expect(outline.outline).toBe('solid');
    expect(outline.width).toBe('2px');
    await page.close();
  });

  it('the popup and the options page work from the keyboard', async () => {
    const popup = await openExtensionPage(kindred, 'popup.html');
    await popup.locator('#diagnosis-heading').waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await popup.keyboard.press('Tab');
      reached.push(await popup.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(reached).toContain('Export JSON');
    expect(reached).toContain('Open overview');

    const options = await openExtensionPage(kindred, 'options.html');
    await options.getByRole('tab', { name: 'Overview' }).focus();
    await options.keyboard.press('ArrowRight');
    await expect.poll(() => options.getByRole('tab', { name: 'Review' }).getAttribute('aria-selected')).toBe('true');
    await options.keyboard.press('End');
    await expect
      .poll(() => options.getByRole('tab', { name: 'Import and export' }).getAttribute('aria-selected'))
      .toBe('true');
  });
});
