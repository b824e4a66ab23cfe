import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type ElementHandle, type Frame, type HTTPRequest, type Page, launch } from 'puppeteer-core';
import { ROOT, type StoredContact, TMP, newUserDataDir, storedContactsInThisOrigin } from './harness';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
/** The add-on id in the Firefox manifest (wxt.config.ts). */
export const GECKO_ID = 'kindred@kindred-network.org';
/**
 * Firefox gives every add-on a random moz-extension:// host per profile; the pref below fixes it, so the
 * extension's pages and the panel's frame have a known URL.
 */
export const EXTENSION_UUID = '6b1d4b8e-4c1a-4f5e-9a43-8d0c2f7e5a10';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** A fixture page, or one served with its own headers (a strict CSP like LinkedIn's). */
export type FixturePage = string | { body: string; headers: Record<string, string> };
/** Pages answered for linkedin.com URLs; anything else is a 404. */
export type FirefoxPages = (url: URL) => FixturePage | undefined;

export interface KindredInFirefox {
  browser: Browser;
  userDataDir: string;
  /** Every request that tried to leave the machine. */
  outsideRequests: string[];
  /** A new tab whose requests are all answered locally (LinkedIn's from the fixture pages, others 404). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Debian's Firefox ESR headless over WebDriver BiDi (puppeteer-core, no geckodriver, nothing
 * downloaded) with `.output/firefox-mv2` installed as a temporary add-on, as `about:debugging` would.
 * Like the Chromium harness it never lets a page reach the network: LinkedIn's pages come from `pages`,
 * every other http(s) request gets a 404 and is recorded.
 */
export async function launchKindredInFirefox(
  pages: FirefoxPages,
  userDataDir = newUserDataDir(),
  {
    keepWelcome = false,
    prefs = {},
  }: {
    keepWelcome?: boolean;
    /** More Firefox prefs for this profile (a test's colour scheme, say); Kindred's own UUID pref stays. */
    prefs?: Record<string, unknown>;
  } = {},
): Promise<KindredInFirefox> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${FIREFOX_EXTENSION_DIR} is missing: run \`npm run build:firefox\` first.`);
  }
  // Firefox writes temporary files (media cache, downloads in progress) under TMPDIR: keep them in tmp/ too.
  mkdirSync(TMP, { recursive: true });
  const tmpDir = mkdtempSync(join(TMP, 'firefox-tmp-'));
  const browser = await launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir,
    defaultViewport: { width: 1280, height: 800 },
    env: { ...process.env, TMPDIR: tmpDir },
    extraPrefsFirefox: {
      ...prefs,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  }).catch((error: unknown) => {
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  });

  const outsideRequests: string[] = [];
  const answer = (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return request.continue();
    if (url.hostname === 'www.linkedin.com' || url.hostname.endsWith('.linkedin.com')) {
      const fixture = request.isNavigationRequest() ? pages(url) : undefined;
      if (fixture !== undefined) {
        const { body, headers } = typeof fixture === 'string' ? { body: fixture, headers: {} } : fixture;
        return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers, body });
      }
      return request.respond({ status: 404, body: '' });
    }
    outsideRequests.push(url.href);
    return request.respond({ status: 404, body: '' });
  };
  // Interception in BiDi belongs to one tab: every tab gets it, including ones the extension opens itself.
  // Both newPage() and the targetcreated event guard a new tab: they share one promise, so neither goes on
  // before the interception is in place.
  const guarded = new WeakMap<Page, Promise<void>>();
  const guard = (page: Page) => {
    let ready = guarded.get(page);
    if (!ready) {
      // A page closed while its requests are still arriving (a real list page asks for many images): those
      // requests cannot be answered any more, and that is no failure.
      page.on('request', (request) => void (async () => answer(request))().catch(() => undefined));
      ready = page.setRequestInterception(true);
      guarded.set(page, ready);
    }
    return ready;
  };
  browser.on('targetcreated', (target) => {
    void target
      .page()
      .then((page) => page && guard(page))
      .catch(() => undefined);
  });

  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    // A first install opens the welcome in a tab of its own, which takes the focus from the test's tab
    // whenever it comes: closed here unless the test is about it (firefox-network-review.e2e.ts).
    if (!keepWelcome) await closeWelcome(browser);
  } catch (error) {
    await browser.close();
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }

  return {
    browser,
    userDataDir,
    outsideRequests,
    async newPage() {
      const page = await browser.newPage();
      await guard(page);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}

/** Waits a few seconds for the first run's welcome tab and closes it; an add-on installed again opens none. */
async function closeWelcome(browser: Browser): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === `${EXTENSION_ORIGIN}/options.html#welcome`) return page.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The panel page's address in this profile (the UUID is fixed by the pref above). */
export const PANEL_URL = `${EXTENSION_ORIGIN}/panel.html`;

