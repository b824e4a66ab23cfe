import { isMemberUrnId, profileIdFromUrl } from '../model/profile-url';

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
  /** Where a mark beside the name goes: `where` of `element`, for insertAdjacentElement. */
  spot: { element: Element; where: 'beforeend' | 'afterend' };
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
  const id = readPerson(link, link.href);
  people.set(link, { href, id });
  return id;
}

function readPerson(link: HTMLAnchorElement, href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (!PROFILE_PATH.test(url.pathname)) return null;
  const id = profileIdFromUrl(url.href);
  return id && !isMemberUrnId(id) && !link.closest(LANDMARKS) ? id : null;
}

/**
 * Every card under `root`, in document order. `known`: cards the caller has already handled (a list
 * scanned again after infinite scroll), left out before their names are read.
 */
export function findListCards(root: ParentNode, known?: (card: Element) => boolean): ListCard[] {
  const links = new Map<HTMLAnchorElement, string>();
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href*="/in/"]')) {
    const id = personOf(link);
    if (id) links.set(link, id);
  }
  // Whose links each element holds: a profile id, or '' for more than one person.
  const owner = new Map<Element, string>();
  for (const [link, id] of links) {
    for (let element: Element | null = link; element; element = element.parentElement) {
      const held = owner.get(element);
      if (held === id || held === '') break; // this ancestor and all above it are already counted
      owner.set(element, held === undefined ? id : '');
    }
  }
  // Each person's largest element of their own whose first link leads to them.
  const candidates = new Map<Element, string>();
  for (const [link, id] of links) {
    let card: Element = link;
    while (card.parentElement && owner.get(card.parentElement) === id) card = card.parentElement;
    if (links.get(card.querySelector('a[href]') as HTMLAnchorElement) === id) candidates.set(card, id);
  }
  // Repeated: a sibling of the same kind is another person's card. Per parent and tag: the first person's
  // id, or '' once a second person's card is there too (one pass, not every card against its siblings).
  const kinds = new Map<Element | null, Map<string, string>>();
  for (const [card, id] of candidates) {
    const kind = kinds.get(card.parentElement) ?? new Map<string, string>();
    kinds.set(card.parentElement, kind);
    const seen = kind.get(card.tagName);
    kind.set(card.tagName, seen === undefined || seen === id ? id : '');
  }
  const cards: ListCard[] = [];
  for (const [card, id] of candidates) {
    if (kinds.get(card.parentElement)?.get(card.tagName) !== '' || known?.(card)) continue;
    const named = [...card.querySelectorAll<HTMLAnchorElement>('a[href]')].filter(
      (a) => links.get(a) === id && textOf(a),
    );
    // The name link shows text and no picture; a picture link can carry words too (an online status).
    const nameLink = named.find((a) => !a.querySelector('img,svg,figure')) ?? named[named.length - 1];
    const spot = nameLink && nameSpot(nameLink);
    if (spot) cards.push({ id, card, name: spot.name, spot: spot.spot });
  }
  return cards;
}

const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element holding the first words of the link (the name), and where a mark beside it goes. */
function nameSpot(link: Element): { name: string; spot: ListCard['spot'] } | null {
  const doc = link.ownerDocument;
  const walker = doc.createTreeWalker(link, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const holder = node.parentElement;
    if (!holder || !node.textContent?.trim()) continue;
    const name = textOf(holder);
    // Text hidden from assistive technology (the name shown to the eye beside a "View …'s profile" line)
    // gets the mark after it, outside the hidden part, so the mark stays in the accessibility tree.
    const hidden = holder.closest('[aria-hidden=true]');
    if (hidden && link.contains(hidden)) return { name, spot: { element: hidden, where: 'afterend' } };
    return { name, spot: { element: holder, where: 'beforeend' } };
  }
  return null;
}
