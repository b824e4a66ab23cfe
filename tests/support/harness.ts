import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserContext, type Frame, type Locator, type Page, chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const TMP = join(ROOT, 'tmp');
/** Where end-to-end tests save screenshots; `npm run screenshots` points it at docs/screenshots for the README. */
export const SCREENSHOTS = resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'tmp/screenshots');

export interface Kindred {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** Every request that tried to leave the machine. */
  outsideRequests: string[];
  close(): Promise<void>;
}

/** Pages answered for linkedin.com URLs, by path (e.g. "/in/jane-doe/"); anything else is a 404. */
export type LinkedInPages = (url: URL) => string | undefined;

/**
 * Runs one of the package's npm scripts as a person would. Vitest sets NODE_ENV=test, and a build under
 * it is a test bundle (larger, with Preact's test hooks): not what `npm run build` or `npm run zip` make.
 */
export function runScript(script: string): void {
  const { NODE_ENV: _, ...env } = process.env;
  execSync(`npm run ${script}`, { cwd: ROOT, stdio: 'ignore', env });
}

export function newUserDataDir(): string {
  mkdirSync(TMP, { recursive: true });
  return mkdtempSync(join(TMP, 'profile-'));
}

/**
 * Starts Debian's Chromium with the built extension, and never lets it reach the network: LinkedIn's
 * pages come from `pages`, everything else gets a 404 and is recorded.
 */
export async function launchKindred(pages: LinkedInPages, userDataDir = newUserDataDir()): Promise<Kindred> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const outsideRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') {
      return route.continue();
    }
    if (url.hostname === 'www.linkedin.com' || url.hostname.endsWith('.linkedin.com')) {
      const html = pages(url);
      if (html !== undefined && route.request().resourceType() === 'document') {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      return route.fulfill({ status: 404, body: '' });
    }
    outsideRequests.push(url.href);
    return route.fulfill({ status: 404, body: '' });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    outsideRequests,
    close: () => context.close(),
  };
}

export function removeUserDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The panel's frame on a profile page: Kindred's own extension page, in an iframe inside a closed
 * shadow root. Playwright's selectors do not pierce closed roots (nor can the page's scripts), so the
 * frame is found among the page's frames by its URL. Waits until the frame is there.
 */
export async function panelFrame(page: Page, timeout = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page
      .frames()
      .find((f) => !f.isDetached() && /^chrome-extension:\/\/[^/]+\/panel\.html/.test(f.url()));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('No Kindred panel frame in the page.');
    await page.waitForTimeout(50);
  }
}

/** Locator methods that narrow a locator (replayed on the current frame); every other method acts. */
const NARROWING = new Set([
  'getByRole',
  'getByText',
  'getByLabel',
  'getByPlaceholder',
  'getByTitle',
  'getByTestId',
  'locator',
  'first',
  'last',
  'nth',
  'filter',
]);

/**
 * The panel on a profile page: the region named "Kindred" inside its frame. Every test finds it here.
 * LinkedIn re-renders the part of the page the panel sits in, and the browser loads a frame that is
 * put back into the page afresh, so a locator bound to one frame would fail with "Frame was
 * detached". This one finds the current panel frame for every action, and acts again on the new frame
 * when the old one went away mid-action.
 */
export function panelOf(page: Page): Locator {
  return panelLocator(page, [{ method: 'getByRole', args: ['region', { name: 'Kindred' }] }]);
}

/** Opens `person`'s profile in a new tab of `kindred` and waits for the panel's tags. */
export async function openProfile(kindred: Kindred, person: { id: string }): Promise<Page> {
  const page = await kindred.context.newPage();
  await page.goto(`https://www.linkedin.com/in/${person.id}/`);
  await panelOf(page).getByRole('button', { name: 'Mentor', exact: true }).waitFor();
  return page;
}

type Step = { method: string; args: unknown[] };

function panelLocator(page: Page, steps: Step[]): Locator {
  return new Proxy({} as Locator, {
    get(_, property) {
      if (typeof property !== 'string' || property === 'then') return undefined;
      if (NARROWING.has(property))
        return (...args: unknown[]) => panelLocator(page, [...steps, { method: property, args }]);
      return async (...args: unknown[]) => {
        const deadline = Date.now() + 30_000;
        for (;;) {
          const frame = await panelFrame(page);
          let locator = frame as unknown as Record<string, (...a: unknown[]) => unknown>;
          for (const step of steps) locator = locator[step.method]!(...step.args) as typeof locator;
          try {
            return await locator[property]!(...args);
          } catch (error) {
            if (!frame.isDetached() || Date.now() > deadline) throw error;
          }
        }
      };
    },
  });
}

/** Opens one of the extension's pages (popup.html, options.html) in a tab. */
export async function openExtensionPage(kindred: Kindred, path: string): Promise<Page> {
  const page = await kindred.context.newPage();
  await page.goto(`chrome-extension://${kindred.extensionId}/${path}`);
  // In front, as the page a person works in is: headless Chromium draws a page behind another one
  // frame a second, and every click (which waits for frames) would take seconds.
  await page.bringToFront();
  return page;
}

/** Reads the stored contacts straight from IndexedDB in the extension's origin (not through Kindred's code). */
export async function readStoredContacts(kindred: Kindred): Promise<Record<string, StoredContact>> {
  const page = await openExtensionPage(kindred, 'popup.html');
  try {
    return await page.evaluate(storedContactsInThisOrigin);
  } finally {
    await page.close();
  }
}

/**
 * Run inside an extension page (Chromium's popup, Firefox's panel frame): every stored contact by id,
 * read with IndexedDB itself, not through Kindred's code. Self-contained: it is serialised into the page.
 */
export function storedContactsInThisOrigin(): Promise<Record<string, StoredContact>> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('kindred');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('contacts').objectStore('contacts').getAll();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        open.result.close();
        resolve(Object.fromEntries((request.result as StoredContact[]).map((c) => [c.id, c])));
      };
    };
  });
}

export interface StoredContact {
  id: string;
  name: string;
  purposes: string[];
  relationships: string[];
  note: string;
  [field: string]: unknown;
}

/**
 * Stops the extension's MV3 service worker on demand, as Chrome does when it has been idle. The
 * DevTools session is opened beforehand so a stop can land in the middle of a tagging action.
 */
export async function serviceWorkerControl(kindred: Kindred) {
  const page = await openExtensionPage(kindred, 'popup.html');
  const cdp = await kindred.context.newCDPSession(page);
  let running = true;
  let onStopped: (() => void) | null = null;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    running = versions.some((v) => v.runningStatus !== 'stopped');
    if (!running) onStopped?.();
  });
  await cdp.send('ServiceWorker.enable');
  return {
    /** Resolves once the worker has stopped (it may be woken again right after by a pending message). */
    async stop() {
      const stopped = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The service worker did not stop.')), 5000);
        onStopped = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      await cdp.send('ServiceWorker.stopAllWorkers');
      if (!running) onStopped?.();
      await stopped;
      onStopped = null;
    },
    async close() {
      await cdp.detach();
      await page.close();
    },
  };
}
