import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Kindred,
  ROOT,
  launchKindred,
  openExtensionPage,
  readStoredContacts,
  removeUserDataDir,
} from '../support/harness';

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
}

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
    // The badge itself (an image), not a link whose name includes it.
    if (node.ignored || node.role?.value !== 'image' || !name.startsWith('Kindred: ')) continue;
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
          tooltip: getComputedStyle(this.nextElementSibling).display + ' ' + this.nextElementSibling.textContent,
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

    // Infinite scroll: a card added later gets its badge.
    await page.evaluate(() => {
      const card = document.querySelector('main li')!.cloneNode(true) as HTMLElement;
      for (const a of card.querySelectorAll('a')) if (a.href.includes('/in/ana-silva')) a.href = '/in/late-comer/';
      card.querySelector('[aria-hidden=true]')!.textContent = 'Late Comer';
      card
        .querySelector('[dir]')!
        .parentElement!.querySelectorAll('span[style]')
        .forEach((s) => s.remove());
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
});
