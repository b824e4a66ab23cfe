import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Kindred,
  ROOT,
  SCREENSHOTS,
  launchKindred,
  openExtensionPage,
  panelFrame,
  panelOf,
  readStoredContacts,
  removeUserDataDir,
} from '../support/harness';
import { profilePage } from '../support/pages';

/**
 * Badges on LinkedIn's lists, in Chromium: for every list page (the project's own, and the real ones in
 * ../shared when it is there), three of its people are tagged through an extension page; exactly three
 * badges appear, each beside the right person, named "Kindred: " and the tags' labels.
 */
interface ListPage {
  file: string;
  url: string;
  layout: string;
  people: string[];
  dir: string;
}
const OWN = join(ROOT, 'tests/fixtures/linkedin');
const SHARED = resolve(ROOT, '../shared/fixtures/linkedin');
const load = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'lists.json'), 'utf8')) as { lists: ListPage[] }).lists.map((l) => ({
    ...l,
    dir,
  }));
const sharedExists = existsSync(join(SHARED, 'lists.json'));
if (!sharedExists) console.warn(`lists e2e: real pages skipped, ${join(SHARED, 'lists.json')} is missing`);
const lists = [...load(OWN), ...(sharedExists ? load(SHARED) : [])];

/** Three people of each list, and the tags they get: labels in the panel's order (purposes first). */
const TAGS = [
  { tagIds: ['mentor', 'growth'], name: 'Kindred: Career resilience, Mentor' },
  { tagIds: ['peer'], name: 'Kindred: Peer' },
  { tagIds: ['work'], name: 'Kindred: Gets work done' },
];

let kindred: Kindred;
let served = new Map<string, string>();
beforeAll(async () => {
  kindred = await launchKindred((url) => served.get(url.href));
});
afterAll(async () => {
  await kindred.close();
  removeUserDataDir(kindred.userDataDir);
});

/** Starts from no contacts, then tags `ids[i]` with TAGS[i]. */
async function tag(ids: string[]) {
  const page = await openExtensionPage(kindred, 'options.html');
  await page.evaluate(
    async ({ ids, tags }) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } };
      };
      await chrome.runtime.sendMessage({ type: 'deleteAll' });
      for (const [i, id] of ids.entries())
        for (const tagId of tags[i]!.tagIds) {
          const reply = await chrome.runtime.sendMessage({ type: 'setTag', contactId: id, tagId, on: true });
          if (!reply?.ok) throw new Error(JSON.stringify(reply));
        }
    },
    { ids, tags: TAGS },
  );
  await page.close();
}

interface Badge {
  name: string;
  /** The profile id of the card the badge is in. */
  person: string;
  /** The badge's host in the page (what LinkedIn's scripts can see). */
  hostHtml: string;
  tooltip: string;
  /** The badge's host (so its control) is inside a link. */
  inLink: boolean;
}

/**
 * A badge's tooltip as "block <text>" while it shows, else "none <text>" (evaluated with the control as
 * `this`): the control's ::after, drawn below it (position absolute) while it is hovered or focused, saying
 * the control's name (a browser may report `attr(aria-label)` unresolved).
 */
const TOOLTIP = `(() => {
  const after = getComputedStyle(this, '::after');
  const shown = after.position === 'absolute' && after.content !== 'none';
  const text = shown && !after.content.startsWith('attr(') ? JSON.parse(after.content) : this.getAttribute('aria-label');
  return (shown ? 'block ' : 'none ') + text;
})()`;

