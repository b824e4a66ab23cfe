import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type KindredInFirefox,
  launchKindredInFirefox,
  panelByRole,
  panelStatus,
  pressedState,
  welcomeTab,
} from '../support/firefox';
import { SCREENSHOTS, removeUserDataDir } from '../support/harness';
import { JANE, profilePage } from '../support/pages';

/**
 * The network review (issue 16) in real Firefox (ESR, MV2): installing Kindred opens the welcome, and
 * the popup's glance fits in 600 px. Extension pages cannot be opened by navigation over BiDi; the
 * welcome tab the install opens is one, and from there the popup page is loaded as a link would.
 */

const pages = (url: URL) => (url.pathname.startsWith(`/in/${JANE.id}`) ? profilePage(JANE) : undefined);
/** The bottom of the first element matching `selector` whose text matches, in CSS pixels (-1: none). */
function bottomOf(page: Page, selector: string, text: string): Promise<number> {
  return page.evaluate(
    (selector, text) => {
      const element = [...document.querySelectorAll(selector)].find((e) => e.textContent?.includes(text));
      return element ? element.getBoundingClientRect().bottom : -1;
    },
    selector,
    text,
  );
}

let kindred: KindredInFirefox | undefined;
afterAll(async () => {
  await kindred?.close();
  if (kindred) removeUserDataDir(kindred.userDataDir);
});

describe('the network review in Firefox', () => {
  it('opens the welcome on install, and the popup shows purpose, diagnosis and who is due within 600 px', async () => {
    kindred = await launchKindredInFirefox(pages, undefined, { keepWelcome: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const options = await welcomeTab(kindred.browser);
    await options.waitForSelector('::-p-aria([name="Welcome to Kindred"][role="heading"])');
    expect(await options.$eval('#welcome-heading', (h) => h.parentElement!.textContent)).toContain(
      'Everything stays in this browser',
    );

    // Someone tagged on a profile: a mentor for the person's own growth, never reconnected with since.
    const profile = await kindred.newPage();
    await profile.goto(`https://www.linkedin.com/in/${JANE.id}/`);
    await (await panelByRole(profile, 'button', 'Shared purpose')).click();
    await (await panelByRole(profile, 'button', 'Mentor')).click();
    await expect.poll(() => pressedState(profile, 'Mentor')).toBe('true');
    await expect.poll(() => panelStatus(profile)).toBe('Saved');

    // The purpose, written on the options page.
    await options.bringToFront();
    await options.click('::-p-aria([name="Got it"][role="button"])');
    await options.waitForSelector('#purpose-text');
    const purpose = 'Creating a future of work that is more equitable';
    await options.type('#purpose-text', purpose);
    // Saved once every typed key has reached the field (a busy machine delivers them late).
    await options.waitForFunction(
      (text) => (document.querySelector('#purpose-text') as HTMLTextAreaElement).value === text,
      {},
      purpose,
    );
    await options.click('::-p-aria([name="Save purpose"][role="button"])');
    await options.waitForFunction(
      () => document.querySelector('.purpose-editor [role="status"]')?.textContent === 'Saved.',
    );

    await options.setViewport({ width: 360, height: 600 });
    await options.evaluate(() => location.assign('/popup.html'));
    await options.waitForSelector('.diagnosis-sentence');
    await options.waitForSelector('.weekly');
    const bottoms = {
      purpose: await bottomOf(options, 'p', 'Creating a future of work that is more equitable'),
      mission: await bottomOf(options, 'p', '1 person on your mission'),
      diagnosis: await bottomOf(options, '.diagnosis-sentence', 'no way-shower and no community of practice'),
      due: await bottomOf(options, 'h2', 'Keep in touch'),
      overview: await bottomOf(options, 'button', 'Open overview'),
    };
    for (const [name, bottom] of Object.entries(bottoms)) {
      expect({ name, shown: bottom > 0, withinFold: bottom <= 600 }).toEqual({ name, shown: true, withinFold: true });
    }
    await options.screenshot({ path: join(SCREENSHOTS, 'popup-glance-firefox.png') });
    expect(kindred.outsideRequests).toEqual([]);
  });
});
