import { type Person, profilePage } from './pages';

/**
 * LinkedIn's page is hostile territory (DESIGN.md): the one hostile profile page both browsers' tests
 * use (tests/e2e/hostile-page.e2e.ts in Chromium, tests/e2e/firefox-hostile-page.e2e.ts in Firefox).
 * It is served with a strict CSP like LinkedIn's, and its own script tries everything a curious page
 * can: it reads every shadow root and frame it can reach, listens to keys and input in the capture
 * phase, clicks and forges events on anything Kindred-looking, posts forged messages to every frame
 * and to the window, replays WXT's "content script started" event, and navigates in-page to another
 * stored profile (`window.__goTo`). Everything it sees is in `window.__log`.
 */
export const NONCE = 'k1ndr3d-test';
export const HOSTILE_CSP = `default-src 'self'; frame-src 'self'; script-src 'nonce-${NONCE}'; style-src 'self' 'unsafe-inline'`;
/** What the person types into Jane's note on the hostile page, and the note Sam already has. */
export const TYPED = 'Typed in private about Jane';
export const SAM_NOTE = 'What I keep about Sam';
/** Everything Kindred shows or stores that the page must never learn. */
export const SECRETS = [
  TYPED,
  SAM_NOTE,
  'Peer',
  'Mentee',
  'Mentor',
  'Career resilience',
  'Gets work done',
  'Way-shower',
];

/**
 * The page's own script: runs in the page's world, as LinkedIn's scripts do. `extensionId` is the one
 * WXT names its events with (`runtime.id`: the Chrome id, the gecko id in Firefox): public anyway.
 */
export const hostileScript = (extensionId: string) => `
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
  // A frame (or anything else) the strict CSP below refuses: the panel must not be one of them.
  document.addEventListener('securitypolicyviolation', (e) => record('csp:' + e.violatedDirective + ':' + e.blockedURI), true);
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
      if (window.navigation) navigation.dispatchEvent(new Event('navigate'));
    } finally {
      forging = false;
    }
  };
  setInterval(attack, 100);
  window.__goTo = (path) => history.pushState({}, '', path);
})();`;

/** `person`'s profile page with the hostile script in it (serve it with HOSTILE_CSP). */
export function hostilePage(person: Person, extensionId: string): string {
  return profilePage(person).replace(
    '</body>',
    `<script nonce="${NONCE}">${hostileScript(extensionId)}</script></body>`,
  );
}
