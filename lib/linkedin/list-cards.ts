import { isMemberUrnId, profileIdFromUrl } from '../model/profile-url';
import { fold, withoutBidiMarks } from '../model/text';

/**
 * The people a LinkedIn list shows (search results, My Network → Connections, a company's People tab,
 * "People also viewed"), found by structure, never by class names or words: LinkedIn renames its
 * classes with every release and shows its lists in the user's language.
 *
 * A card is the smallest repeated element that holds exactly one person's profile link:
 * - a profile link is `/in/<slug>` itself (not `/in/<slug>/overlay/…`), outside the page's own header,
 *   navigation and footer; links by member id (`/in/ACoAA…`, the mutual connections a search card
 *   names) are nobody's card;
 * - climbing from a link, its card is the last ancestor that holds no other person's link;
 * - it is the person's: its first link leads to them (a company card that mentions who works there
 *   leads to the company first), and one of their links shows text: their name;
 * - it is repeated: a sibling of the same kind is another person's card (a lone person in a side
 *   column, or a company's "… works here" line, is not a list).
 */
export interface ListCard {
  /** The profile id (the decoded, lower-cased slug). */
  id: string;
  /** The card: the repeated element holding the person. */
  card: Element;
  /** The person's name, as the card shows it. */
  name: string;
  /** The link that shows the name: a mark beside the name goes next to it, never inside it. */
  link: HTMLAnchorElement;
  /**
   * The name runs inline to the link's end (people search), so a mark right after the link is on the
   * name's line; otherwise the link holds the name in a block of its own (My Network's connections, a
   * company's People tab), and a mark in the flow after it would start a line of its own.
   */
  inline: boolean;
}

const LANDMARKS = 'header,nav,footer,[role=banner],[role=navigation],[role=contentinfo]';
const PROFILE_PATH = /^\/in\/[^/]+\/?$/;

/**
 * Each link's person, by the href it had when read: a list is scanned again whenever cards are added, and
 * parsing every link's URL each time was most of the scan's cost on a long list.
 */
const people = new WeakMap<HTMLAnchorElement, { href: string; id: string | null }>();

/** The profile id a link leads to, or null when it is not a person's own profile link. */
function personOf(link: HTMLAnchorElement): string | null {
  // The attribute as written: reading `link.href` resolves the URL on every call.
  const href = link.getAttribute('href') ?? '';
  const known = people.get(link);
  if (known?.href === href) return known.id;
  // The path as the browser resolved it: `/in/<slug>` itself, not a sub-page.
  let id = PROFILE_PATH.test(link.pathname) && profileIdFromUrl(link.href);
  id = id && !isMemberUrnId(id) && !link.closest(LANDMARKS) ? id : null;
  people.set(link, { href, id });
  return id;
}

const LINK = 'a[href*="/in/"]';

/** Whether the caller has already handled this card, for this person. */
export type KnownCard = (card: Element, id: string) => boolean;

/**
 * Every card in or around `nodes`, in document order (a list's first card found late, with the second,
 * comes after the cards around it): `[document]` for the whole page; on infinite scroll
 * the nodes LinkedIn added, so that only the new cards are read, not the whole list again. A node added
 * inside a link (a person's name arriving after their link) counts as that link. `known`: cards the caller
 * has already handled, left out before their names are read.
 */
