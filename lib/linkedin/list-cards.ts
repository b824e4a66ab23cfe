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

/** The profile id a link leads to, or null when it is not a person's own profile link. */
function personOf(link: HTMLAnchorElement): string | null {
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return null;
  }
  if (!PROFILE_PATH.test(url.pathname)) return null;
  const id = profileIdFromUrl(url.href);
  return id && !isMemberUrnId(id) && !link.closest(LANDMARKS) ? id : null;
}

/** Every card under `root`, in document order. */
export function findListCards(root: ParentNode): ListCard[] {
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
  const cards: ListCard[] = [];
  for (const [card, id] of candidates) {
    // Repeated: a sibling of the same kind is another person's card.
    const siblings = card.parentElement?.children ?? [];
    const repeated = [...siblings].some(
      (other) => other.tagName === card.tagName && (candidates.get(other) ?? id) !== id,
    );
    if (!repeated) continue;
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
