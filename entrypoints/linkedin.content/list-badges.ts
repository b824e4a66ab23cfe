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

// Inside: one button, the same on every card, so that the answer about who is tagged only repaints it (a
// new element inside would cost the page a layout). Its ::before is a dot in the tags' colours (--g;
// transparent when untagged). While the card is hovered or holds the focus (.on) it widens to the same pill
// on every card, "+ Kindred" or "Kindred" (::after), overflowing the host (which keeps its size), so what
// the page could hit-test around the host is the same, tagged or not. A tagged badge hovered or focused
// shows its name as a tooltip (::after again, never hit-tested). Nothing is positioned until it is shown: a
// positioned element on each of a hundred cards made every repaint of the list several times dearer.
const STYLE =
  // The host: the same on every card, whatever it shows (the page sees one closed, same-sized, empty element
  // of a tag of Kindred's own, which LinkedIn's styles do not name). Where the name has a line of its own in
  // the link, it floats at that line's end, out of LinkedIn's flow, so nothing moves.
  ':host{display:inline-block;width:14px;height:14px;margin-inline-start:4px;vertical-align:middle}' +
  // There the pill and the tooltip open towards the name, not out of the card (their words still run
  // left to right).
  ':host(.f){float:inline-end;direction:rtl}:after{direction:ltr}' +
  // Nothing of the page's text styles reaches the control.
  'button{all:initial;display:flex;gap:3px;width:14px;height:14px;border-radius:7px;' +
  'cursor:pointer;font:600 11px/14px system-ui;white-space:nowrap;color:var(--c,#0a66c2)}:focus-visible{outline:2px solid}' +
  ":before{content:'';flex:none;width:12px;height:12px;margin:1px;border-radius:50%;background:var(--g)}" +
  '.t:before{box-shadow:0 0 0 1px var(--b,#fff)}.on,.t:is(:hover,:focus){position:relative;z-index:1}' +
  ".on{width:7.4em;background:var(--b,#fff);box-shadow:0 0 0 1px}.on:after{content:'+ Kindred'}" +
  ".on.t:after{content:'Kindred'}.d{--c:#71b7fb;--b:#1d2226}.t:is(:hover,:focus):after{content:attr(aria-label);" +
  'position:absolute;top:18px;padding:2px 6px;border-radius:4px;background:#1d2226;color:#fff;pointer-events:none}';

interface Entry extends ListPerson {
  card: Element;
  /** What it shows now (the name and colours), so an unchanged answer changes nothing in the page. */
  shown?: string;
}

/**
 * Badges on a list of people: beside the name of every listed person the user has tagged, a dot in
 * the tags' colours, named "Kindred: <labels>" for assistive technology and shown as a tooltip on hover
 * and focus; activating it, or the "+ Kindred" control an untagged card shows on hover and focus, opens
 * the tagging popover (`open`). Every card gets the same closed shadow host when it is found, before
 * Kindred knows who is tagged; only inside it does a tagged person's badge appear. The cards of each frame
 * (infinite scroll) are looked up together, in one message; all of them again when the tab comes back
 * into view (tags changed in another tab or the options page). Ends, and takes every host away, when
 * `signal` aborts (the page view ends).
 */
export function showListBadges(lookUp: LookUp, signal: AbortSignal, options: ListOptions): ListBadges {
  /** Each card's entry, while its host is in the page. */
  const marked = new WeakMap<Element, Entry>();
  let entries: Entry[] = [];

  const look = (ids: string[]) => {
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      lookUp(batch).then((tagged) => {
        if (signal.aborted) return;
        for (const entry of entries) if (batch.includes(entry.id)) draw(entry, tagged[entry.id]);
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
    const fresh: string[] = [];
    for (const { id, name, card, link, inline } of cards) {
      // A card LinkedIn reuses for another person: their host replaces the previous person's.
      marked.get(card)?.host.remove();
      const host = document.createElement('kindred-mark');
      const root = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = STYLE;
      const control = document.createElement('button');
      // Read once per scan, and only when there is a new card: it reads the page's computed style.
      if ((dark ??= options.dark())) control.className = 'd';
      root.append(style, control);
      const entry: Entry = { id, name, card, host, control };
      draw(entry, undefined);
      // The control's click (a key on it is a click too) tells none of LinkedIn's handlers around it.
      control.addEventListener('click', (event) => {
        event.stopPropagation();
        if (event.isTrusted) options.open(entry);
      });
      // Shown while the card is hovered or holds the focus (as it is once the event is over); only inside
      // the closed root.
      const update = () =>
        control.classList.toggle('on', card.matches(':hover') || card.contains(document.activeElement));
      for (const type of ['mouseenter', 'mouseleave', 'focusin', 'focusout'])
        card.addEventListener(type, () => setTimeout(update));
      // Beside the name's link, never inside it: a control inside a link is invalid, is read out as part of
      // the link, and a click on it could follow the link. Right after it where the name runs inline; where
      // the name has a line of its own, just before it, floating to the end of that line.
      if (inline) link.after(host);
      else {
        host.className = 'f';
        link.before(host);
      }
      marked.set(card, entry);
      entries.push(entry);
      fresh.push(id);
    }
    // One lookup for all the cards of this frame.
    look(fresh);
  };

  const present = () => entries.map((entry) => entry.id);
  document.addEventListener('visibilitychange', () => document.hidden || look(present()), { signal });
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
    focused: () => entries.find((entry) => entry.card.contains(document.activeElement)) ?? null,
    refresh: (ids) => look(ids ?? present()),
  };
}

/** "Tag $1 with Kindred", read once: a hundred cards asked the browser a hundred times. */
let tagText: string[] | undefined;

function draw(entry: Entry, tags: Replies['listTags'][string] | undefined) {
  const { control } = entry;
  const name = tags?.length ? `Kindred: ${tags.map((tag) => tag.label).join(', ')}` : '';
  const shown = name + tags?.map((tag) => tag.color).join();
  if (entry.shown === shown) return;
  entry.shown = shown;
  control.classList.toggle('t', Boolean(name));
  tagText ??= i18n.t('list.tag', ['|']).split('|');
  control.setAttribute('aria-label', name || tagText.join(entry.name));
  // One slice of the dot per tag, in the panel's order (a stop at 0 starts where the previous one ends).
  control.style.setProperty(
    '--g',
    name ? `conic-gradient(${tags!.map((tag, i) => `${tag.color} 0 ${((i + 1) * 100) / tags!.length}%`).join()})` : '',
  );
}
