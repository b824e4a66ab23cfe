import type { CDPSession, Page } from 'playwright-core';
import { type Kindred, openExtensionPage } from '../tests/support/harness';
import { RUNS, figures, median } from './figures';

/**
 * A LinkedIn list page (people search, Ember-like markup as in tests/fixtures/linkedin/list-search.html):
 * 100 cards, every tenth person tagged; then infinite scroll adds 10 cards (one of them tagged), which are
 * taken away again after each measurement. Measured with and
 * without Kindred in the same run (the same page at a host the content script does not match):
 * - Kindred's main-thread time per 10 new cards: the renderer's main-thread task time (CDP's TaskDuration,
 *   which includes the content script's isolated world) from appending 10 cards until their badges are
 *   drawn, with Kindred minus without;
 * - layout shift: LinkedIn's cards that moved or changed size once Kindred had put its hosts in, and the
 *   page's cumulative layout shift ('layout-shift' entries) over the whole run.
 */
const CARDS = 100;
const NEW_CARDS = 10;
const id = (i: number) => `bench-person-${i}`;
/** Every tenth person is tagged: 10 of the first 100. */
/** Appends of 10 cards to each page (the first two warm up). */
const APPENDS = RUNS * 2 + 2;
const TAGGED = Array.from({ length: CARDS + NEW_CARDS * APPENDS }, (_, i) => i).filter((i) => i % 10 === 0);

const card = (i: number) => `<li class="r1">
  <div class="c2"><a class="l3" href="https://www.linkedin.com/in/${id(i)}?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB${i}"><img alt="" src="data:," width="56" height="56"><span class="v4">Status is offline</span></a></div>
  <div class="c5"><span class="t6"><a class="l3" href="https://www.linkedin.com/in/${id(i)}?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB${i}"><span dir="ltr"><span aria-hidden="true">Person Number${i}</span><span class="v4">View Person Number${i}’s profile</span></span></a></span> <span class="b7">• 2nd</span></div>
  <div class="h8">Founder at Company ${i}</div>
  <div class="m9"><a href="https://www.linkedin.com/in/ACoAAAHOMdkB1uXJ0bulME4utLLOwwYlSVVjXFQ?miniProfileUrn=x">Andrew Staub</a> is a mutual connection</div>
</li>`;

export const LIST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>(3) Search | LinkedIn</title>
<style>
body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#f4f2ee}
main{width:640px;margin:16px auto}
ul{list-style:none;margin:0;padding:0;background:#fff;border-radius:8px}
li{display:grid;grid-template-columns:72px 1fr;padding:12px 16px;border-bottom:1px solid #e8e8e8}
.c2{grid-row:span 3}.v4{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.l3{color:#191919;font-weight:600;text-decoration:none}.h8,.m9{color:#666}
</style></head>
<body>
<header><nav><a href="https://www.linkedin.com/feed/">Home</a> <a href="https://www.linkedin.com/in/me-myself/">Me</a></nav></header>
<main><h1>Search results</h1><ul role="list">${Array.from({ length: CARDS }, (_, i) => card(i)).join('')}</ul></main>
</body></html>`;

const LIST_URL = 'https://www.linkedin.com/search/results/people/?keywords=bench';
/** The same page where Kindred's content script does not run. */
const BASELINE_URL = 'https://list.kindred-baseline.test/search/results/people/?keywords=bench';

/** In every page of the benchmark: the page's layout shifts, summed as they come. */
const SHIFTS = `
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

/**
 * The renderer main thread's CPU time so far (CDP's ThreadTime), in ms: what the page and the content
 * script cost, without the time the thread waited for a CPU (this machine is shared).
 */
const cpuMs = async (cdp: CDPSession) => {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((metric) => metric.name === 'ThreadTime')!.value * 1000;
};

/** The "Kindred: …" badges of the page's accessibility tree (closed shadow roots included). */
async function badgeCount(cdp: CDPSession): Promise<number> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ name?: { value?: string }; role?: { value?: string } }>;
  };
  return nodes.filter((n) => n.role?.value === 'button' && String(n.name?.value).startsWith('Kindred: ')).length;
}

const boxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main li')].map((li) => {
      const r = li.getBoundingClientRect();
      return `${r.x},${r.y + scrollY},${r.width},${r.height}`;
    }),
  );

