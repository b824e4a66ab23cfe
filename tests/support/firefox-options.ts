import type { ElementHandle, Page } from 'puppeteer-core';
import { storedContactsInThisOrigin, type StoredContact } from './harness';
import { EXTENSION_ORIGIN, type KindredInFirefox, panelFrame } from './firefox';

/**
 * Kindred's options page in Firefox. Extension pages cannot be opened by navigation over BiDi, and the
 * panel's frame (an extension page inside `linkedInPage`, a profile page that shows the panel) has no
 * `runtime.openOptionsPage`; so a link to the options page is put into that frame and clicked (a real
 * click: Firefox lets a click open a tab), and the page opens in a tab of its own.
 */
export async function openOptionsInFirefox(kindred: KindredInFirefox, linkedInPage: Page): Promise<Page> {
  const frame = await panelFrame(linkedInPage);
  const url = `${EXTENSION_ORIGIN}/options.html#data`;
  const link = await frame.evaluateHandle((href) => {
    const a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.textContent = 'Kindred options';
    a.style.cssText = 'position:fixed;inset:0;z-index:99999;background:white';
    document.body.append(a);
    return a;
  }, url);
  await (link as ElementHandle<HTMLAnchorElement>).click();
  await (link as ElementHandle<HTMLAnchorElement>).evaluate((a) => a.remove());
  const page = await optionsTab(kindred);
  await (await byRole(page, 'tab', 'Import and export')).click();
  return page;
}

/**
 * The tab that shows the options page. Over BiDi puppeteer lists an extension page's tab with the URL
 * about:blank (as it does the panel's frame), so each tab is asked where it really is.
 */
async function optionsTab(kindred: KindredInFirefox, timeout = 15_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const page of await kindred.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${EXTENSION_ORIGIN}/options.html`)) return page;
    }
    if (Date.now() > deadline) throw new Error('The options page did not open.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An element by role and accessible name, as assistive technology finds it. */
export async function byRole(page: Page, role: string, name: string, timeout = 30_000): Promise<ElementHandle> {
  const found = await page.waitForSelector(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`, { timeout });
  if (!found) throw new Error(`No ${role} "${name}".`);
  return found;
}

/** Waits until the page shows `text` (part of its visible text). */
export async function waitForText(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((wanted) => document.body.innerText.includes(wanted), { timeout }, text);
}

/** Chooses a file in the file field labelled `label` (a `<label>` wrapping the input). */
export async function chooseFile(page: Page, label: string, path: string): Promise<void> {
  const handle = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === wanted)?.querySelector('input'),
    {},
    label,
  );
  await (handle.asElement() as ElementHandle<HTMLInputElement>).uploadFile(path);
}

/**
 * From now on, a file the page downloads is kept for the test instead of going to Firefox's download
 * folder (headless Firefox has no dialog to answer): `downloaded(page)` gives the last one's name and text.
 */
export async function keepDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __blobs: Blob[]; __names: string[] };
    w.__blobs = [];
    w.__names = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) w.__blobs.push(blob);
      return create(blob);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.download) return click.call(this);
      w.__names.push(this.download);
    };
  });
}

export async function downloaded(page: Page): Promise<{ name: string; text: string }> {
  await page.waitForFunction(() => (window as unknown as { __names: string[] }).__names.length > 0);
  return page.evaluate(async () => {
    const w = window as unknown as { __blobs: Blob[]; __names: string[] };
    return { name: w.__names.at(-1)!, text: await w.__blobs.at(-1)!.text() };
  });
}

/** Every stored contact, read with IndexedDB itself in the options page (the extension's origin). */
export function storedContacts(page: Page): Promise<Record<string, StoredContact>> {
  return page.evaluate(storedContactsInThisOrigin);
}

/** Sends one message to Kindred's background as the options page would, and fails on an error reply. */
export async function sendFromPage(page: Page, message: object): Promise<unknown> {
  return page.evaluate(async (m) => {
    const runtime = (
      globalThis as unknown as {
        browser: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };
      }
    ).browser.runtime;
    const reply = await runtime.sendMessage(m);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }, message);
}