/** Every "Kindred: …" node of the accessibility tree (closed shadow roots included), and where it is. */
async function badges(cdp: CDPSession): Promise<Badge[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{
      name?: { value?: string };
      role?: { value?: string };
      backendDOMNodeId?: number;
      ignored?: boolean;
    }>;
  };
  const found: Badge[] = [];
  for (const node of nodes) {
    const name = String(node.name?.value ?? '');
    // The badge itself (a button that opens the tagging popover), not a link whose name includes it.
    if (node.ignored || node.role?.value !== 'button' || !name.startsWith('Kindred: ')) continue;
    if (!node.backendDOMNodeId) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      returnByValue: true,
      functionDeclaration: `function () {
        const host = this.getRootNode().host;
        let at = host;
        while (at && !at.querySelector('a[href*="/in/"]')) at = at.parentElement;
        const href = at.querySelector('a[href*="/in/"]').href;
        return {
          person: decodeURIComponent(new URL(href).pathname.split('/')[2]).toLowerCase(),
          hostHtml: host.outerHTML,
          tooltip: ${TOOLTIP},
          inLink: host.closest('a') !== null,
        };
      }`,
    });
    found.push({ name, ...(result.value as Omit<Badge, 'name'>) });
  }
  return found;
}

/** How many elements of the page look exactly like `html` (the page's own view of Kindred's hosts). */
const countLike = (page: Page, html: string) =>
  page.evaluate((html) => [...document.querySelectorAll('*')].filter((el) => el.outerHTML === html).length, html);

