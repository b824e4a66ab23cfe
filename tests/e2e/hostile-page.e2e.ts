import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kindred, launchKindred, panelOf, readStoredContacts, removeUserDataDir } from '../support/harness';
import { HOSTILE_CSP, SAM_NOTE, SECRETS, TYPED, hostilePage } from '../support/hostile-page';
import { JANE, SAM, profilePage } from '../support/pages';

/**
 * The hostile page (tests/support/hostile-page.ts) in Chromium: the person tags and types with real key
 * presses while the page's own script attacks. The page must learn nothing and change nothing.
 */
let kindred: Kindred;
beforeAll(async () => {
  kindred = await launchKindred((url) => (url.pathname.startsWith(`/in/${SAM.id}`) ? profilePage(SAM) : undefined));
  // Jane's page is the hostile one, served with LinkedIn-like CSP headers (a later route wins).
  await kindred.context.route(`https://www.linkedin.com/in/${JANE.id}/**`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': HOSTILE_CSP },
      body: hostilePage(JANE, kindred.extensionId),
    }),
  );
});
afterAll(async () => {
  await kindred.close();
  removeUserDataDir(kindred.userDataDir);
});

describe('a hostile LinkedIn page', () => {
  it('can neither read, sniff nor drive the panel, and changes nothing in the database', async () => {
    // Sam, tagged with a note on an ordinary page: the hostile page will try to get at it.
    const samPage = await kindred.context.newPage();
    await samPage.goto(`https://www.linkedin.com/in/${SAM.id}/`);
    await panelOf(samPage).getByRole('button', { name: 'Mentor', exact: true }).click();
    await panelOf(samPage).getByRole('textbox', { name: 'Note' }).pressSequentially(SAM_NOTE);
    await panelOf(samPage).getByRole('textbox', { name: 'Note' }).blur();
    await expect.poll(async () => (await readStoredContacts(kindred))[SAM.id]?.note).toBe(SAM_NOTE);
    await samPage.close();
    const samBefore = (await readStoredContacts(kindred))[SAM.id];

    const page = await kindred.context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    await page.goto(`https://www.linkedin.com/in/${JANE.id}/`);
    const panel = panelOf(page);
    // The panel loads under the strict CSP, and the page's script runs (its attacks are logged).
    await panel.getByRole('heading', { name: JANE.name }).waitFor();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __log: string[] }).__log.length))
      .toBeGreaterThan(10);

    // The person tags and types, with real clicks and key presses, while the page attacks.
    await panel.getByRole('button', { name: 'Peer', exact: true }).click();
    await panel.getByRole('textbox', { name: 'Note' }).click();
    await page.keyboard.type(TYPED, { delay: 10 });
    await panel.getByRole('textbox', { name: 'Note' }).blur();
    await expect.poll(async () => (await readStoredContacts(kindred))[JANE.id]?.note).toBe(TYPED);
    // Long enough for many rounds of clicks, forged events and replayed WXT events.
    await page.waitForTimeout(1000);

    // The panel still works after all of it.
    await panel.getByRole('button', { name: 'Mentee', exact: true }).click();
    await expect
      .poll(async () => (await readStoredContacts(kindred))[JANE.id]?.relationships)
      .toEqual(['peer', 'mentee']);
    expect(await panel.getByRole('button', { name: 'Sponsor', exact: true }).getAttribute('aria-pressed')).toBe(
      'false',
    );

    // In-page navigation to another stored profile: the panel follows (inside its frame), the page learns nothing.
    await page.evaluate(() => (window as unknown as { __goTo: (path: string) => void }).__goTo('/in/sam-lee-42/'));
    await panel.getByRole('heading', { name: SAM.name }).waitFor();
    await expect.poll(() => panel.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(SAM_NOTE);
    await page.waitForTimeout(500);

    const log = await page.evaluate(() => (window as unknown as { __log: string[] }).__log);
    const everything = log.join('\n');
    // The page really tried: it saw the host element, was refused the frame, replayed WXT's event.
    expect(everything).toContain('replayed:');
    expect(everything).not.toContain('frame:'.concat(JANE.name));
    // Nothing of what was typed or stored: no keystroke, no note, no tag label.
    const keyEvents = log.filter((entry) => /^(keydown|keypress|keyup|input|beforeinput):/.test(entry));
    expect(keyEvents).toEqual([]);
    for (const secret of SECRETS) {
      expect(everything, secret).not.toContain(secret);
    }
    // The database holds exactly what the person did.
    const stored = await readStoredContacts(kindred);
    expect(stored[JANE.id]).toMatchObject({ purposes: [], relationships: ['peer', 'mentee'], note: TYPED });
    expect(stored[SAM.id]).toEqual(samBefore);
    expect(violations).toEqual([]);
    expect(log.filter((entry) => entry.startsWith('csp:'))).toEqual([]);
    expect(kindred.outsideRequests).toEqual([]);
  });
});
