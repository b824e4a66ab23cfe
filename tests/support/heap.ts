import type { CDPSession, Page } from 'playwright-core';
import type { Kindred } from './harness';

/**
 * The JS heap of an extension page and of the background service worker, sampled over CDP while
 * something runs: `Runtime.getHeapUsage` (V8's used heap) every `every` ms as it is (garbage not yet
 * collected included: `peak`), and every `collectEvery`-th time also right after a full collection
 * (`HeapProfiler.collectGarbage`: what the work keeps alive, `live`). Collections forced more often than
 * about once a second slowed a 100 MB import fivefold here. Playwright cannot open a CDP session on a service worker, so the worker is attached through
 * the page's session (`Target.attachToTarget`, not flattened: its messages travel inside
 * `Target.sendMessageToTarget` / `Target.receivedMessageFromTarget`).
 */
export interface HeapPeaks {
  /** Used heap after a full garbage collection, before the work, in bytes. */
  baseline: { page: number; worker: number };
  /** The highest used heap sampled during the work, garbage included, in bytes. */
  peak: { page: number; worker: number };
  /** The highest used heap right after a full collection during the work, in bytes. */
  live: { page: number; worker: number };
  samples: number;
}

type Send = (method: string, params?: object) => Promise<Record<string, unknown>>;

async function attachWorker(page: CDPSession): Promise<{ send: Send; detach: () => Promise<void> }> {
  const { targetInfos } = (await page.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.find(
    (target) => target.type === 'service_worker' && /^chrome-extension:/.test(target.url),
  );
  if (!worker) throw new Error('No Kindred service worker to measure.');
  const { sessionId } = await page.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  page.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown>; error?: object };
    if (message.id === undefined) return;
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error) waiter?.reject(new Error(JSON.stringify(message.error)));
    else waiter?.resolve(message.result ?? {});
  });
  const send: Send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      page
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  return { send, detach: async () => void (await page.send('Target.detachFromTarget', { sessionId })) };
}

const used = async (send: Send) => (await send('Runtime.getHeapUsage')).usedSize as number;

/** Runs `work` while sampling both heaps; the baselines are taken after a full collection. */
export async function measureHeaps(
  kindred: Kindred,
  page: Page,
  work: () => Promise<void>,
  every = 200,
  collectEvery = 10,
): Promise<HeapPeaks> {
  const pageSession = await kindred.context.newCDPSession(page);
  const pageSend: Send = (method, params) =>
    pageSession.send(method as 'Runtime.getHeapUsage', params) as Promise<Record<string, unknown>>;
  const worker = await attachWorker(pageSession);
  try {
    await Promise.all([pageSend('HeapProfiler.collectGarbage'), worker.send('HeapProfiler.collectGarbage')]);
    const baseline = { page: await used(pageSend), worker: await used(worker.send) };
    const peak = { ...baseline };
    const live = { ...baseline };
    let samples = 0;
    let running = true;
    const sample = async (into: { page: number; worker: number }) => {
      const [pageUsed, workerUsed] = await Promise.all([used(pageSend), used(worker.send)]);
      into.page = Math.max(into.page, pageUsed);
      into.worker = Math.max(into.worker, workerUsed);
    };
    const sampling = (async () => {
      while (running) {
        await sample(peak);
        if (samples++ % collectEvery === 0) {
          await Promise.all([pageSend('HeapProfiler.collectGarbage'), worker.send('HeapProfiler.collectGarbage')]);
          await sample(live);
        }
        await new Promise((resolve) => setTimeout(resolve, every));
      }
    })();
    try {
      await work();
    } finally {
      running = false;
      await sampling;
    }
    return { baseline, peak, live, samples };
  } finally {
    await worker.detach().catch(() => undefined);
    await pageSession.detach().catch(() => undefined);
  }
}

/** Growth over the baseline, in bytes. */
export const growth = (peaks: HeapPeaks, kind: 'peak' | 'live', of: 'page' | 'worker') =>
  peaks[kind][of] - peaks.baseline[of];

/** Both growths in MB, for logs. */
export const describeGrowth = (peaks: HeapPeaks, of: 'page' | 'worker') =>
  `${(growth(peaks, 'live', of) / 1e6).toFixed(1)} MB live, ${(growth(peaks, 'peak', of) / 1e6).toFixed(1)} MB with garbage`;
