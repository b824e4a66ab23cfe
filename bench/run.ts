/**
 * `npm run bench [-- --quick]`: builds Kindred, loads it into headless Chromium and prints one table of
 * figures, each the median of repeated runs, against its target and, where there is one, the baseline
 * measured in the same run. It exits non-zero only when it cannot run; figures over target are marked.
 */
import os from 'node:os';
import {
  type Kindred,
  launchKindred,
  openExtensionPage,
  panelFrame,
  panelOf,
  removeUserDataDir,
} from '../tests/support/harness';
import { JANE, largeProfilePage } from '../tests/support/pages';
import { CONTENT_SCRIPT_FILE, CONTENT_SCRIPT_GZIP_BUDGET, gzipBytes } from '../tests/support/size';
import { SCHEMA_VERSIONS } from '../lib/storage/db';
import { connectionsCsv, generateContacts, kindredFile } from './dataset';

const quick = process.argv.includes('--quick');
const CONTACTS = quick ? 1_000 : 30_000;
const RUNS = quick ? 3 : 7;

interface Figure {
  name: string;
  value: number;
  unit: string;
  target: number;
  baseline?: string;
  /** A second condition, e.g. "≤ 2× the empty database". */
  alsoOk?: boolean;
}
const figures: Figure[] = [];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The first and third quartiles, e.g. "0.98–1.12". */
const quartiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!.toFixed(2);
  return `${at(0.25)}–${at(0.75)}`;
};

async function repeat(runs: number, measure: (run: number) => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) values.push(await measure(run));
  return median(values);
}

/**
 * Records, inside every page, when the profile's top card (its name heading) was first in the page, in
 * epoch milliseconds: the panel frame's own clock is compared with it.
 */
const PAGE_TIMING = `
  window.__timing = {};
  const seen = new MutationObserver(() => {
    if (document.querySelector('main h1, h1')) {
      window.__timing.topCard = performance.timeOrigin + performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { subtree: true, childList: true });
  // In the panel's frame: when its tags are in its DOM (its first paint may come before, with the name).
  const tags = new MutationObserver(() => {
    if (document.querySelector('button.tag')) {
      window.__timing.tags = performance.timeOrigin + performance.now();
      tags.disconnect();
    }
  });
  tags.observe(document, { subtree: true, childList: true });
`;

/** A LinkedIn-sized page: on a tiny one the load ratio would only measure Chromium's start-up noise. */
const REALISTIC_PROFILE = largeProfilePage(JANE);
const pages = (url: URL) => (url.pathname.startsWith('/in/') ? REALISTIC_PROFILE : undefined);

async function main() {
  console.log(`Kindred benchmark${quick ? ' (quick)' : ''}: ${CONTACTS} contacts, median of ${RUNS} runs`);

  figures.push({
    name: 'content-script JS, gzip bytes',
    value: gzipBytes(CONTENT_SCRIPT_FILE),
    unit: 'B',
    target: CONTENT_SCRIPT_GZIP_BUDGET,
  });

  const kindred = await launchKindred(pages);
  try {
    await profileFigures(kindred);
    const emptyPopup = await popupPaint(kindred);
    await dataFigures(kindred);
    const fullPopup = await popupPaint(kindred);
    figures.push({
      name: `popup opened → balance painted, ${CONTACTS} contacts`,
      value: fullPopup,
      unit: 'ms',
      target: 200,
      baseline: `empty: ${emptyPopup.toFixed(0)} ms`,
      alsoOk: fullPopup <= 2 * Math.max(emptyPopup, 1),
    });
    figures.push({
      name: `popup JS heap, ${CONTACTS} contacts`,
      value: await popupHeap(kindred),
      unit: 'MB',
      target: 30,
    });
  } finally {
    await kindred.close().catch(() => undefined);
    removeUserDataDir(kindred.userDataDir);
  }
  printTable();
}

/** The same page at a host Kindred's content script does not match: the page without the extension. */
const BASELINE_URL = `https://profile.kindred-baseline.test/in/${JANE.id}/`;