interface Tab {
  page: Page;
  cdp: CDPSession;
  /** Main-thread ms from navigation until the 100 cards are settled. */
  load: number;
  /** The next card's number. */
  next: number;
  /** Cards whose box changed after Kindred put its hosts in. */
  moved: number;
}

async function open(kindred: Kindred, url: string): Promise<Tab> {
  const page = await kindred.context.newPage();
  await page.addInitScript(SHIFTS);
  const cdp = await kindred.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await cpuMs(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(600);
  return { page, cdp, load: (await cpuMs(cdp)) - before, next: CARDS, moved: 0 };
}

/** Infinite scroll: LinkedIn appends the next 10 cards. Main-thread ms until their badges are drawn. */
async function appendTen(tab: Tab): Promise<number> {
  await tab.page.bringToFront();
  const start = await cpuMs(tab.cdp);
  // Their boxes are read at once, before Kindred's next frame.
  const appended = await tab.page.evaluate(
    ({ html }) => {
      const list = document.querySelector('main ul')!;
      list.insertAdjacentHTML('beforeend', html);
      return [...list.querySelectorAll('li')].map((li) => {
        const r = li.getBoundingClientRect();
        return `${r.x},${r.y + scrollY},${r.width},${r.height}`;
      });
    },
    { html: Array.from({ length: NEW_CARDS }, (_, i) => card(tab.next + i)).join('') },
  );
  tab.next += NEW_CARDS;
  await tab.page.waitForTimeout(400); // the next frame, the lookup's 100 ms and its answer
  const spent = (await cpuMs(tab.cdp)) - start;
  const after = await boxes(tab.page);
  tab.moved += after.filter((box, i) => box !== appended[i]).length;
  // Back to 100 cards, so every measurement is "10 new cards on a list of 100" (the scan looks at the
  // whole list: on a longer list it costs more, see docs/performance.md).
  await tab.page.evaluate((n) => {
    const cards = document.querySelectorAll('main li');
    for (let i = cards.length - n; i < cards.length; i++) cards[i]!.remove();
  }, NEW_CARDS);
  await tab.page.waitForTimeout(100);
  return spent;
}

export async function listFigures(kindred: Kindred) {
  for (const url of [BASELINE_URL, LIST_URL])
    await kindred.context.route(`${new URL(url).origin}/search/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: LIST_PAGE }),
    );
  const options = await openExtensionPage(kindred, 'options.html');
  await options.evaluate(async (ids) => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } };
    };
    for (const contactId of ids) {
      const reply = await chrome.runtime.sendMessage({ type: 'setTag', contactId, tagId: 'peer', on: true });
      if (!reply?.ok) throw new Error(JSON.stringify(reply));
    }
  }, TAGGED.map(id));
  await options.close();

  // Both tabs open side by side; the appends alternate between them, so a busy minute on this shared
  // machine weighs on both. Kindred's share is the median of the pairs' differences.
  const without = await open(kindred, BASELINE_URL);
  const withKindred = await open(kindred, LIST_URL);
  const differences: number[] = [];
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  for (let pair = 0; pair < APPENDS; pair++) {
    const plain = await appendTen(without);
    const extended = await appendTen(withKindred);
    if (pair < 2) continue; // warm-up: the first appends include compiling the code paths
    withTimes.push(extended);
    withoutTimes.push(plain);
    differences.push(extended - plain);
  }
  const shift = (tab: Tab) => tab.page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  const badges = await badgeCount(withKindred.cdp);
  const expected = TAGGED.filter((i) => i < CARDS).length;
  if (badges !== expected) throw new Error(`list page: ${badges} badges drawn, ${expected} expected`);

  figures.push({
    name: `list page: main-thread ms per ${NEW_CARDS} new cards (Kindred's share)`,
    value: Math.max(0, median(differences)),
    unit: 'ms',
    target: 5,
    baseline: `with ${median(withTimes).toFixed(1)} / without ${median(withoutTimes).toFixed(1)} ms; ${CARDS} cards at load +${(withKindred.load - without.load).toFixed(1)} ms`,
  });
  figures.push({
    name: `list page: LinkedIn's cards moved by Kindred (${CARDS}, then ${APPENDS} × ${NEW_CARDS} added)`,
    value: withKindred.moved,
    unit: 'cards',
    target: 0,
    baseline: `layout shift with ${(await shift(withKindred)).toFixed(4)} / without ${(await shift(without)).toFixed(4)}`,
  });
  await withKindred.page.close();
  await without.page.close();
}
