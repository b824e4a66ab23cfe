import { browser } from 'wxt/browser';
import type { Message, Replies, Reply } from './operations';

export interface SendOptions {
  /**
   * Sent now, in this very call, not after the replies to earlier messages: for saves made while the
   * page is going away (`pagehide`, hidden), when nothing asynchronous may get to run any more. A
   * `runtime.sendMessage` started synchronously is delivered even if the frame dies right after. The
   * messages still waiting in the queue are sent first, in order, so an older change never lands
   * after this one.
   */
  urgent?: boolean;
}

/**
 * The one way to change the database: a typed message to the background, which validates and applies
 * it. Type-only imports keep the protocol's validation code out of the content script.
 *
 * Every message carries a request id, the same on every retry: the background remembers the ids it
 * applied (lib/protocol/handler.ts), so a retry after the worker stored a change but died before
 * answering gets the first answer instead of a second change.
 */
export async function sendToBackground<M extends Message>(
  message: M,
  options: SendOptions = {},
): Promise<Replies[M['type']]> {
  const outgoing = new Outgoing({ ...message, requestId: crypto.randomUUID() });
  let sent: Promise<unknown>;
  if (options.urgent) {
    for (const waiting of queued) void waiting.start().catch(() => undefined);
    queued.clear();
    sent = outgoing.start();
  } else {
    queued.add(outgoing);
    // One message at a time, in order: a retried older change must never land after a newer one.
    sent = queue.then(() => {
      queued.delete(outgoing);
      return outgoing.start();
    });
    queue = sent.catch(() => undefined);
  }
  const reply = (await sent) as Reply<Replies[M['type']]>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

let queue: Promise<unknown> = Promise.resolve();
/** Messages waiting for the replies to earlier ones, in order. */
const queued = new Set<Outgoing>();

class Outgoing {
  #sent: Promise<unknown> | undefined;
  constructor(readonly message: Message & { requestId: string }) {}
  /** Starts sending (synchronously, the first time); every later call gets the same outcome. */
  start(): Promise<unknown> {
    return (this.#sent ??= sendWithRetry(this.message));
  }
}

/**
 * What a send fails with when the background was not there to answer: Chrome stops an idle MV3
 * service worker, and may stop it while it handles a message; Firefox's event page unloads.
 */
const TRANSPORT_FAILURE =
  /could not establish connection|receiving end does not exist|message (?:port|channel) closed|message manager disconnected|port (?:was )?(?:closed|disconnected)/i;

export function isTransportFailure(error: unknown): boolean {
  return error instanceof Error && TRANSPORT_FAILURE.test(error.message);
}

/**
 * The reply never comes (undefined) or the send fails ("Could not establish connection", "message
 * port closed"): only such transport failures are tried again, and the new send wakes the worker.
 * The background's own refusals and errors arrive as replies and are final, and so is any other
 * failure of the send itself (a message too large, a value that cannot be cloned): sending it again
 * could only fail again.
 */
function sendWithRetry(message: Message, attempts = 4): Promise<unknown> {
  const attempt = (n: number): Promise<unknown> => {
    let sent: Promise<unknown>;
    try {
      // Called synchronously for the first attempt: see SendOptions.urgent.
      sent = browser.runtime.sendMessage(message);
    } catch (error) {
      sent = Promise.reject(error);
    }
    return sent.then(
      (reply) => {
        if (reply !== undefined) return reply;
        if (n >= attempts) throw new Error('Kindred’s background did not answer.');
        return retry(n);
      },
      (error: unknown) => {
        if (n >= attempts || !isTransportFailure(error)) throw error;
        return retry(n);
      },
    );
  };
  const retry = (n: number) => new Promise((resolve) => setTimeout(resolve, 100 * n)).then(() => attempt(n + 1));
  return attempt(1);
}
