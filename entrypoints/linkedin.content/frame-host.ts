import type { FromFrame, LeavingFrame, ToFrame } from '../../lib/protocol/frame-messages';

/**
 * Kindred's element in LinkedIn's page: `<kindred-panel>` with a CLOSED shadow root holding an iframe
 * of the panel page (an extension page, web-accessible to linkedin.com only). The page's scripts can
 * see that the element is there, but cannot reach the frame through it, and a cross-origin frame's
 * DOM and key events are out of their reach anyway.
 */
export interface FrameHost {
  host: HTMLElement;
  /**
   * This frame's secret: in the frame's URL (its hash) and told to the background with the tab's
   * announcement, which serves a panel only when it presents it. Any other frame of panel.html (put in
   * by the page, or by another site: Firefox lets every site frame it) does not know it.
   */
  token: string;
  /**
   * In the page's flow (right after `after`) or, with null, floating in the lower left corner. Where
   * `after` is inside an aria-hidden subtree (logged-out LinkedIn hides <main> while its sign-in modal
   * is up) the panel floats outside it, so screen readers still reach it, and an empty block of the
   * panel's height keeps its place, so the profile below does not move. Called again when that changes.
   */
  place(after: Element | null): void;
  /** Tells the frame how to look and to ask the background what the tab shows; sent once it is loaded. */
  show(view: Omit<ToFrame, 'kindred'>): void;
  /**
   * The tab is moving to another person: the panel shows nobody until the next `show`. A frame that
   * (re)loads meanwhile waits for that `show` too, rather than asking about the previous person.
   */
  leave(): void;
  focus(): void;
  /**
   * A list's tagging popover: over the page at `top`/`left` (viewport pixels, below the card's control),
   * outside LinkedIn's flow, so no card moves. The panel inside names the person.
   */
  popAt(top: number, left: number): void;
  /** The extension was updated or removed under this page: the frame is gone, a line of text says so. */
  needsReload(text: string): void;
  remove(): void;
}

/** Before the frame has said how high it is: a panel of the default tags, expanded (measured). */
const DEFAULT_HEIGHT = 282;
let lastHeight = DEFAULT_HEIGHT;

const HOST_CSS = `:host{all:initial!important;display:block!important;margin:8px 0!important}
:host(.floating){position:fixed!important;left:16px!important;bottom:16px!important;z-index:2147483000!important;
width:300px!important;max-width:calc(100vw - 32px)!important;margin:0!important;border-radius:8px;box-shadow:0 4px 20px #0003}
iframe{display:block;width:100%;border:0;background:transparent;color-scheme:normal}
:host(.floating) iframe{max-height:calc(100vh - 96px)}
:host(.card){position:absolute!important;top:var(--kindred-top)!important;left:var(--kindred-left)!important;z-index:2147483000!important;width:320px!important;margin:0!important;
border-radius:8px;box-shadow:0 4px 20px #0004}
p{margin:0;padding:8px 12px;border:1px solid #d0d7de;border-radius:8px;background:#fff;color:#1f2328;font:13px/1.4 system-ui,sans-serif}`;

/**
 * `src` is the panel page's URL; `origins` the origins it may answer from. Chrome opens a
 * use_dynamic_url address (a per-session origin) and then runs the page in the extension's own
 * origin, so both are listed; Firefox has one.
 */