/**
 * The frame of the panel page in a LinkedIn tab. The content script puts it in a closed shadow root,
 * so no selector from the page reaches it; over BiDi puppeteer lists the frame with the URL about:blank
 * (the extension page is loaded into it afterwards), so each frame is asked where it really is.
 */
export async function panelFrame(page: Page, timeout = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.detached) continue;
      // A frame being replaced or still loading answers with an error or about:blank: look again.
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(PANEL_URL)) return frame;
    }
    if (Date.now() > deadline) throw new Error('No Kindred panel frame in the page.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The panel's region on a profile page: the one place that knows where the panel lives (inside its
 * extension-origin frame). The lookups below all start from the handle it returns, and run in that
 * handle's frame. A frame that is reloaded while it is awaited (the browser reloads an iframe that is
 * moved in the DOM) is looked up again.
 */
export async function panelIn(page: Page, timeout = 10_000): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await panelFrame(page, Math.max(deadline - Date.now(), 0));
    try {
      const region = await frame.waitForSelector('[role="region"][aria-label="Kindred"]', {
        timeout: Math.max(deadline - Date.now(), 0),
      });
      if (region) return region;
    } catch (error) {
      if (!frame.detached || Date.now() > deadline) throw error;
    }
  }
}

/** An element of the panel by role and accessible name, as assistive technology finds it. */
export async function panelByRole(page: Page, role: string, name: string, timeout = 10_000) {
  const panel = await panelIn(page, timeout);
  const found = await panel.waitForSelector(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`, { timeout });
  if (!found) throw new Error(`No ${role} "${name}" in the panel.`);
  return found;
}

/** How many elements of the panel have this role and name (0 when it shows someone else). */
export async function countInPanel(page: Page, role: string, name: string): Promise<number> {
  const panel = await panelIn(page);
  return (await panel.$$(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`)).length;
}

/** Whether a tag toggle shows as on: "true" or "false", as a screen reader announces it. */
export async function pressedState(page: Page, tag: string): Promise<string | null> {
  return (await panelByRole(page, 'button', tag)).evaluate((button) => button.getAttribute('aria-pressed'));
}

/**
 * A form field of the panel by the text of its <label>. Firefox's accessibility locator over BiDi does not
 * name a textarea by its wrapping label (Playwright in Chromium does), so this reads the label as a person does.
 */
export async function panelField(
  page: Page,
  label: string,
): Promise<ElementHandle<HTMLTextAreaElement | HTMLInputElement>> {
  const panel = await panelIn(page);
  const field = await panel.frame.waitForFunction(
    (region, wanted) => {
      for (const element of region.querySelectorAll('label')) {
        const control = element.control;
        const text = [...element.childNodes]
          .filter((node) => node !== control)
          .map((node) => node.textContent)
          .join('');
        if (control && text.trim() === wanted) return control;
      }
      return null;
    },
    {},
    panel,
    label,
  );
  const element = field.asElement();
  if (!element) throw new Error(`No field labelled "${label}" in the panel.`);
  return element as ElementHandle<HTMLTextAreaElement | HTMLInputElement>;
}

/** What the panel's status line says ("Saved", "Saving…", an error), or '' when it says nothing. */
export async function panelStatus(page: Page): Promise<string> {
  const panel = await panelIn(page);
  return panel.$eval('::-p-aria([role="status"])', (status) => status.textContent?.trim() ?? '');
}

