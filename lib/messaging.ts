import { browser } from 'wxt/browser';
import type {
  ContentToBackgroundMessage,
  ContentToBackgroundReplies,
  PageToBackgroundMessage,
  PageToBackgroundReplies,
  Reply,
} from './messages';

type ToBackground = ContentToBackgroundMessage | PageToBackgroundMessage;
type Replies = ContentToBackgroundReplies & PageToBackgroundReplies;

/**
 * The one way to change the database: a typed message to the background, which validates and applies
 * it. Type-only imports keep the protocol's validation code out of the content script.
 */
export async function sendToBackground<M extends ToBackground>(message: M): Promise<Replies[M['type']]> {
  const reply = (await sendWithRetry(message)) as Reply<Replies[M['type']]> | undefined;
  if (!reply) throw new Error('Kindred’s background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** A stopped MV3 service worker is restarted by the first message; if that one is lost, the retry wakes it. */
async function sendWithRetry(message: ToBackground, attempts = 3): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.runtime.sendMessage(message);
    } catch (error) {
      if (attempt >= attempts || !/establish connection|receiving end|message port closed/i.test(String(error))) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