describe('badges on LinkedIn’s lists (Chromium)', () => {
  it.each(lists.map((l) => [`${l.file} (${l.layout})`, l] as const))('%s', async (_, list) => {
    // Three people of the list, spread over it: the first, the last and one in the middle.
    const chosen = [list.people[0]!, list.people[Math.floor(list.people.length / 2)]!, list.people.at(-1)!];
    await tag(chosen);
    served = new Map([[new URL(list.url).href, readFileSync(join(list.dir, list.file), 'utf8')]]);
    const page = await kindred.context.newPage();
    const cdp = await kindred.context.newCDPSession(page);
    await page.goto(list.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await badges(cdp)).length, { timeout: 10_000 }).toBe(3);
    const shown = await badges(cdp);
    expect(
      shown.map(({ person, name }) => ({ person, name })).sort((a, b) => a.person.localeCompare(b.person)),
    ).toEqual(
      chosen.map((person, i) => ({ person, name: TAGS[i]!.name })).sort((a, b) => a.person.localeCompare(b.person)),
    );
    // The page sees the same host on every card, tagged or not: one per listed person, all alike.
    expect(new Set(shown.map((badge) => badge.hostHtml)).size).toBe(1);
    expect(await countLike(page, shown[0]!.hostHtml)).toBe(list.people.length);
    // Never inside a link, tagged or not: the control is no part of the name's link (valid HTML, and a
    // screen reader does not read it out as part of the link).
    expect(shown.filter((badge) => badge.inLink)).toEqual([]);
    expect(
      await page.evaluate(
        (html) => [...document.querySelectorAll('*')].filter((el) => el.outerHTML === html && el.closest('a')).length,
        shown[0]!.hostHtml,
      ),
    ).toBe(0);
    // A list is not a profile, whatever its title says: no panel, nothing stored but the three tagged.
    expect(await page.locator('kindred-panel').count()).toBe(0);
    const stored = Object.keys(await readStoredContacts(kindred));
    expect(stored.sort()).toEqual([...chosen].sort());
    await page.close();
  });

  it('shows the tooltip on focus, badges cards added later, and leaves none behind on a profile', async () => {
    const list = load(OWN)[0]!;
    await tag([list.people[0]!, 'late-comer', list.people[2]!]);
    served = new Map([[new URL(list.url).href, readFileSync(join(list.dir, list.file), 'utf8')]]);
    const page = await kindred.context.newPage();
    const cdp = await kindred.context.newCDPSession(page);
    await page.goto(list.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await badges(cdp)).length, { timeout: 10_000 }).toBe(2);
    const [first] = await badges(cdp);
    expect(first!.tooltip).toBe(`none ${first!.name}`);
    // Keyboard: Tab reaches the badge, and its tooltip says the same as its name.
    await page.keyboard.press('Tab'); // the header's links, then the first card's
    for (let i = 0; i < 10 && !(await badges(cdp)).some((b) => b.tooltip.startsWith('block')); i++)
      await page.keyboard.press('Tab');
    expect((await badges(cdp)).find((b) => b.tooltip.startsWith('block'))?.tooltip).toBe(`block ${first!.name}`);
    // Enter on the badge (a key, no click) opens the tagging popover for that person, on the list.
    await page.keyboard.press('Enter');
    await panelOf(page).getByRole('heading', { name: 'Ana Silva' }).waitFor();
    expect(page.url()).toBe(list.url);
    await expect
      .poll(async () => (await panelFrame(page)).evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Gets work done');
    await page.waitForTimeout(400); // the known issue of keys pressed while the panel opens
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('kindred-panel').count()).toBe(0);

    // Infinite scroll: a card added later gets its badge.
    await page.evaluate(() => {
      const card = document.querySelector('main li')!.cloneNode(true) as HTMLElement;
      for (const a of card.querySelectorAll('a')) if (a.href.includes('/in/ana-silva')) a.href = '/in/late-comer/';
      card.querySelector('[aria-hidden=true]')!.textContent = 'Late Comer';
      // LinkedIn renders a new card from its own template: without the copy of Kindred's host.
      for (const copy of card.querySelectorAll('kindred-mark')) copy.remove();
      document.querySelector('main ul')!.append(card);
    });
    await expect
      .poll(async () => (await badges(cdp)).map((b) => b.person).sort())
      .toEqual(['ana-silva', 'chloé-martin-12ab', 'late-comer'].sort());
    expect((await badges(cdp)).find((b) => b.person === 'late-comer')?.name).toBe('Kindred: Peer');
    const host = (await badges(cdp))[0]!.hostHtml;

    // In-page navigation to a profile: no badge stays; back on the list, each card has one again.
    await page.evaluate(() => history.pushState({}, '', '/in/dev-patel/'));
    await expect.poll(() => countLike(page, host)).toBe(0);
    expect(await badges(cdp)).toEqual([]);
    await page.evaluate(() => history.back());
    await expect.poll(async () => (await badges(cdp)).length).toBe(3);
    expect(await countLike(page, host)).toBe(5);
    await page.close();
  });

  it('shows the badge of a person kept under a new URL on a card that links to their old one', async () => {
    const list = load(OWN)[0]!;
    const old = list.people[0]!;
    // Kept under the URL they have now, known under the card's one (their former id, from a backup).
    const page = await openExtensionPage(kindred, 'options.html');
    const reply = await page.evaluate(async (old) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } };
      };
      await chrome.runtime.sendMessage({ type: 'deleteAll' });
      const file = {
        format: 'kindred',
        version: 2,
        contacts: [{ id: 'moved-on', relationships: ['peer'], formerIds: [old] }],
      };
      return chrome.runtime.sendMessage({ type: 'importKindred', text: JSON.stringify(file), mode: 'merge' });
    }, old);
    expect(reply).toMatchObject({ ok: true });
    await page.close();
    served = new Map([[new URL(list.url).href, readFileSync(join(list.dir, list.file), 'utf8')]]);
    const listPage = await kindred.context.newPage();
    const cdp = await kindred.context.newCDPSession(listPage);
    await listPage.goto(list.url, { waitUntil: 'domcontentloaded' });
    await expect
      .poll(async () => (await badges(cdp)).map(({ person, name }) => ({ person, name })), {
        timeout: 10_000,
      })
      .toEqual([{ person: old, name: 'Kindred: Peer' }]);
    expect(Object.keys(await readStoredContacts(kindred))).toEqual(['moved-on']);
    await listPage.close();
  });
});

/** The centre of the Kindred control named `name` (in its closed shadow root), where a person would click. */
async function controlPoint(cdp: CDPSession, name: string): Promise<{ x: number; y: number }> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ name?: { value?: string }; role?: { value?: string }; backendDOMNodeId?: number }>;
  };
  const node = nodes.find((n) => n.role?.value === 'button' && n.name?.value === name);
  if (!node?.backendDOMNodeId)
    throw new Error(
      `No button "${name}" on the list: ${nodes
        .filter((n) => n.role?.value === 'button')
        .map((n) => n.name?.value)
        .join(' | ')}`,
    );
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId });
  const [x1, y1, , , x3, y3] = model.content;
  return { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
}

