import { i18n } from '#i18n';
import { type ListCard, watchListCards } from '../../lib/linkedin/list-cards';
import type { Replies } from '../../lib/protocol/operations';

/** Asks the background for the tags of some of the list's people (the `listTags` operation). */
export type LookUp = (ids: string[]) => Promise<Replies['listTags']>;

/** A listed person, as the content script knows them: from the card, and Kindred's control on it. */
export interface ListPerson {
  id: string;
  name: string;
  /** The card's Kindred control (in its closed shadow root): focus comes back here. */
  control: HTMLElement;
  /** The card's host in the page, where the popover goes. */
  host: HTMLElement;
}

export interface ListBadges {
  /** The person whose card holds the focus (the keyboard command's card), or null. */
  focused(): ListPerson | null;
  /** Looks these people (all on the page without ids) up again and redraws their badges. */
  refresh(ids?: string[]): void;
}

export interface ListOptions {
  /** The person activated a card's control (a real click or key, never the page's script). */
  open(person: ListPerson): void;
  dark(): boolean;
}

/** The most ids in one lookup: operations.ts's MAX_LIST_IDS (a type-only import keeps valibot out). */
const BATCH = 100;

// The same host on every card, whatever it shows: the page sees one closed, same-sized, empty element.
const HOST = 'all:initial;display:inline-block;width:14px;height:14px;margin-inline-start:4px;vertical-align:middle';
// Inside: one button, a dot in the tags' colours (transparent when untagged). While the card is hovered or
// holds the focus (.on) it widens to the same pill on every card, "+ Kindred" or "Kindred", overflowing the
// host (which keeps its size), so what the page could hit-test around the host is the same, tagged or not;
// the tooltip is never hit-tested. Nothing is positioned until it is shown: a positioned element on each of
// a hundred cards made every repaint of the list several times dearer.
const STYLE =
  'button{all:unset;display:flex;gap:3px;width:14px;height:14px;border-radius:7px;' +
  'cursor:pointer;font:600 11px/14px system-ui;white-space:nowrap;color:var(--c,#0a66c2)}:focus-visible{outline:2px solid}' +
  'b{flex:none;width:12px;height:12px;margin:1px;border-radius:50%}.t b{box-shadow:0 0 0 1px var(--b,#fff)}' +
  '.on{position:relative;z-index:1;width:7.4em;background:var(--b,#fff);box-shadow:0 0 0 1px}' +
  // The pill's words (the button's name is its aria-label).
  ".on:after{content:'+ Kindred'}.on.t:after{content:'Kindred'}" +
  '.d{--c:#71b7fb;--b:#1d2226}i{display:none}.t:hover+i,.t:focus+i{display:block;position:absolute;z-index:9999;' +
  'margin-top:4px;padding:2px 6px;border-radius:4px;background:#1d2226;color:#fff;font:12px/1.4 system-ui;' +
  'white-space:nowrap;pointer-events:none}';

interface Entry extends ListPerson {
  card: Element;
  dot: HTMLElement;
  tip: HTMLElement;
  /** What it shows now (the name and colours), so an unchanged answer changes nothing in the page. */
  shown?: string;
}

/**
 * Badges on a list of people: beside the name of every listed person the user has tagged, a dot in
 * the tags' colours, named "Kindred: <labels>" for assistive technology and shown as a tooltip on hover
 * and focus; activating it, or the "+ Kindred" control an untagged card shows on hover and focus, opens
 * the tagging popover (`open`). Every card gets the same closed shadow host when it is found, before
 * Kindred knows who is tagged; only inside it does a tagged person's badge appear. Cards added later
 * (infinite scroll) are looked up together, one message per burst; all of them again when the tab comes
 * back into view (tags changed in another tab or the options page). Ends, and takes every host away, when
 * `signal` aborts (the page view ends).
 */
