import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

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

/** The panel on a profile page (Playwright's locators pierce the open shadow root). */
export function panelOf(page: Page) {
  return page.getByRole('region', { name: 'Kindred' });
}

/** Opens one of the extension's pages (popup.html, options.html) in a tab. */
export async function openExtensionPage(kindred: Kindred, path: string): Promise<Page> {
  const page = await kindred.context.newPage();
  await page.goto(`chrome-extension://${kindred.extensionId}/${path}`);
  return page;
}

/** Reads the stored contacts straight from IndexedDB in the extension's origin (not through Kindred's code). */
export async function readStoredContacts(kindred: Kindred): Promise<Record<string, StoredContact>> {
  const page = await openExtensionPage(kindred, 'popup.html');
  try {
    return await page.evaluate(
      () =>
        new Promise<Record<string, StoredContact>>((resolve, reject) => {
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
        }),
    );
  } finally {
    await page.close();
  }
}

interface StoredContact {
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
