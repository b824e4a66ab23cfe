import { type Kindred, openExtensionPage } from '../tests/support/harness';
import { RUNS, repeat } from './figures';

/** Opens the popup and returns the time from navigation start until its glance (the diagnosis, or the empty state) is in the page. */
export async function popupPaint(kindred: Kindred): Promise<number> {
  return repeat(RUNS, async () => {
    const popup = await kindred.context.newPage();
    await popup.addInitScript(() => {
      const w = window as unknown as { __painted?: number };
      new MutationObserver(() => {
        if (!w.__painted && document.querySelector('.diagnosis-sentence, #purpose-chart, .empty'))
          w.__painted = performance.now();
      }).observe(document, { subtree: true, childList: true });
    });
    await popup.goto(`chrome-extension://${kindred.extensionId}/popup.html`);
    await popup.waitForFunction(() => (window as unknown as { __painted?: number }).__painted);
    const painted = await popup.evaluate(() => (window as unknown as { __painted: number }).__painted);
    await popup.close();
    return painted;
  });
}

export async function popupHeap(kindred: Kindred): Promise<number> {
  const popup = await openExtensionPage(kindred, 'popup.html');
  await popup.locator('.diagnosis-sentence, #purpose-chart').first().waitFor();
  await popup.waitForTimeout(500);
  const cdp = await kindred.context.newCDPSession(popup);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await popup.close();
  return usedSize / 1024 / 1024;
}