export function createFrameHost(
  src: string,
  origins: readonly string[],
  onAnnounceRequest: () => void,
  /** A list popover's frame said it is loaded, asked to close, or changed the person's tags. */
  onCard?: (said: 'ready' | 'close' | 'changed') => void,
): FrameHost {
  const host = document.createElement('kindred-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = HOST_CSS;
  const frame = document.createElement('iframe');
  const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  // The hash never leaves the browser, and the page cannot read it: the element is in a closed shadow
  // root, and a cross-origin frame's location is not readable from the page.
  const frameUrl = `${src}#${new URLSearchParams({ t: token })}`;
  frame.title = 'Kindred';
  // The last height shown (or the default) is kept free before the frame loads, so the profile below
  // does not move when the panel appears.
  frame.style.height = `${lastHeight}px`;
  shadow.append(style, frame);
  // Holds the panel's place in the flow while the panel itself floats outside a hidden subtree.
  const spacer = document.createElement('div');
  spacer.style.cssText = `display:block;margin:8px 0;height:${lastHeight}px`;
  // Learned from the frame's first message, so the look is posted only to the panel's own origin.
  let frameOrigin: string | null = null;
  let loaded = false;
  let pending: Omit<ToFrame, 'kindred'> | null = null;
  const post = (view: Omit<ToFrame, 'kindred'>) =>
    frameOrigin && frame.contentWindow?.postMessage({ kindred: 'view', ...view } satisfies ToFrame, frameOrigin);

  const listening = new AbortController();
  window.addEventListener(
    'message',
    (event) => {
      // Only our own frame: the page can post anything to this window, and posts from another frame
      // (or from the page pretending to be the frame) have another source or origin.
      if (event.source !== frame.contentWindow || !origins.includes(event.origin)) return;
      const data = event.data as Partial<FromFrame> | null;
      if (typeof data !== 'object' || data === null) return;
      if (data.kindred === 'ready') {
        loaded = true;
        frameOrigin = event.origin;
        if (pending) post(pending);
        onCard?.('ready');
      }
      // Heights are not secret and never used as data: a sane number sizes the frame, nothing else.
      if (data.kindred === 'height' && typeof data.height === 'number' && data.height > 0 && data.height < 5000) {
        lastHeight = Math.ceil(data.height);
        frame.style.height = `${lastHeight}px`;
      } else if (data.kindred === 'announce') {
        onAnnounceRequest();
      } else if (data.kindred === 'close' || data.kindred === 'changed') {
        onCard?.(data.kindred);
      }
    },
    { signal: listening.signal },
  );

  /**
   * Moving an iframe in the DOM reloads it; moveBefore (Chrome 133+) keeps it loaded where the
   * browser has it and the frame is already in the page.
   */
  const move = (parent: Node, before: Node | null) => {
    const keeping = parent as Node & { moveBefore?: (node: Node, child: Node | null) => void };
    if (host.isConnected && parent.isConnected && typeof keeping.moveBefore === 'function')
      return keeping.moveBefore(host, before);
    // The frame loads (again) where it is put: out of the page first, so it loads once, with the current URL.
    host.remove();
    frame.src = frameUrl;
    parent.insertBefore(host, before);
  };

  return {
    host,
    token,
    place(after) {
      const hidden = after?.closest('[aria-hidden="true"]');
      if (after && hidden) {
        if (after.nextElementSibling !== spacer) {
          // The height the panel had in the flow, kept while it floats: floating, it is narrower and
          // taller, and the profile below must not move either way.
          spacer.style.height = `${host.isConnected && !host.classList.contains('floating') ? frame.offsetHeight : lastHeight}px`;
          after.after(spacer);
        }
        // Outside the hidden subtree: the last thing in <body>, after everything LinkedIn hides.
        if (host.parentNode !== document.body || host.nextSibling) move(document.body, null);
        host.classList.add('floating');
        return;
      }
      host.classList.toggle('floating', !after);
      if (after) {
        if (after.nextElementSibling !== host) move(after.parentNode!, after.nextSibling);
        spacer.remove();
      } else if (!host.isConnected) {
        spacer.remove();
        move(document.body, null);
      } else spacer.remove();
    },
    show(view) {
      pending = view;
      if (loaded) post(view);
    },
    leave() {
      pending = null;
      if (loaded && frameOrigin)
        frame.contentWindow?.postMessage({ kindred: 'leaving' } satisfies LeavingFrame, frameOrigin);
    },
    focus() {
      frame.focus();
    },
    popAt(top, left) {
      host.className = 'card';
      // Custom properties: `all:initial!important` above keeps the page's styles (and inline ones) off the
      // host. In document coordinates: the popover scrolls with the card (LinkedIn's <body> starts at 0,0).
      host.style.setProperty('--kindred-top', `${top + scrollY}px`);
      host.style.setProperty('--kindred-left', `${left + scrollX}px`);
      if (!host.isConnected) move(document.body, null);
    },
    needsReload(text) {
      const line = document.createElement('p');
      line.textContent = text;
      frame.replaceWith(line);
      listening.abort();
    },
    remove() {
      listening.abort();
      spacer.remove();
      host.remove();
    },
  };
}