/** The name of what has the focus in the page, seen from inside closed shadow roots (as a screen reader does). */
/** The accessible name of what has the focus inside the page's focused Kindred host (a closed shadow root). */
async function focusedName(cdp: CDPSession): Promise<string> {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
  if (!result.objectId) return '';
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId, pierce: true, depth: 1 });
  const root = node.shadowRoots?.[0];
  if (!root) return '';
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  const { result: name } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    returnByValue: true,
    functionDeclaration: `function () { return this.activeElement?.getAttribute('aria-label') ?? '' }`,
  });
  return String(name.value);
}

/**
 * The list as LinkedIn styles it, for the screenshots: its visually hidden "View …'s profile" lines hidden,
 * cards in a column; `dark`: LinkedIn's dark theme.
 */
const styled = (html: string, dark = false) =>
  html.replace(
    /<body[^>]*>/,
    `<body style="margin:0;font:14px/1.4 system-ui,sans-serif;background:${dark ? '#1b1f23;color:#e8e8e8' : '#f4f2ee;color:#191919'}">
    <style>main{width:560px;margin:16px auto}ul{list-style:none;padding:0;background:${dark ? '#1d2226' : '#fff'};border-radius:8px}
    li{padding:12px 16px;border-bottom:1px solid ${dark ? '#38434f' : '#e8e8e8'}}.v4{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
    a{color:inherit}.l3{font-weight:600;text-decoration:none}.c2 img{display:none}</style>`,
  );

