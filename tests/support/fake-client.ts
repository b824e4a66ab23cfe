import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openTabProfiles } from '../../lib/storage/tab-profiles';
import type { KindredDB } from '../../lib/storage/db';
import { handleMessage } from '../../lib/protocol/handler';
import type { Reply } from '../../lib/protocol/operations';
import {
  type PageClient,
  type PageClientDeps,
  type PagePort,
  type Watch,
  createPageClient,
} from '../../lib/protocol/page-client';
import { type BackgroundToPage, type PortLike, serveImportPort } from '../../lib/protocol/import-port';

/** A watched read that yields one value (after `load` resolves) and never changes. */
export function watchOf<T>(load: T | (() => Promise<T>)): Watch<T> {
  return (onValue, onError) => {
    let live = true;
    Promise.resolve(typeof load === 'function' ? (load as () => Promise<T>)() : load).then(
      (value) => live && onValue(value),
      (error: unknown) => live && onError?.(error),
    );
    return () => {
      live = false;
    };
  };
}

/**
 * A page client for UI tests: every member throws unless the test gives it, so a test states exactly
 * what the component may use.
 */
export function fakePageClient(parts: Partial<PageClient>): PageClient {
  return new Proxy(parts as PageClient, {
    get(target, name: string) {
      if (name in target) return target[name as keyof PageClient];
      throw new Error(`fakePageClient: the test did not provide "${name}"`);
    },
  });
}

const SELF = { id: 'kindred', origin: 'chrome-extension://kindred/' };
/** Kindred's own page, which may ask for every operation (a ContentClient's are among them). */
const OWN_PAGE = { id: SELF.id, url: `${SELF.origin}options.html` };

/**
 * A real page client on `db`: each operation goes through the background's own handler, validation
 * included, as in the extension; the watched reads follow the database. Also a ContentClient.
 */
export function clientOnDatabase(
  db: KindredDB,
  { now = () => new Date(), download = () => undefined }: Partial<Pick<PageClientDeps, 'now' | 'download'>> = {},
): PageClient {
  const tabs = pageTabs();
  const send = (message: unknown) => handleMessage(db, message, OWN_PAGE, SELF, now(), tabs).then(unwrap);
  return createPageClient({ db, send, download, now, connect: (name) => connectInProcess(db, name, now) });
}

/**
 * A port pair like `runtime.connect` makes: the background's end served by the real import port, each
 * message copied (as the browser does) and delivered later, never in the sender's own call.
 */
function connectInProcess(db: KindredDB, name: string, now: () => Date): PagePort {
  type Listener<T> = (message: T) => void;
  const toPage: Array<Listener<BackgroundToPage>> = [];
  const toBackground: Array<Listener<unknown>> = [];
  const pageGone: Array<() => void> = [];
  const backgroundGone: Array<() => void> = [];
  let open = true;
  const deliver = <T>(listeners: Array<Listener<T>>, message: T) => {
    if (!open) return;
    const copy = structuredClone(message);
    setTimeout(() => listeners.forEach((listener) => listener(copy)), 0);
  };
  const close = (others: Array<() => void>) => {
    if (!open) return;
    open = false;
    setTimeout(() => others.forEach((listener) => listener()), 0);
  };
  const background: PortLike = {
    name,
    sender: OWN_PAGE,
    postMessage: (message) => deliver(toPage, message),
    disconnect: () => close(pageGone),
    onMessage: { addListener: (listener) => toBackground.push(listener) },
    onDisconnect: { addListener: (listener) => backgroundGone.push(listener) },
  };
  serveImportPort(db, background, SELF, now);
  return {
    postMessage: (message) => deliver(toBackground, message),
    disconnect: () => close(backgroundGone),
    onMessage: { addListener: (listener) => toPage.push(listener) },
    onDisconnect: { addListener: (listener) => pageGone.push(listener) },
  };
}

function unwrap(reply: Reply<unknown>): unknown {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Tab bindings of their own for a test's handler calls; an own page is bound to no tab, so they stay empty. */
export function pageTabs() {
  return openTabProfiles({ indexedDB: new IDBFactory(), IDBKeyRange });
}