async function profileFigures(kindred: Kindred) {
  const url = `https://www.linkedin.com/in/${JANE.id}/`;
  await kindred.context.route(`${new URL(BASELINE_URL).origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: REALISTIC_PROFILE }),
  );
  const page = await kindred.context.newPage();
  const loadTime = async (at: string) => {
    await page.goto(at, { waitUntil: 'load' });
    return page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
  };
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  const ratios: number[] = [];
  // Load times on a shared 2-vCPU machine swing by tens of percent from one minute to the next, and
  // between two browser instances even when the extension does nothing. So: one tab with nothing of
  // the benchmark's own in it, pairs of loads in alternating order, each after the background has
  // stored the visit, and the median of the pairs' ratios (docs/performance.md).
  const pairs = quick ? 5 : 25;
  for (let run = 0; run < pairs + 2; run++) {
    const measureWith = async () => {
      const loaded = await loadTime(url);
      await panelOf(page).getByRole('heading', { name: JANE.name }).waitFor();
      await page.waitForTimeout(250);
      return loaded;
    };
    const measureWithout = async () => {
      const loaded = await loadTime(BASELINE_URL);
      await page.waitForTimeout(250);
      return loaded;
    };
    const withExtension = run % 2 ? await measureWith() : undefined;
    const plainLoaded = await measureWithout();
    const withLoaded = withExtension ?? (await measureWith());
    if (run < 2) continue; // warm-up: the first loads include the worker starting and caches filling
    withTimes.push(withLoaded);
    withoutTimes.push(plainLoaded);
    ratios.push(withLoaded / plainLoaded);
  }
  await page.close();

  // The panel's timing in a tab of its own, so the timing script is never in the loads compared above.
  const timed = await kindred.context.newPage();
  await timed.addInitScript(PAGE_TIMING);
  const pagePaints: number[] = [];
  const tagsShown: number[] = [];
  const panelTime = await repeat(RUNS, async () => {
    await timed.goto(url, { waitUntil: 'load' });
    await panelOf(timed).getByRole('heading', { name: JANE.name }).waitFor();
    await panelOf(timed).locator('button.tag').first().waitFor();
    const [topCard, pagePaint] = await timed.evaluate(() => [
      (window as unknown as { __timing: { topCard: number } }).__timing.topCard,
      performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
    ]);
    // The frame's first paint is the panel with the person's name: its loading shell (the name the
    // content script passed in) or, when the background answered first, the panel with its tags.
    const [panel, tags] = await (
      await panelFrame(timed)
    ).evaluate(() => [
      performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      (window as unknown as { __timing?: { tags?: number } }).__timing?.tags ?? NaN,
    ]);
    pagePaints.push(pagePaint! - topCard!);
    tagsShown.push(tags! - topCard!);
    await timed.waitForTimeout(250);
    return panel! - topCard!;
  });
  figures.push({
    name: 'profile page: top card in the page → panel visible',
    value: panelTime,
    unit: 'ms',
    target: 150,
    // For scale: when the page itself first painted, and when the panel's tags were in its DOM.
    baseline: `page's own first paint ${median(pagePaints).toFixed(0)} ms; tags in DOM ${median(tagsShown).toFixed(0)} ms`,
  });
  figures.push({
    name: 'profile page load time, with / without the extension',
    value: median(ratios),
    unit: '×',
    target: 1.05,
    // The spread of the pairs' ratios (middle half), to tell a change from this method's noise.
    baseline: `medians ${median(withTimes).toFixed(0)} / ${median(withoutTimes).toFixed(0)} ms; pairs ${quartiles(ratios)}`,
  });

  // Click → the background's acknowledgement ("Saved"), timed inside the page.
  const frame = await panelFrame(timed);
  const clickToStored = await repeat(RUNS * 2, () =>
    frame.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          setTimeout(() => reject(new Error('no "Saved" within 10 s')), 10_000);
          const root = document;
          const status = root.querySelector('[role=status]')!;
          const button = [...root.querySelectorAll<HTMLButtonElement>('button.tag')].find((b) =>
            b.textContent?.startsWith('Mentor'),
          )!;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (status.textContent === 'Saved') {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          // The panel shows "Saving…" at once and "Saved" when the background has answered.
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          button.click();
        }),
    ),
  );
  figures.push({ name: 'tag click → stored (acknowledged)', value: clickToStored, unit: 'ms', target: 50 });
  await timed.close();
}