describe('tagging from a list (Chromium)', () => {
  const list = load(OWN)[0]!;
  const BART = { id: 'bart-de-vries', name: 'Bart de Vries' };

  it('a card’s control opens the panel over the list; a tag shows on the badge at once and on the profile', async () => {
    await tag([list.people[0]!]);
    served = new Map([
      [new URL(list.url).href, styled(readFileSync(join(list.dir, list.file), 'utf8'))],
      [
        `https://www.linkedin.com/in/${BART.id}/`,
        profilePage({ ...BART, headline: 'Designer', company: 'Atelier', location: 'Utrecht' }),
      ],
    ]);
    const page = await kindred.context.newPage();
    const cdp = await kindred.context.newCDPSession(page);
    await page.goto(list.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await badges(cdp)).length, { timeout: 10_000 }).toBe(1);
    const place = await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().height);

    // The page's own scripts cannot open it: synthetic clicks and keys on every Kindred host do nothing.
    const host = (await badges(cdp))[0]!.hostHtml;
    await page.evaluate((html) => {
      const stay = (event: Event) => event.preventDefault(); // the links around them are not followed
      document.addEventListener('click', stay);
      for (const el of document.querySelectorAll('*'))
        if (el.outerHTML === html) {
          (el as HTMLElement).click();
          el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        }
      document.removeEventListener('click', stay);
    }, host);
    await page.waitForTimeout(300);

    // A person clicks "+ Kindred" on Bart's card: the panel opens over the list, for Bart, with the focus.
    const point = await controlPoint(cdp, `Tag ${BART.name} with Kindred`);
    expect(await page.locator('kindred-panel').count()).toBe(0);
    await page.mouse.move(point.x, point.y);
    await page.mouse.down();
    await page.mouse.up();
    const panel = panelOf(page);
    await panel.getByRole('heading', { name: BART.name }).waitFor();
    expect(page.url()).toBe(list.url); // still on the list
    await expect
      .poll(async () => (await panelFrame(page)).evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Gets work done');
    // Over the list, not in it: LinkedIn's cards do not move.
    expect(await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().height)).toBe(place);
    await page.waitForTimeout(300); // the panel finishes opening (see the keyboard e2e's known issue)
    await page.mouse.move(point.x, point.y);
    await page.screenshot({ path: join(SCREENSHOTS, 'list-light.png') });

    await panel.getByRole('button', { name: 'Mentor', exact: true }).click();
    await expect.poll(async () => (await badges(cdp)).find((b) => b.person === BART.id)?.name).toBe('Kindred: Mentor');
    // Escape closes it and gives the focus back to Bart's control, which now is his badge.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('kindred-panel').count()).toBe(0);
    await expect.poll(() => focusedName(cdp)).toBe('Kindred: Mentor');
    const stored = await readStoredContacts(kindred);
    expect(stored[BART.id]).toMatchObject({ name: BART.name, relationships: ['mentor'] });

    // His profile's panel shows the tag.
    await page.goto(`https://www.linkedin.com/in/${BART.id}/`);
    await expect
      .poll(() => panelOf(page).getByRole('button', { name: 'Mentor', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.close();
  });

  it('the keyboard command opens the panel for the card with the focus, and the tag keys work', async () => {
    await tag([]);
    // LinkedIn in its dark theme.
    served = new Map([[new URL(list.url).href, styled(readFileSync(join(list.dir, list.file), 'utf8'), true)]]);
    const page = await kindred.context.newPage();
    const cdp = await kindred.context.newCDPSession(page);
    await page.goto(list.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => controlPoint(cdp, 'Tag Dev Patel with Kindred').catch(() => null)).not.toBeNull();
    // The person tabs to Dev Patel's card (his name link) and presses the shortcut.
    await page.locator('a[href="https://www.linkedin.com/in/dev-patel/"]').last().focus();
    await page.bringToFront();
    const worker = kindred.context.serviceWorkers()[0]!;
    await worker.evaluate(async () => {
      const { tabs } = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
      const [tab] = await tabs.query({ active: true, currentWindow: true });
      await tabs.sendMessage(tab!.id!, { type: 'focus-panel' });
    });
    const panel = panelOf(page);
    await panel.getByRole('heading', { name: 'Dev Patel' }).waitFor();
    await expect
      .poll(async () => (await panelFrame(page)).evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Gets work done');
    await page.waitForTimeout(400); // the known issue of keys pressed while the panel opens
    await page.keyboard.press('3'); // Peer
    await expect
      .poll(async () => (await badges(cdp)).map((b) => `${b.person} ${b.name}`))
      .toEqual(['dev-patel Kindred: Peer']);
    await page.screenshot({ path: join(SCREENSHOTS, 'list-dark.png') });
    // Tagged elsewhere (the options page, another tab): the list shows it when the person comes back.
    await tag(['ana-silva']);
    await page.bringToFront();
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect
      .poll(async () => (await badges(cdp)).map((b) => `${b.person} ${b.name}`).sort())
      .toEqual(['ana-silva Kindred: Career resilience, Mentor']);
    await page.close();
  });

  it('an open popover shows what the options page changed meanwhile, and so does the card’s badge', async () => {
    await tag([]);
    served = new Map([[new URL(list.url).href, readFileSync(join(list.dir, list.file), 'utf8')]]);
    const page = await kindred.context.newPage();
    const cdp = await kindred.context.newCDPSession(page);
    await page.goto(list.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => controlPoint(cdp, `Tag ${BART.name} with Kindred`).catch(() => null)).not.toBeNull();
    const point = await controlPoint(cdp, `Tag ${BART.name} with Kindred`);
    await page.mouse.move(point.x, point.y);
    await page.mouse.down();
    await page.mouse.up();
    const panel = panelOf(page);
    await panel.getByRole('heading', { name: BART.name }).waitFor();

    // While it is open, Bart is tagged and given a note elsewhere (an extension page, as the options page does).
    const options = await openExtensionPage(kindred, 'options.html');
    await options.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } };
      };
      for (const message of [
        { type: 'setTag', contactId: id, tagId: 'peer', on: true },
        { type: 'setNote', contactId: id, note: 'Tagged on the options page' },
      ]) {
        const reply = await chrome.runtime.sendMessage(message);
        if (!reply?.ok) throw new Error(JSON.stringify(reply));
      }
    }, BART.id);
    await options.close();
    await expect
      .poll(() => panel.getByRole('button', { name: 'Peer', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    await expect
      .poll(() => panel.getByRole('textbox', { name: 'Note' }).inputValue())
      .toBe('Tagged on the options page');
    await expect
      .poll(async () => (await badges(cdp)).map((b) => `${b.person} ${b.name}`))
      .toEqual([`${BART.id} Kindred: Peer`]);
    await page.close();
  });
});
