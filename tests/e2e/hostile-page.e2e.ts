import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kindred, launchKindred, panelOf, readStoredContacts, removeUserDataDir } from '../support/harness';
import { JANE, SAM, profilePage } from '../support/pages';

/**
 * LinkedIn's page is hostile territory (DESIGN.md). This profile page is served with a strict CSP like
 * LinkedIn's, and its own script tries everything a curious page can: it reads every shadow root and
 * frame it can reach, listens to keys and input in the capture phase, clicks and forges events on
 * anything Kindred-looking, posts forged messages to every frame and to the window, replays WXT's
 * "content script started" event, and navigates in-page to another stored profile. The person tags
 * and types with real key presses. The page must learn nothing and change nothing.
 */
const NONCE = 'k1ndr3d-test';
const CSP = `default-src 'self'; frame-src 'self'; script-src 'nonce-${NONCE}'; style-src 'self' 'unsafe-inline'`;
const TYPED = 'Typed in private about Jane';
const SAM_NOTE = 'What I keep about Sam';

/** The page's own script: runs in the page's world, as LinkedIn's scripts do. */
const hostileScript = (extensionId: string) => `
(() => {
  const log = (window.__log = []);
  let forging = false;
  const record = (entry) => log.push(entry);
  for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput']) {
    for (const target of [window, document]) {
      target.addEventListener(type, (e) => forging || record(type + ':' + (e.key ?? e.data ?? '') + ':' + (e.target && e.target.tagName)), true);
    }
  }
  // WXT announces its content scripts by postMessage; the extension id is public anyway.
  const names = new Set(['${extensionId}:linkedin:wxt:content-script-started']);
  window.addEventListener('message', (e) => {
    record('message:' + e.origin + ':' + JSON.stringify(e.data));
    const type = e.data && e.data.type;
    if (typeof type === 'string' && type.endsWith(':wxt:content-script-started')) names.add(type);
  }, true);
  const texts = (root, found) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { found.push('shadow:' + el.shadowRoot.textContent); texts(el.shadowRoot, found); }
      if (el.tagName === 'IFRAME') {
        try { const d = el.contentDocument; if (d) { found.push('frame:' + d.documentElement.textContent); texts(d, found); } }
        catch (e) { found.push('frame-blocked:' + e.name); }
      }
    }
    return found;
  };
  const attack = () => {
    forging = true;
    try {
      record('read:' + texts(document, []).join('|'));
      for (let i = 0; i < window.frames.length; i++) {
        const frame = window.frames[i];
        try { record('window-frame:' + frame.document.documentElement.textContent); } catch (e) { record('window-frame-blocked:' + e.name); }
        for (const message of [
          { kindred: 'view', dark: true, floating: true, reading: true },
          { type: 'set-tag', contactId: 'jane-doe', tagId: 'sponsor', on: true },
          { type: 'set-note', contactId: 'jane-doe', note: 'written by the page' },
          { type: 'focus-panel' },
        ]) frame.postMessage(message, '*');
      }
      window.postMessage({ kindred: 'height', height: 3 }, '*');
      window.postMessage({ kindred: 'announce' }, '*');
      window.postMessage({ kindred: 'ready' }, '*');
      for (const el of document.querySelectorAll('kindred-panel, kindred-panel *, iframe, [aria-label*="Kindred"]')) {
        el.click();
        el.focus && el.focus();
        el.dispatchEvent(new KeyboardEvent('keydown', { key: '7', bubbles: true, composed: true }));
        el.dispatchEvent(new InputEvent('input', { data: 'written by the page', bubbles: true, composed: true }));
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
      for (const name of names) {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'linkedin', messageId: 'page' } }));
        record('replayed:' + name);
      }
      navigation.dispatchEvent(new Event('navigate'));
    } finally {
      forging = false;
    }
  };
  setInterval(attack, 100);
  window.__goTo = (path) => history.pushState({}, '', path);
})();`;

let kindred: Kindred;
beforeAll(async () => {
  kindred = await launchKindred((url) => (url.pathname.startsWith(`/in/${SAM.id}`) ? profilePage(SAM) : undefined));
  // Jane's page is the hostile one, served with LinkedIn-like CSP headers (a later route wins).
  await kindred.context.route(`https://www.linkedin.com/in/${JANE.id}/**`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
      body: profilePage(JANE).replace(
        '</body>',
        `<script nonce="${NONCE}">${hostileScript(kindred.extensionId)}</script></body>`,
      ),
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
    for (const secret of [
      TYPED,
      SAM_NOTE,
      'Peer',
      'Mentee',
      'Mentor',
      'Career resilience',
      'Gets work done',
      'Way-shower',
    ]) {
      expect(everything, secret).not.toContain(secret);
    }
    // The database holds exactly what the person did.
    const stored = await readStoredContacts(kindred);
    expect(stored[JANE.id]).toMatchObject({ purposes: [], relationships: ['peer', 'mentee'], note: TYPED });
    expect(stored[SAM.id]).toEqual(samBefore);
    expect(violations).toEqual([]);
    expect(kindred.outsideRequests).toEqual([]);
  });
});
