import { browser } from 'wxt/browser';
import type { Message, Replies, Reply } from './operations';

/**
 * The one way to change the database: a typed message to the background, which validates and applies
 * it. Type-only imports keep the protocol's validation code out of the content script.
 */
export async function sendToBackground<M extends Message>(message: M): Promise<Replies[M['type']]> {
  // One message at a time, in order: a retried older change must never land after a newer one.
  const sent = queue.then(() => sendWithRetry(message));
  queue = sent.catch(() => undefined);
  const reply = (await sent) as Reply<Replies[M['type']]>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Chrome stops an idle MV3 service worker, and may stop it while it handles a message: the reply
 * then never comes (undefined) or the send fails ("Could not establish connection", "message port
 * closed"). Only such transport failures throw here: the background's own refusals arrive as
 * replies. Every message is idempotent (set, never toggle), so sending it again is safe, and the new
 * send wakes the worker.
 */
async function sendWithRetry(message: Message, attempts = 4): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await browser.runtime.sendMessage(message);
      if (reply !== undefined) return reply;
      if (attempt >= attempts) throw new Error('Kindred’s background did not answer.');
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}
