import type { Locator, Page } from 'playwright-core';
import { type Kindred, openExtensionPage } from '../tests/support/harness';
import { SCHEMA_VERSIONS } from '../lib/storage/db';
import { CONTACTS, RUNS, figures, repeat } from './figures';
import { connectionsCsv, generateContacts, kindredFile } from './dataset';

/**
 * Milliseconds from the click on `button` until `text` is on screen, both read in the page. Timed from
 * here, the figure also held Playwright's wait: it polls a page that has not shown the text for a second
 * only every half second, which added up to 0.5 s to an import of 3 s (the floor it is compared with is
 * timed in the page).
 */
async function clickUntilShown(page: Page, button: Locator, text: string): Promise<number> {
  await page.evaluate((expected) => {
    const timed: { clicked?: number; shown?: number } = {};
    (window as unknown as { __timed: typeof timed }).__timed = timed;
    document.addEventListener('click', () => (timed.clicked ??= performance.now()), { capture: true, once: true });
    // The previous import's report can still be on screen until the click: the new one counts once the
    // text has been away.
    // (No named functions in here: the benchmark runs under tsx, whose helpers the page does not have.)
    let away = !document.body.textContent?.includes(expected);
    const observer = new MutationObserver(() => {
      if (timed.clicked === undefined) return;
      if (!document.body.textContent?.includes(expected)) away = true;
      else if (away) {
        observer.disconnect();
        requestAnimationFrame(() => (timed.shown = performance.now()));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  await button.click();
  await page.waitForFunction(
    () => (window as unknown as { __timed: { shown?: number } }).__timed.shown !== undefined,
    undefined,
    { timeout: 60_000 },
  );
  const { clicked, shown } = await page.evaluate(
    () => (window as unknown as { __timed: { clicked: number; shown: number } }).__timed,
  );
  return shown - clicked;
}

export async function dataFigures(kindred: Kindred) {
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
    // A person takes seconds to pick the next file: the background's work after the deletion (and after the
    // import before it: the summaries and keep-in-touch rows it rebuilds) is done by then.
    await options.waitForTimeout(2000);
  };

  const csvImport = await repeat(RUNS, async (run) => {
    await deleteAll(run > 0 ? CONTACTS : undefined);
    await options
      .getByLabel('Connections.csv')
      .setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: csv });
    return clickUntilShown(
      options,
      options.getByRole('button', { name: 'Import connections' }),
      `Imported connections: ${CONTACTS.toLocaleString('en-US')} added`,
    ).catch(async (error: unknown) => {
      console.log(`run ${run}:`, (await options.locator('body').innerText()).slice(0, 4000));
      throw error;
    });
  });

  const jsonImport = await repeat(RUNS, async () => {
    await deleteAll(CONTACTS);
    await options
      .getByLabel('Kindred export file (JSON)')
      .setInputFiles({ name: 'kindred.json', mimeType: 'application/json', buffer: json });
    await options.getByRole('radio', { name: /^Merge/ }).check();
    return clickUntilShown(
      options,
      options.getByRole('button', { name: 'Import', exact: true }),
      `Imported: ${CONTACTS.toLocaleString('en-US')} added`,
    );
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
