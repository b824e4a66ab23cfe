import { afterAll, describe, expect, it } from 'vitest';
import {
  type KindredInFirefox,
  countInPanel,
  launchKindredInFirefox,
  panelByRole,
  panelField,
  panelStatus,
  pressedState,
} from '../support/firefox';
import { newUserDataDir, removeUserDataDir } from '../support/harness';
import { FEED_PAGE, JANE, type Person, SAM, profilePage, topCard } from '../support/pages';

// The same LinkedIn-like pages the Chromium tests use.
const people = new Map<string, Person>([JANE, SAM].map((p) => [p.id, p]));
const pages = (url: URL) => {
  if (url.pathname.startsWith('/feed')) return FEED_PAGE;
  const id = /^\/in\/([^/]+)/.exec(url.pathname)?.[1];
  const p = id ? people.get(id) : undefined;
  return p ? profilePage(p) : undefined;
};

const userDataDir = newUserDataDir();
afterAll(() => removeUserDataDir(userDataDir));

/** Runs `steps` in Firefox on the shared profile folder and always closes it. */
async function withFirefox(steps: (kindred: KindredInFirefox) => Promise<void>) {
  const kindred = await launchKindredInFirefox(pages, userDataDir);
  try {
    await steps(kindred);
    expect(kindred.outsideRequests).toEqual([]);
  } finally {
    await kindred.close();
  }
}

describe('Kindred in real Firefox (ESR, the MV2 build)', () => {
  it('tags a profile and keeps the tags and the note across a reload, then follows in-page navigation', () =>
    withFirefox(async (kindred) => {
      const page = await kindred.newPage();
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      await panelByRole(page, 'heading', JANE.name);
      await expect.poll(() => pressedState(page, 'Mentor')).toBe('false');

      await (await panelByRole(page, 'button', 'Mentor')).click();
      await (await panelByRole(page, 'button', 'Career resilience')).click();
      await expect.poll(() => pressedState(page, 'Mentor')).toBe('true');
      await expect.poll(() => pressedState(page, 'Career resilience')).toBe('true');
      await expect.poll(() => panelStatus(page)).toBe('Saved');

      // Leaving the field saves the note at once (typing alone saves after a pause).
      await (await panelField(page, 'Note')).type('Met at the flex conference in London');
      await page.keyboard.press('Tab');
      await expect.poll(() => panelStatus(page)).toBe('Saved');

      await page.reload();
      await panelByRole(page, 'heading', JANE.name);
      await expect.poll(() => pressedState(page, 'Mentor')).toBe('true');
      await expect.poll(() => pressedState(page, 'Career resilience')).toBe('true');
      await expect.poll(() => pressedState(page, 'Gets work done')).toBe('false');
      await expect
        .poll(async () => (await panelField(page, 'Note')).evaluate((field) => field.value))
        .toBe('Met at the flex conference in London');

      // LinkedIn moves to another profile without loading a page: new URL first, the new top card after.
      await page.evaluate(
        ({ id, html, title }) => {
          history.pushState({}, '', `/in/${id}/`);
          document.title = title;
          document.querySelector('main')!.innerHTML = html;
        },
        { id: SAM.id, html: topCard(SAM), title: `${SAM.name} | LinkedIn` },
      );
      await panelByRole(page, 'heading', SAM.name);
      expect(await countInPanel(page, 'heading', JANE.name)).toBe(0);
      await expect.poll(() => pressedState(page, 'Mentor')).toBe('false');
      await expect.poll(() => pressedState(page, 'Career resilience')).toBe('false');
      await expect.poll(async () => (await panelField(page, 'Note')).evaluate((field) => field.value)).toBe('');
    }));

  it('still has the tags after Firefox restarts and the add-on is installed again', () =>
    withFirefox(async (kindred) => {
      const page = await kindred.newPage();
      await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      await panelByRole(page, 'heading', JANE.name);
      await expect.poll(() => pressedState(page, 'Mentor')).toBe('true');
      await expect
        .poll(async () => (await panelField(page, 'Note')).evaluate((field) => field.value))
        .toBe('Met at the flex conference in London');
    }));
});