/**
 * Every stored contact by id, read from the database in the extension's origin. Extension pages cannot be
 * opened by navigation over BiDi, but the panel's frame is one: the test reads there as the popup would
 * (a page's script cannot: the frame is cross-origin to it). `page` must show a panel.
 */
export async function readStoredContacts(page: Page): Promise<Record<string, StoredContact>> {
  const frame = await panelFrame(page);
  return frame.evaluate(storedContactsInThisOrigin);
}

/** What is inside one of Kindred's closed shadow hosts on a list's card (read as the browser's automation can). */
export interface ListHost {
  /** The profile id of the card's person (its first /in/ link). */
  person: string;
  /** The control's accessible name: "Kindred: <labels>" on a badge, "Tag <name> with Kindred" otherwise. */
  name: string;
  /** "block" while the tooltip shows (else "none"), then its text. */
  tooltip: string;
  /** The host as the page sees it. */
  hostHtml: string;
  /** Where a person clicks to activate the control (the host's centre, in the viewport). */
  point: { x: number; y: number };
  /** The control has the focus. */
  focused: boolean;
  /** The host (so the control) is inside a link: it must never be (invalid, and read out as the link's). */
  inLink: boolean;
}

/**
 * Every closed shadow host on a list page, and what its root holds. Neither the page's scripts nor
 * Puppeteer's selectors reach into a closed root, but WebDriver BiDi serializes a node's shadow root,
 * closed ones too, with an id a function can be called with: as close as this harness gets to what a
 * screen reader is told.
 */
export async function listHosts(page: Page): Promise<ListHost[]> {
  type Remote = { value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } } };
  const realm = (
    page.mainFrame() as unknown as {
      browsingContext: {
        defaultRealm: {
          callFunction(
            fn: string,
            awaitPromise: boolean,
            options: object,
          ): Promise<{ type: string; result?: { type: string; value?: unknown } }>;
        };
      };
    }
  ).browsingContext.defaultRealm;
  const found: ListHost[] = [];
  for (const handle of await page.$$('kindred-mark')) {
    const root = (handle as unknown as { remoteValue(): Remote }).remoteValue().value?.shadowRoot;
    if (root?.value?.mode !== 'closed' || !root.sharedId) continue;
    const result = await realm.callFunction(
      `function (root) {
        const control = root.querySelector('button');
        // The tooltip is the control's ::after while it is hovered or focused (tests/e2e/lists.e2e.ts's TOOLTIP).
        const after = control && getComputedStyle(control, '::after');
        const shown = after && after.position === 'absolute' && after.content !== 'none';
        const host = root.host;
        let at = host;
        while (at && !at.querySelector('a[href*="/in/"]')) at = at.parentElement;
        const box = host.getBoundingClientRect();
        return JSON.stringify({
          person: decodeURIComponent(new URL(at.querySelector('a[href*="/in/"]').href).pathname.split('/')[2]).toLowerCase(),
          name: control ? control.getAttribute('aria-label') : '',
          tooltip: control
            ? (shown ? 'block ' : 'none ') +
              (shown && !after.content.startsWith('attr(') ? JSON.parse(after.content) : control.getAttribute('aria-label'))
            : '',
          hostHtml: host.outerHTML,
          point: { x: box.left + box.width / 2, y: box.top + box.height / 2 },
          focused: document.activeElement === host && root.activeElement === control,
          inLink: host.closest('a') !== null,
        });
      }`,
      false,
      { arguments: [{ sharedId: root.sharedId }] },
    );
    if (result.result?.type !== 'string') throw new Error(`Could not read a Kindred host: ${JSON.stringify(result)}`);
    found.push(JSON.parse(String(result.result.value)) as ListHost);
  }
  return found;
}

/**
 * The options page the install opened on its welcome (launch with `keepWelcome`): the one extension page a
 * test can reach in Firefox, where extension pages cannot be opened by navigation over BiDi. Puppeteer may
 * list it as about:blank, so each tab is asked where it really is.
 */
export async function welcomeTab(browser: Browser, timeout = 10_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === `${EXTENSION_ORIGIN}/options.html#welcome`) return page;
    }
    if (Date.now() > deadline) throw new Error('The install opened no welcome tab.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
