/**
 * `npm run bench [-- --quick]`: builds Kindred, loads it into headless Chromium and prints one table of
 * figures, each the median of repeated runs, against its target and, where there is one, the baseline
 * measured in the same run. It exits non-zero only when it cannot run; figures over target are marked.
 */
import { launchKindred, removeUserDataDir } from '../tests/support/harness';
import { CONTENT_SCRIPT_FILE, CONTENT_SCRIPT_GZIP_BUDGET, gzipBytes } from '../tests/support/size';
import { dataFigures } from './data-figures';
import { dueFigures } from './due-figures';
import { CONTACTS, RUNS, figures, printTable, quick } from './figures';
import { popupHeap, popupPaint } from './popup-figures';
import { pages, profileFigures } from './profile-figures';

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
    // `--only=due`: only the keep-in-touch figures (their own 30,000-contact import), for a busy machine.
    if (process.argv.includes('--only=due')) {
      await dueFigures(kindred);
      return;
    }
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
    // Keep in touch: the badge count and the popup's due list.
    await dueFigures(kindred);
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
