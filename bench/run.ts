/**
 * `npm run bench [-- --quick]`: builds Kindred, loads it into headless Chromium and prints one table of
 * figures, each the median of repeated runs, against its target and, where there is one, the baseline
 * measured in the same run. It exits non-zero only when it cannot run; figures over target are marked.
 */
import { launchKindred, removeUserDataDir } from '../tests/support/harness';
import { CONTENT_SCRIPT_FILE, CONTENT_SCRIPT_GZIP_BUDGET, gzipBytes } from '../tests/support/size';
import { dataFigures } from './data-figures';
import { dueFigures } from './due-figures';
import { listFigures } from './list-figures';
import { CONTACTS, RUNS, figures, printTable, quick } from './figures';
import { popupHeap, popupPaint } from './popup-figures';
import { pages, profileFigures } from './profile-figures';
import { syncFigures } from './sync-figures';

/**
 * `--only=data` (or `size`, `profile`, `popup`, `lists`, comma-separated) measures only those sections, e.g. the
 * imports and export on a busy machine without the rest.
 */
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const section = (name: 'size' | 'profile' | 'data' | 'popup' | 'lists') => !only || only.includes(name);

async function main() {
  console.log(
    `Kindred benchmark${quick ? ' (quick)' : ''}${only ? ` (only ${only.join(', ')})` : ''}: ${CONTACTS} contacts, median of ${RUNS} runs`,
  );

  if (section('size'))
    figures.push({
      name: 'content-script JS, gzip bytes',
      value: gzipBytes(CONTENT_SCRIPT_FILE),
      unit: 'B',
      target: CONTENT_SCRIPT_GZIP_BUDGET,
    });

  // Sync (issue 17): in Node on fake-indexeddb, before the browser starts (bench/sync-figures.ts).
  await syncFigures();

  const kindred = await launchKindred(pages);
  try {
    // `--only=due`: only the keep-in-touch figures (their own 30,000-contact import), for a busy machine.
    if (process.argv.includes('--only=due')) {
      await dueFigures(kindred);
      return;
    }
    if (section('profile')) await profileFigures(kindred);
    const emptyPopup = section('popup') ? await popupPaint(kindred) : 0;
    if (section('data')) await dataFigures(kindred);
    if (section('popup')) {
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
      // Keep in touch: the badge count and the popup's due list.
      await dueFigures(kindred);
    }
    // A list page of 100 cards, 10 of them tagged (among the contacts above): badges and infinite scroll.
    if (section('lists')) await listFigures(kindred);
  } finally {
    await kindred.close().catch(() => undefined);
    removeUserDataDir(kindred.userDataDir);
    printTable();
  }
}

main().catch((error: unknown) => {
  console.error('The benchmark could not run:', error);
  process.exit(1);
});