/** Opens the popup and returns the time from navigation start until the balance chart (or empty state) is in the page. */
async function popupPaint(kindred: Kindred): Promise<number> {
  return repeat(RUNS, async () => {
    const popup = await kindred.context.newPage();
    await popup.addInitScript(() => {
      const w = window as unknown as { __painted?: number };
      new MutationObserver(() => {
        if (!w.__painted && document.querySelector('#purpose-chart, .empty')) w.__painted = performance.now();
      }).observe(document, { subtree: true, childList: true });
    });
    await popup.goto(`chrome-extension://${kindred.extensionId}/popup.html`);
    await popup.waitForFunction(() => (window as unknown as { __painted?: number }).__painted);
    const painted = await popup.evaluate(() => (window as unknown as { __painted: number }).__painted);
    await popup.close();
    return painted;
  });
}

async function popupHeap(kindred: Kindred): Promise<number> {
  const popup = await openExtensionPage(kindred, 'popup.html');
  await popup.locator('#purpose-chart').waitFor();
  await popup.waitForTimeout(500);
  const cdp = await kindred.context.newCDPSession(popup);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await popup.close();
  return usedSize / 1024 / 1024;
}

async function dataFigures(kindred: Kindred) {
  const contacts = generateContacts(CONTACTS);
  const json = Buffer.from(kindredFile(contacts));
  const csv = Buffer.from(connectionsCsv(contacts));
  const options = await openExtensionPage(kindred, 'options.html#data');

  // Each import starts from an empty database, on a page that has finished showing the previous
  // import: its delete confirmation counts the contacts the page has loaded.
  const deleteAll = async (shown?: number) => {
    await options.getByRole('button', { name: 'Delete all data…' }).click();
    if (shown)
      await options.getByText(`You will lose ${shown.toLocaleString('en-US')} contacts`).waitFor({ timeout: 60_000 });
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByText('All Kindred data was deleted.').waitFor();
  };

  const csvImport = await repeat(RUNS, async (run) => {
    await deleteAll(run > 0 ? CONTACTS : undefined);
    await options
      .getByLabel('Connections.csv')
      .setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: csv });
    const start = performance.now();
    await options.getByRole('button', { name: 'Import connections' }).click();
    await options
      .getByText(`Imported connections: ${CONTACTS.toLocaleString('en-US')} added`)
      .waitFor({ timeout: 60_000 });
    return performance.now() - start;
  });

  const jsonImport = await repeat(RUNS, async () => {
    await deleteAll(CONTACTS);
    await options
      .getByLabel('Kindred export file (JSON)')
      .setInputFiles({ name: 'kindred.json', mimeType: 'application/json', buffer: json });
    await options.getByRole('radio', { name: /^Merge/ }).check();
    const start = performance.now();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText(`Imported: ${CONTACTS.toLocaleString('en-US')} added`).waitFor({ timeout: 60_000 });
    return performance.now() - start;
  });

  const jsonExport = await repeat(RUNS, async () => {
    const start = performance.now();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    await download.path();
    return performance.now() - start;
  });
  // The floor under both imports: this browser storing the same records with Kindred's indexes in one
  // transaction, with no parsing, validation or messaging.
  const contactsSchema = SCHEMA_VERSIONS.findLast((version) => version.stores.contacts)!.stores.contacts!;
  const rawPuts = await repeat(RUNS, () =>
    options.evaluate(
      async ({ records, schema }) => {
        const name = `kindred-bench-floor-${Math.random()}`;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name, 1);
          request.onupgradeneeded = () => {
            const [primaryKey, ...indexes] = schema.split(',').map((part) => part.trim());
            const store = request.result.createObjectStore('contacts', { keyPath: primaryKey });
            for (const index of indexes)
              store.createIndex(index.replace('*', ''), index.replace('*', ''), { multiEntry: index.startsWith('*') });
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const start = performance.now();
        await new Promise((resolve, reject) => {
          const transaction = db.transaction('contacts', 'readwrite');
          for (const record of records) transaction.objectStore('contacts').put(record);
          transaction.oncomplete = resolve;
          transaction.onabort = () => reject(transaction.error);
        });
        const elapsed = performance.now() - start;
        db.close();
        // Gone before the next run starts, so its deletion is not timed with that run's writes.
        await new Promise((resolve, reject) => {
          const deletion = indexedDB.deleteDatabase(name);
          deletion.onsuccess = resolve;
          deletion.onerror = () => reject(deletion.error);
        });
        return elapsed;
      },
      { records: contacts, schema: contactsSchema },
    ),
  );
  const floor = `IndexedDB alone: ${(rawPuts / 1000).toFixed(2)} s`;
  figures.push({
    name: `import ${CONTACTS} contacts (Kindred JSON)`,
    value: jsonImport / 1000,
    unit: 's',
    target: 3,
    baseline: floor,
  });
  // Issue 13's target: staging and all, an import stays within 1.35× of IndexedDB alone, same run.
  figures.push({
    name: `import ${CONTACTS} contacts ÷ IndexedDB alone`,
    value: jsonImport / rawPuts,
    unit: '×',
    target: 1.35,
  });
  figures.push({ name: `export ${CONTACTS} contacts (Kindred JSON)`, value: jsonExport / 1000, unit: 's', target: 1 });
  figures.push({
    name: `import a ${CONTACTS}-row Connections.csv`,
    value: csvImport / 1000,
    unit: 's',
    target: 3,
    baseline: floor,
  });

  // Typing a search in the contacts table: from the input event to the new result count on screen.
  await options.getByRole('tab', { name: 'Contacts' }).click();
  const search = options
    .getByRole('searchbox', { name: 'Search contacts' })
    .or(options.getByRole('textbox', { name: 'Search contacts' }));
  await search.waitFor();
  const queries = ['an', 'de vries', 'flexa', 'zoë', 'product', 'xyz', 'ma'];
  const searchTime = await repeat(RUNS, (run) =>
    options.evaluate(
      (query) =>
        new Promise<number>((resolve) => {
          const input = document.querySelector<HTMLInputElement>(
            'input[aria-label="Search contacts"], input[type=search]',
          )!;
          const status = [...document.querySelectorAll('[role=status]')].find((el) =>
            /\d of [\d,.\s\u00a0\u202f]+ contacts/.test(el.textContent ?? ''),
          )!;
          const before = status.textContent;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (status.textContent !== before) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - start));
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          input.value = query;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      queries[run % queries.length]!,
    ),
  );
  figures.push({
    name: `options table: search over ${CONTACTS} contacts → results shown`,
    value: searchTime,
    unit: 'ms',
    target: 100,
  });

  // A tag in the untagged queue: the page follows the database, so the change comes back to it through
  // its watched reads. The longest main-thread task in the 1.5 s after the click (0: none over 50 ms).
  await options.getByRole('tab', { name: 'Untagged queue' }).click();
  const queue = options.getByRole('region', { name: 'Untagged queue' });
  await queue.waitFor();
  await options.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({
      type: 'longtask',
    });
  });
  const longestTask = await repeat(RUNS, async () => {
    await options.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    await queue.getByRole('button', { name: /^Mentor/ }).click();
    await options.waitForTimeout(1500);
    return options.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));
  });
  figures.push({
    name: `untagged queue: longest task after a tag, ${CONTACTS} contacts`,
    value: longestTask,
    unit: 'ms',
    target: 50,
  });
  await options.close();
}

function printTable() {
  const rows = figures.map((f) => {
    const over = f.value > f.target || f.alsoOk === false;
    const digits = f.unit === 'B' ? 0 : f.unit === '×' ? 3 : f.unit === 's' || f.unit === 'MB' ? 2 : 1;
    return [
      f.name,
      `${f.value.toFixed(digits)} ${f.unit}`,
      `≤ ${f.target} ${f.unit}`,
      f.baseline ?? '',
      over ? 'OVER TARGET' : 'ok',
    ];
  });
  const header = ['figure', 'median', 'target', 'baseline (same run)', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
}

main().catch((error: unknown) => {
  console.error('The benchmark could not run:', error);
  process.exit(1);
});
