import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Kindred,
  ROOT,
  SCREENSHOTS,
  launchKindred,
  readStoredContacts,
  removeUserDataDir,
} from '../support/harness';

/**
 * The network review (issue 16) in Chromium: the welcome a fresh install opens, the purpose statement,
 * the guided review by keyboard, balance snapshots from a file, and the popup as a glance that fits in
 * the 600 px Chrome gives a popup.
 */

/** Chrome shows a popup at most this high. */
const POPUP_HEIGHT = 600;

/** YYYY-MM of the month `back` months before this one. */
function monthsAgo(back: number): string {
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}
const snapshot = (month: string, tagged: number, growth: number) => ({
  month,
  known: tagged,
  tagged,
  work: tagged - growth,
  growth,
  both: 0,
  tags: { work: tagged - growth, growth },
});

/** The bottom of an element in the page, in CSS pixels. */
async function bottomOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${String(locator)} is not shown`);
  return box.y + box.height;
}

let kindred: Kindred | undefined;
afterAll(async () => {
  await kindred?.close();
  if (kindred) removeUserDataDir(kindred.userDataDir);
});

describe('the network review', () => {
  let options: Page;

  it('a fresh profile opens the options page on the welcome', async () => {
    kindred = await launchKindred(() => undefined);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const context = kindred.context;
    await expect
      .poll(() => context.pages().some((page) => page.url().endsWith('/options.html#welcome')), { timeout: 10_000 })
      .toBe(true);
    options = context.pages().find((page) => page.url().endsWith('/options.html#welcome'))!;
    const welcome = options.getByRole('region', { name: 'Welcome to Kindred' });
    await welcome.waitFor();
    expect(await welcome.textContent()).toContain('Everything stays in this browser');
    expect(await welcome.textContent()).toContain('Settings → Data privacy → Get a copy of your data');
    expect(await welcome.textContent()).toContain('Uninstalling Kindred deletes its data. Export a copy first');
    await options.screenshot({ path: join(SCREENSHOTS, 'welcome-light.png') });
    await options.getByRole('button', { name: 'Go to Import and export' }).click();
    await expect.poll(() => welcome.count()).toBe(0);
    expect(await options.getByRole('tab', { name: 'Import and export' }).getAttribute('aria-selected')).toBe('true');
    // Reachable later from the page's foot.
    await options.getByRole('button', { name: 'Welcome and how to start' }).click();
    await welcome.waitFor();
    await options.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => welcome.count()).toBe(0);
  });

  it('imports the network, reviews it by keyboard and ends with the diagnosis', async () => {
    await options.getByLabel('Connections.csv').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(join(ROOT, 'tests/fixtures/connections/connections-2024.csv')),
    });
    await options.getByRole('button', { name: 'Import connections' }).click();
    await options.getByText('Imported connections: 4 added, 0 updated, 0 unchanged.').waitFor();
    // Earlier months' balance and a purpose, from a Kindred file (format 2's optional fields).
    const file = {
      format: 'kindred',
      version: 2,
      purposeStatement: 'Creating a future of work that is more equitable',
      snapshots: [snapshot(monthsAgo(3), 100, 22), snapshot(monthsAgo(2), 100, 26), snapshot(monthsAgo(1), 100, 31)],
      contacts: [],
    };
    await options.getByLabel('Kindred export file (JSON)').setInputFiles({
      name: 'kindred.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText(/^Imported: /).waitFor();

    await options.getByRole('tab', { name: 'Review' }).click();
    const review = options.getByRole('region', { name: 'Guided review' });
    await review.getByText('0 of 4 reviewed').waitFor();
    await review.getByText('Does this connection serve your company, or help you grow and adapt?').waitFor();
    await review.getByRole('heading', { name: 'Anna de Vries' }).waitFor();
    await review.focus();
    await options.keyboard.press('s'); // Shared purpose
    await options.keyboard.press('1'); // Mentor
    await expect
      .poll(() => review.getByRole('button', { name: 'Shared purpose' }).getAttribute('aria-pressed'))
      .toBe('true');
    await options.keyboard.press('n'); // reviewed, next
    await review.getByRole('heading', { name: 'Bram Janssen' }).waitFor();
    await options.keyboard.press('g'); // Gets work done
    await expect
      .poll(() => review.getByRole('button', { name: 'Gets work done' }).getAttribute('aria-pressed'))
      .toBe('true');
    await options.keyboard.press('n');
    await review.getByRole('heading', { name: 'Chloé Martin' }).waitFor();
    await options.keyboard.press('ArrowRight'); // skip
    await review.getByRole('heading', { name: 'Deepa Iyer' }).waitFor();
    await review.getByText('2 of 4 reviewed').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.screenshot({ path: join(SCREENSHOTS, `review-${scheme}.png`), fullPage: true });
    }
    await options.emulateMedia({ colorScheme: 'light' });
    await review.getByRole('button', { name: 'Done for today' }).click();
    const diagnosis = review.getByRole('list', { name: 'Your network in words' });
    await diagnosis.waitFor();
    expect(await diagnosis.textContent()).toContain('Gaps: no way-shower and no community of practice.');
    expect(await diagnosis.textContent()).toContain(
      'Levels of meaning it touches: personal, social; not yet: societal.',
    );

    const stored = await readStoredContacts(kindred!);
    expect(stored['anna-de-vries-1a2b3c']).toMatchObject({ purposes: ['purpose'], relationships: ['mentor'] });
    expect(stored['anna-de-vries-1a2b3c']!.reviewedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(stored.bramjanssen!.reviewedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(stored['chloé-martin']!.reviewedAt).toBeUndefined();
  });

  it('shows the purpose with the people on the mission and the balance over time on the overview', async () => {
    await options.getByRole('tab', { name: 'Overview' }).click();
    const purpose = options.getByRole('region', { name: 'My professional purpose' });
    await purpose.getByText('Creating a future of work that is more equitable').waitFor();
    await purpose.getByText('1 person on your mission').waitFor();
    const editor = options.getByRole('textbox', { name: 'Your professional purpose' });
    await editor.fill('Creating a future of work that is more equitable, at home and overseas');
    await options.getByRole('button', { name: 'Save purpose' }).click();
    await purpose.getByText('Creating a future of work that is more equitable, at home and overseas').waitFor();
    const trend = options.getByRole('table', { name: /^Share of tagged contacts by month/ });
    await trend.waitFor();
    // The three months from the file and this month's, noted once something was tagged.
    await expect.poll(() => trend.locator('tbody tr').count()).toBe(4);
    await options.getByText(/^Since .+, your growth share rose from 22% to 50%\.$/).waitFor();
    expect(await options.getByRole('list', { name: 'Your network in words' }).textContent()).toContain(
      'Gaps: no way-shower and no community of practice.',
    );
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.screenshot({ path: join(SCREENSHOTS, `overview-review-${scheme}.png`), fullPage: true });
    }
    await options.emulateMedia({ colorScheme: 'light' });
    // "Show them": the contacts on the mission.
    await purpose.getByRole('button', { name: 'Show them' }).click();
    await expect.poll(() => options.getByRole('combobox', { name: 'Purpose' }).inputValue()).toBe('purpose');
  });

  it('the popup shows purpose, diagnosis, who is due and the trend within 600 px', async () => {
    // Someone due: a mentor first tagged 200 days ago, never in touch since (a mentor's rhythm is 90 days).
    const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const file = {
      format: 'kindred',
      version: 2,
      contacts: [
        { id: 'old-mentor', name: 'Old Mentor', relationships: ['mentor'], createdAt: longAgo, firstTaggedAt: longAgo },
      ],
    };
    await options.getByRole('tab', { name: 'Import and export' }).click();
    await options.getByLabel('Kindred export file (JSON)').setInputFiles({
      name: 'kindred.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText(/^Imported: 1 added/).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await kindred!.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 360, height: POPUP_HEIGHT });
      await popup.goto(`chrome-extension://${kindred!.extensionId}/popup.html`);
      await popup.locator('.weekly').waitFor();
      const parts = {
        purpose: popup.getByText('Creating a future of work that is more equitable, at home and overseas'),
        mission: popup.getByText('1 person on your mission'),
        diagnosis: popup.locator('.diagnosis-sentence'),
        trend: popup.getByText(/^Since .+, your growth share (rose|fell|stayed)/),
        due: popup.getByRole('heading', { name: 'Keep in touch' }),
        firstDue: popup.locator('.reconnect-list li').first(),
        // Who was tagged this week is counted from `firstTaggedAt`, which keep-in-touch records.
        week: popup.getByText(/^This week: /),
        overview: popup.getByRole('button', { name: 'Open overview' }),
      };
      expect(await parts.diagnosis.textContent()).toContain('no way-shower and no community of practice');
      const below: string[] = [];
      for (const [name, part] of Object.entries(parts)) {
        const bottom = await bottomOf(part);
        if (bottom > POPUP_HEIGHT) below.push(`${name} ends at ${bottom}px`);
      }
      expect(below).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-glance-${scheme}.png`) });
      await popup.close();
    }
  });
});
