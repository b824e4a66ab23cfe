import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Kindred,
  SCREENSHOTS,
  launchKindred,
  newUserDataDir,
  openExtensionPage,
  panelOf,
  removeUserDataDir,
} from '../support/harness';
import { FEED_PAGE, JANE, type Person, SAM, profilePage, topCard } from '../support/pages';

const people = new Map<string, Person>([JANE, SAM].map((p) => [p.id, p]));
const pages = (url: URL) => {
  if (url.pathname.startsWith('/feed')) return FEED_PAGE;
  const id = /^\/in\/([^/]+)/.exec(url.pathname)?.[1];
  const p = id ? people.get(id) : undefined;
  return p ? profilePage(p) : undefined;
};

const pressed = (page: Page, name: string) =>
  expect.poll(() => panelOf(page).getByRole('button', { name, exact: true }).getAttribute('aria-pressed'));

const userDataDir = newUserDataDir();
afterAll(() => removeUserDataDir(userDataDir));

/** Runs `steps` in a browser on the shared profile folder and always closes it. */
async function withBrowser(steps: (kindred: Kindred) => Promise<void>) {
  const kindred = await launchKindred(pages, userDataDir);
  try {
    await steps(kindred);
    expect(kindred.outsideRequests).toEqual([]);
  } finally {
    await kindred.close();
  }
}

describe('the core slice in real Chromium', () => {
  it('tags a profile on the page, keeps it across reloads, shows the balance and exports', () =>
    withBrowser(async (kindred) => {
      const page = await kindred.context.newPage();
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);

      const panel = panelOf(page);
      await panel.getByRole('heading', { name: 'Jane Doe' }).waitFor();
      await panel.getByText(JANE.headline).waitFor();
      expect(await page.locator('kindred-panel').count()).toBe(1);

      await panel.getByRole('button', { name: 'Mentor', exact: true }).click();
      await panel.getByRole('button', { name: 'Career resilience' }).click();
      await pressed(page, 'Mentor').toBe('true');
      await pressed(page, 'Career resilience').toBe('true');
      await panel.getByText('Saved', { exact: true }).waitFor();

      // Typing a note never reaches LinkedIn's own keyboard shortcuts; keys on the page still do.
      await page.evaluate(() => {
        const counted = window as unknown as { keysSeenByPage: number };
        counted.keysSeenByPage = 0;
        document.addEventListener('keydown', () => counted.keysSeenByPage++);
      });
      const keysSeenByPage = () =>
        page.evaluate(() => (window as unknown as { keysSeenByPage: number }).keysSeenByPage);
      await panel.getByRole('textbox', { name: 'Note' }).pressSequentially('Met at the flex conference in London');
      expect(await keysSeenByPage()).toBe(0);
      await panel.getByRole('textbox', { name: 'Note' }).blur();
      // Focus back on LinkedIn's page (blurring inside the frame leaves the frame focused).
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('k');
      expect(await keysSeenByPage()).toBe(1);
      await panel.getByText('Saved', { exact: true }).waitFor();

      // The panel sits in a corner and does not cover LinkedIn's own buttons.
      const panelBox = (await panel.boundingBox())!;
      for (const control of ['Message', 'More']) {
        const box = (await page.getByRole('button', { name: control, exact: true }).boundingBox())!;
        const overlaps =
          panelBox.x < box.x + box.width &&
          box.x < panelBox.x + panelBox.width &&
          panelBox.y < box.y + box.height &&
          box.y < panelBox.y + panelBox.height;
        expect(overlaps, `panel covers "${control}"`).toBe(false);
      }
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'panel.png') });

      await page.reload();
      await panelOf(page).getByRole('heading', { name: 'Jane Doe' }).waitFor();
      await pressed(page, 'Mentor').toBe('true');
      await pressed(page, 'Career resilience').toBe('true');
      await pressed(page, 'Gets work done').toBe('false');
      await expect
        .poll(() => panelOf(page).getByRole('textbox', { name: 'Note' }).inputValue())
        .toBe('Met at the flex conference in London');

      const popup = await openExtensionPage(kindred, 'popup.html');
      // The popup's one-sentence diagnosis names the gaps (the charts are on the options page).
      await popup.getByText('Leaning to your own growth (100%); no way-shower and no community of practice.').waitFor();
      await popup.setViewportSize({ width: 360, height: 600 });
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });

      const [download] = await Promise.all([
        popup.waitForEvent('download'),
        popup.getByRole('button', { name: 'Export JSON' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^kindred-\d{4}-\d{2}-\d{2}\.json$/);
      const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(file).toMatchObject({ format: 'kindred', version: 2 });
      expect(Date.parse(file.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(file.taxonomy).toHaveLength(14);
      expect(file.taxonomy[0]).toMatchObject({ id: 'work', dimension: 'purpose', label: 'Gets work done' });
      expect(file.contacts).toEqual([
        expect.objectContaining({
          id: 'jane-doe',
          url: 'https://www.linkedin.com/in/jane-doe/',
          name: 'Jane Doe',
          headline: JANE.headline,
          company: JANE.company,
          location: JANE.location,
          purposes: ['growth'],
          relationships: ['mentor'],
          note: 'Met at the flex conference in London',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        }),
      ]);
      await popup.close();

      // In-page navigation to another person: the panel follows, never showing Jane's name or tags.
      await page.evaluate(
        ({ id, html, title }) => {
          history.pushState({}, '', `/in/${id}/`);
          document.title = title;
          document.querySelector('main')!.innerHTML = html;
        },
        { id: SAM.id, html: topCard(SAM), title: `${SAM.name} | LinkedIn` },
      );
      await panelOf(page).getByRole('heading', { name: 'Sam Lee' }).waitFor();
      expect(await panelOf(page).getByRole('heading', { name: 'Jane Doe' }).count()).toBe(0);
      await pressed(page, 'Mentor').toBe('false');
      await pressed(page, 'Career resilience').toBe('false');
      expect(await page.locator('kindred-panel').count()).toBe(1);

      // Leaving profiles removes the panel.
      await page.evaluate(() => {
        history.pushState({}, '', '/feed/');
        document.title = 'Feed | LinkedIn';
        document.querySelector('main')!.innerHTML = '<h2>Feed</h2>';
      });
      await expect.poll(() => page.locator('kindred-panel').count()).toBe(0);
    }));

  it('still has everything after the browser restarts', () =>
    withBrowser(async (kindred) => {
      const page = await kindred.context.newPage();
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      await panelOf(page).getByRole('heading', { name: 'Jane Doe' }).waitFor();
      await pressed(page, 'Mentor').toBe('true');
      await pressed(page, 'Career resilience').toBe('true');
      const popup = await openExtensionPage(kindred, 'popup.html');
      await popup.getByText('Leaning to your own growth (100%); no way-shower and no community of practice.').waitFor();
      expect(await popup.getByText(/of 2 known contacts tagged/).count()).toBe(1);
    }));
});