export function findListCards(nodes: Iterable<Node>, known?: KnownCard): ListCard[] {
  /** Whose links each element holds, as far as counted: a profile id, or '' for more than one person. */
  const owner = new Map<Element, string>();
  const counted = new Set<Node>();
  /** All of the page is counted: nothing more to count. */
  let whole = false;
  /** Counts the people's links in `root` (itself included) into its and their ancestors' owners. */
  const count = (root: Node) => {
    if (whole || counted.has(root)) return [];
    counted.add(root);
    const links = [...((root as ParentNode).querySelectorAll?.<HTMLAnchorElement>(LINK) ?? [])];
    if ((root as Element).matches?.(LINK)) links.push(root as HTMLAnchorElement);
    for (const link of links) {
      const id = personOf(link);
      for (let element: Element | null = id ? link : null; element; element = element.parentElement) {
        const held = owner.get(element);
        if (held === id || held === '') break; // this ancestor and all above it are already counted
        owner.set(element, held === undefined ? id! : '');
      }
    }
    return links;
  };
  const links = new Set<HTMLAnchorElement>();
  for (const node of nodes) {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (node.isConnected) for (const link of count(element?.closest(LINK) ?? element ?? node)) links.add(link);
    whole ||= node.nodeType === 9;
  }
  /** The people's owner of `element`, once all its links are counted. */
  const ownerOf = (element: Element) => (count(element), owner.get(element));
  /** The person the element's first link leads to. */
  const first = (element: Element) => {
    const link = element.querySelector<HTMLAnchorElement>('a[href]');
    return link && personOf(link);
  };
  /**
   * A sibling of the same kind that is another person's card (the list's first one, as a rule), or none.
   * One the caller has not handled yet is read too: the first card of a list that arrived alone, before
   * any sibling made it a list, is found with the second.
   */
  const sibling = (card: Element, id: string) => {
    for (const other of card.parentElement?.children ?? []) {
      const person = other !== card && other.tagName === card.tagName && ownerOf(other);
      if (!person || person === id || first(other) !== person) continue;
      if (!known?.(other, person)) links.add(other.querySelector<HTMLAnchorElement>('a[href]')!);
      return other;
    }
  };
  const cards: ListCard[] = [];
  const seen = new Set<Element>();
  for (const link of links) {
    const id = personOf(link);
    if (!id) continue;
    // Climbing from the link, its card is the last ancestor that holds no other person's link: beyond
    // what was added, the rest of the list is counted only until someone else's link turns up.
    let card: Element = link;
    for (let parent = card.parentElement; parent; card = parent, parent = parent.parentElement) {
      for (let child = whole ? null : parent.firstElementChild; child && owner.get(parent) !== '';) {
        count(child);
        child = child.nextElementSibling;
      }
      if (owner.get(parent) !== id) break;
    }
    if (seen.has(card)) continue;
    seen.add(card);
    // The person's (its first link leads to them), not handled yet, and repeated: a sibling of the same
    // kind is another person's card.
    if (first(card) !== id || known?.(card, id) || !sibling(card, id)) continue;
    const named = [...card.querySelectorAll<HTMLAnchorElement>('a[href]')].filter(
      (a) => personOf(a) === id && textOf(a),
    );
    // The name link shows text and no picture; a picture link can carry words too (an online status).
    const nameLink = named.find((a) => !a.querySelector('img,svg,figure')) ?? named.at(-1);
    if (!nameLink) continue;
    // The name: the words around the link's first text (not a "View …'s profile" line after it, in whatever
    // language). A link that holds the picture too holds the picture's words in the picture's own box
    // (an online status: "Status is offline", "Statut : hors ligne"…): those come first but are not the name.
    // A picture, not an icon: an svg may sit in the name's own box.
    const picture = nameLink.querySelector('img,figure')?.parentElement;
    const box = picture !== nameLink ? picture : null;
    const walker = card.ownerDocument.createTreeWalker(nameLink, 4 /* NodeFilter.SHOW_TEXT */);
    let firstText: Node | undefined;
    let text: Node | undefined;
    for (let node = walker.nextNode(); node && !text; node = walker.nextNode()) {
      if (!node.textContent!.trim()) continue;
      firstText ??= node;
      if (!box?.contains(node)) text = node;
    }
    text ??= firstText!;
    let inline = true;
    for (let element = text.parentElement!; inline; element = element.parentElement!) {
      inline = /^(inline|$)/.test(getComputedStyle(element).display);
      if (element === nameLink) break;
    }
    cards.push({ id, card, name: textOf(text.parentElement!), link: nameLink, inline });
  }
  return cards;
}

const textOf = (element: Element) => fold(withoutBidiMarks(element.textContent ?? ''));

/**
 * The cards of the page as it changes, until `signal` aborts: `found` gets every card on the page at once,
 * then, before the next paint after LinkedIn changes the page, the cards in or around what it added
 * (infinite scroll: only the new cards are read). It is also called, with none, after LinkedIn only took
 * something away, so the caller can let go of cards no longer in the page. Its own insertions are no
 * reason to look again.
 */
export function watchListCards(found: (cards: ListCard[]) => void, known: KnownCard, signal: AbortSignal): void {
  let added: Node[] = [document];
  let frame: number | undefined;
  const take = (records: MutationRecord[]) => {
    // A link LinkedIn reuses for another person (its href changes) is read again.
    for (const record of records) added.push(...record.addedNodes, ...(record.type[0] === 'a' ? [record.target] : []));
  };
  const scan = () => {
    frame = undefined;
    take(observer.takeRecords());
    const nodes = added;
    added = [];
    found(findListCards(nodes, known));
    observer.takeRecords();
  };
  const observer = new MutationObserver((records) => {
    take(records);
    frame ??= requestAnimationFrame(scan);
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributeFilter: ['href'],
  });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (frame !== undefined) cancelAnimationFrame(frame);
  });
  scan();
}
