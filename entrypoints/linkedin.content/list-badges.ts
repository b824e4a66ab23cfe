import { findListCards } from '../../lib/linkedin/list-cards';
import type { Replies } from '../../lib/protocol/operations';

/** Asks the background for the tags of some of the list's people (the `listTags` operation). */
export type LookUp = (ids: string[]) => Promise<Replies['listTags']>;

/** The most ids in one lookup: operations.ts's MAX_LIST_IDS (a type-only import keeps valibot out). */
const BATCH = 100;
/** Cards added by infinite scroll come in bursts: one look at the page per burst. */
const SETTLE_MS = 100;

// The same host on every card, whatever it shows: the page sees one closed, same-sized, empty element.
const HOST =
  'all:initial;display:inline-block;position:relative;width:14px;height:14px;margin-inline-start:4px;vertical-align:middle';
const STYLE =
  'b{display:block;width:12px;height:12px;margin:1px;border-radius:50%;box-shadow:0 0 0 1px #fff}' +
  'i{display:none;position:absolute;top:100%;left:0;z-index:9999;margin-top:4px;padding:2px 6px;border-radius:4px;' +
  'background:#1d2226;color:#fff;font:12px/1.4 system-ui,sans-serif;white-space:nowrap}' +
  'b:hover+i,b:focus+i{display:block}';

/**
 * Badges on a list of people: beside the name of every listed person the user has tagged, a dot in
 * the tags' colours, named "Kindred: <labels>" for assistive technology and shown as a tooltip on hover
 * and focus. Every card gets the same closed shadow host when it is found, before Kindred knows who is
 * tagged; only inside it does a tagged person's badge appear. Cards added later (infinite scroll) are
 * looked up together, one message per burst. Ends, and takes every host away, when `signal` aborts (the
 * page view ends).
 */
export function showListBadges(lookUp: LookUp, signal: AbortSignal): void {
  /** Each name's host, so a card is marked once while its host is in the page. */
  const marked = new WeakMap<Element, Element>();
  const hosts: Element[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const scan = () => {
    timer = undefined;
    const fresh = new Map<string, ShadowRoot[]>();
    for (const { id, spot } of findListCards(document)) {
      if (marked.get(spot.element)?.isConnected) continue;
      const host = document.createElement('span');
      host.style.cssText = HOST;
      const root = host.attachShadow({ mode: 'closed' });
      spot.element.insertAdjacentElement(spot.where, host);
      marked.set(spot.element, host);
      hosts.push(host);
      fresh.set(id, [...(fresh.get(id) ?? []), root]);
    }
    const ids = [...fresh.keys()];
    for (let start = 0; start < ids.length; start += BATCH) {
      lookUp(ids.slice(start, start + BATCH)).then(
        (tagged) => {
          if (signal.aborted) return;
          for (const [id, tags] of Object.entries(tagged)) for (const root of fresh.get(id) ?? []) draw(root, tags);
        },
        (error: unknown) => console.warn('Kindred:', error),
      );
    }
  };

  const observer = new MutationObserver(() => (timer ??= setTimeout(scan, SETTLE_MS)));
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const host of hosts) host.remove();
  });
  scan();
}

function draw(root: ShadowRoot, tags: Replies['listTags'][string]) {
  const name = `Kindred: ${tags.map((tag) => tag.label).join(', ')}`;
  const style = document.createElement('style');
  style.textContent = STYLE;
  const badge = document.createElement('b');
  badge.setAttribute('role', 'img');
  badge.setAttribute('aria-label', name);
  badge.tabIndex = 0;
  // One slice of the dot per tag, in the panel's order.
  const step = 100 / tags.length;
  badge.style.background = `conic-gradient(${tags.map((tag, i) => `${tag.color} ${i * step}% ${(i + 1) * step}%`).join()})`;
  // Inside a card's name link: looking at the badge does not follow the link.
  badge.onclick = (event) => event.preventDefault();
  const tip = document.createElement('i');
  tip.setAttribute('aria-hidden', 'true');
  tip.textContent = name;
  root.replaceChildren(style, badge, tip);
}
