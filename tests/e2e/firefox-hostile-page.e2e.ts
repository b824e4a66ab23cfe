import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GECKO_ID,
  type KindredInFirefox,
  PANEL_URL,
  launchKindredInFirefox,
  panelByRole,
  panelField,
  pressedState,
  readStoredContacts,
} from '../support/firefox';
import { removeUserDataDir } from '../support/harness';
import { HOSTILE_CSP, SAM_NOTE, SECRETS, TYPED, hostilePage } from '../support/hostile-page';
import { JANE, SAM, profilePage } from '../support/pages';

/**
 * The hostile page (tests/support/hostile-page.ts) in Firefox ESR, the MV2 build: the same page, the
 * same strict CSP, the same attacks and the same checks as in Chromium (tests/e2e/hostile-page.e2e.ts).
 * In Firefox the panel page is web-accessible to every site and its address is fixed per installation,
 * so this is also where the frame's token has to hold up.
 */
let kindred: KindredInFirefox;
beforeAll(async () => {
  kindred = await launchKindredInFirefox((url) => {
    if (url.pathname.startsWith(`/in/${SAM.id}`)) return profilePage(SAM);
    // Jane's page is the hostile one, served with LinkedIn-like CSP headers.
    if (url.pathname.startsWith(`/in/${JANE.id}`))
      return { body: hostilePage(JANE, GECKO_ID), headers: { 'content-security-policy': HOSTILE_CSP } };
    return undefined;
  });
});
afterAll(async () => {
  await kindred?.close();
  if (kindred) removeUserDataDir(kindred.userDataDir);
});

const pageLog = (page: Awaited<ReturnType<KindredInFirefox['newPage']>>) =>
  page.evaluate(() => (window as unknown as { __log: string[] }).__log);

describe('a hostile LinkedIn page, in Firefox', () => {
  it('can neither read, sniff nor drive the panel, and changes nothing in the database', async () => {
    // Sam, tagged with a note on an ordinary page: the hostile page will try to get at it.
    const samPage = await kindred.newPage();
    await samPage.goto(`https://www.linkedin.com/in/${SAM.id}/`);
    await (await panelByRole(samPage, 'button', 'Mentor')).click();
    const samNote = await panelField(samPage, 'Note');
    await samNote.type(SAM_NOTE);
    await samNote.evaluate((field) => field.blur());
    await expect.poll(async () => (await readStoredContacts(samPage))[SAM.id]?.note).toBe(SAM_NOTE);
    const samBefore = (await readStoredContacts(samPage))[SAM.id];
    await samPage.close();

    const page = await kindred.newPage();
    await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
    // The panel loads under the strict CSP, and the page's script runs (its attacks are logged).
    await panelByRole(page, 'heading', JANE.name);
    await expect.poll(async () => (await pageLog(page)).length).toBeGreaterThan(10);

    // The person tags and types, with real clicks and key presses, while the page attacks.
    await (await panelByRole(page, 'button', 'Peer')).click();
    await (await panelField(page, 'Note')).click();
    await page.keyboard.type(TYPED, { delay: 10 });
    await (await panelField(page, 'Note')).evaluate((field) => field.blur());
    await expect.poll(async () => (await readStoredContacts(page))[JANE.id]?.note).toBe(TYPED);
    // Long enough for many rounds of clicks, forged events and replayed WXT events.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // The panel still works after all of it.
    await (await panelByRole(page, 'button', 'Mentee')).click();
    await expect.poll(async () => (await readStoredContacts(page))[JANE.id]?.relationships).toEqual(['peer', 'mentee']);
    expect(await pressedState(page, 'Sponsor')).toBe('false');

    // In-page navigation to another stored profile: the panel follows (inside its frame), the page learns nothing.
    await page.evaluate(
      (path) => (window as unknown as { __goTo: (path: string) => void }).__goTo(path),
      `/in/${SAM.id}/`,
    );
    await panelByRole(page, 'heading', SAM.name);
    await expect.poll(async () => (await panelField(page, 'Note')).evaluate((field) => field.value)).toBe(SAM_NOTE);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const log = await pageLog(page);
    const everything = log.join('\n');
    // The page really tried: it was refused the frame, and replayed WXT's event.
    expect(everything).toContain('replayed:');
    expect(everything).not.toContain('frame:'.concat(JANE.name));
    // Nothing of what was typed or stored: no keystroke, no note, no tag label.
    const keyEvents = log.filter((entry) => /^(keydown|keypress|keyup|input|beforeinput):/.test(entry));
    expect(keyEvents).toEqual([]);
    for (const secret of SECRETS) {
      expect(everything, secret).not.toContain(secret);
    }
    // The database holds exactly what the person did.
    const stored = await readStoredContacts(page);
    expect(stored[JANE.id]).toMatchObject({ purposes: [], relationships: ['peer', 'mentee'], note: TYPED });
    expect(stored[SAM.id]).toEqual(samBefore);
    // Nothing was refused by the page's CSP: the panel's frame loaded under it.
    expect(log.filter((entry) => entry.startsWith('csp:'))).toEqual([]);
    expect(kindred.outsideRequests).toEqual([]);
  });

  it('serves nothing to a frame of panel.html that Kindred did not make (Firefox lets any page frame it)', async () => {
    const page = await kindred.newPage();
    await page.goto(`https://www.linkedin.com/in/${SAM.id}/`);
    await panelByRole(page, 'heading', SAM.name);
    // The page learned the add-on's address from the origin of the panel's messages. It frames the panel
    // itself, with a token of the right form (a guess), and asks it to show the tab's profile as Kindred's
    // content script would.
    const forgedUrl = `${PANEL_URL}#${'0'.repeat(32)}`;
    await page.evaluate((src) => {
      const forged = document.createElement('iframe');
      forged.src = src;
      forged.onload = () => {
        for (const delay of [0, 300, 600])
          setTimeout(
            () =>
              forged.contentWindow!.postMessage({ kindred: 'view', dark: false, floating: false, reading: false }, '*'),
            delay,
          );
      };
      document.body.append(forged);
    }, forgedUrl);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const seen: string[] = [];
    for (const frame of page.frames()) {
      const here = await frame
        .evaluate(() => ({ href: location.href, text: document.body?.textContent ?? '' }))
        .catch(() => null);
      if (here?.href === forgedUrl) seen.push(here.text);
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toContain(SAM.name);
    expect(seen[0]).not.toContain(SAM_NOTE);
    expect(seen[0]).not.toContain('Mentor');
    // Kindred's own frame still shows Sam.
    await panelByRole(page, 'heading', SAM.name);
    await page.close();
  });
});