export function showListBadges(lookUp: LookUp, signal: AbortSignal, options: ListOptions): ListBadges {
  /** Each card's and each name link's entry, while its host is in the page. */
  const marked = new WeakMap<Element, Entry>();
  let entries: Entry[] = [];

  const look = (ids: string[]) => {
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      lookUp(batch).then((tagged) => {
        if (signal.aborted) return;
        const asked = new Set(batch);
        for (const entry of entries) if (asked.has(entry.id)) draw(entry, tagged[entry.id]);
      }, console.warn);
    }
  };

  /**
   * Puts the host on every new card. Run before the next paint after LinkedIn adds cards, so no card is
   * ever painted without its host: the host's place beside the name never moves anything later.
   */
  const add = (cards: ListCard[]) => {
    // Cards LinkedIn took away (or re-rendered without the host): nothing of them is kept.
    entries = entries.filter((entry) => entry.host.isConnected || (entry.host.remove(), false));
    let dark: boolean | undefined;
    const fresh = new Set<string>();
    for (const { id, name, card, spot } of cards) {
      const shown = marked.get(spot.element);
      if (shown?.host.isConnected && shown.id === id) continue;
      // A card LinkedIn reuses for another person: their host replaces the previous person's.
      marked.get(card)?.host.remove();
      shown?.host.remove();
      const host = document.createElement('span');
      host.style.cssText = HOST;
      const root = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = STYLE;
      const control = document.createElement('button');
      // Read once per scan, and only when there is a new card: it reads the page's computed style.
      if ((dark ??= options.dark())) control.className = 'd';
      const dot = document.createElement('b');
      const tip = document.createElement('i');
      tip.setAttribute('aria-hidden', 'true');
      control.append(dot);
      root.append(style, control, tip);
      const entry: Entry = { id, name, card, host, control, dot, tip };
      draw(entry, undefined);
      // Inside a card's name link: the control neither follows the link nor tells LinkedIn's handlers.
      const activate = (event: Event) => {
        event.preventDefault();
        event.stopPropagation();
        if (event.isTrusted) options.open(entry);
      };
      control.addEventListener('click', activate);
      control.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') activate(event);
      });
      // Shown while the card is hovered or holds the focus; only inside the closed root.
      const update = () =>
        control.classList.toggle('on', card.matches(':hover') || card.contains(document.activeElement));
      for (const type of ['mouseenter', 'mouseleave', 'focusin']) card.addEventListener(type, update);
      card.addEventListener('focusout', () => setTimeout(update));
      spot.element.insertAdjacentElement(spot.where, host);
      marked.set(spot.element, entry);
      marked.set(card, entry);
      entries.push(entry);
      fresh.add(id);
    }
    // One lookup for all the cards of this frame.
    look([...fresh]);
  };

  const present = () => [...new Set(entries.filter((entry) => entry.host.isConnected).map((entry) => entry.id))];
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && look(present()), {
    signal,
  });
  signal.addEventListener('abort', () => {
    for (const entry of entries) entry.host.remove();
  });
  watchListCards(
    add,
    (card, id) => {
      const entry = marked.get(card);
      return entry?.host.isConnected === true && entry.id === id;
    },
    signal,
  );
  return {
    focused: () =>
      entries.find((entry) => entry.host.isConnected && entry.card.contains(document.activeElement)) ?? null,
    refresh: (ids) => look(ids ?? present()),
  };
}

/** "Tag $1 with Kindred", read once: a hundred cards asked the browser a hundred times. */
let tagText: string[] | undefined;

function draw(entry: Entry, tags: Replies['listTags'][string] | undefined) {
  const { control, dot, tip } = entry;
  const name = tags?.length ? `Kindred: ${tags.map((tag) => tag.label).join(', ')}` : '';
  const shown = name + tags?.map((tag) => tag.color).join();
  if (entry.shown === shown) return;
  entry.shown = shown;
  control.classList.toggle('t', Boolean(name));
  tagText ??= i18n.t('list.tag', ['|']).split('|');
  control.setAttribute('aria-label', name || tagText.join(entry.name));
  // One slice of the dot per tag, in the panel's order.
  const step = tags?.length ? 100 / tags.length : 0;
  dot.style.background = tags?.length
    ? `conic-gradient(${tags.map((tag, i) => `${tag.color} ${i * step}% ${(i + 1) * step}%`).join()})`
    : 'transparent';
  tip.textContent = name;
}
