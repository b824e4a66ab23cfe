import { LIMITS, type SeenProfile } from '../model/contact';
import { isMemberUrnId, profileIdFromUrl, profileUrl } from '../model/profile-url';
import { fold } from '../model/text';

/**
 * Reads who a LinkedIn profile page is about. LinkedIn has shipped many layouts (2016–2026) and changes
 * them often, so the top card is looked for with one selector table per layout generation, newest
 * first; data embedded in the page (JSON-LD, <code> blobs, og: tags) fills the gaps only when it names
 * the profile of the URL, because after in-page navigation it can still describe the previous person.
 */

export interface ExtractedProfile extends SeenProfile {
  pronouns: string;
}
export type ProfileFields = Pick<SeenProfile, 'name' | 'headline' | 'company' | 'location'>;
type Card = ProfileFields & { el: Element; pronouns: string };
type Obj = Record<string, unknown>;

// Ends with: "…TopcardOnly…" containers hold other cards (Analytics…) and render without the top card.
const SDUI = '[componentkey$="topcard" i]';
/**
 * name | card (an ancestor of the name) | headline | location | current company. Alternatives are
 * separated by "|" and tried in order. The server-driven UI has no field selectors: its hashed class
 * names change every release, so its unlabelled <p>s are read in order (see `sduiLines`).
 */
const LAYOUTS = [
  [SDUI + ' h2', SDUI],
  [
    'h1.text-heading-xlarge',
    '.pv-top-card|section',
    '[data-generated-suggestion-target]|.text-body-medium',
    '.text-body-small.inline.t-black--light',
    '[aria-label^="current company" i]',
  ],
  [
    '.top-card-layout__title',
    '.top-card-layout|section',
    '.top-card-layout__headline',
    '.top-card-layout__first-subline .top-card__subline-item|.top-card-layout__first-subline',
    '[data-section=currentPositionsDetails] .top-card-link__description',
  ],
  ['.pv-top-card--list>li', '.pv-top-card', 'h2', '.pv-top-card--list-bullet>li', '[data-control-name=position_see_more]'],
  [
    '.pv-top-card-section__name',
    '.pv-top-card-section',
    '.pv-top-card-section__headline',
    '.pv-top-card-section__location',
    '.pv-top-card-section__company',
  ],
  ['#name', '#topcard|.profile-card', '.headline', '.locality', '.org'],
];
/** Pages that stand in for a profile (sign-in walls are known by their title: public profiles have login forms too). */
const BLOCKED = '.page-not-found,#captcha-internal,form[action*=checkpoint]';
const GONE = /(?:n[’']t|not) (?:exist|available)|not found|unavailable|security check/i;
/** Headings that may hold the name in a layout not in the table; trusted only when the title agrees. */
const LOOSE = '[componentkey*="topcard" i] h2|main h1|h1';
/** Links that only the profile's own top card has; they name whose card it is. */
const SELF_LINK = 'a[href*="/overlay/contact-info"],a[href*="/detail/contact-info"],a[href*="/overlay/about-this-profile"]';
/** Screen-reader copies of visible text: reading both doubles the name. */
const HIDDEN = '.visually-hidden,.a11y-text,.sr-only,script,style,template';
/** "He/Him", "she / they", "Ze/Hir/Hirs": LinkedIn's choices and custom ones. */
const PRONOUNS = /\(?\b((?:he|she|they|ze|xe|ey)\s*\/\s*[a-z]+(?:\s*\/\s*[a-z]+)?)\)?/i;
const ONLY_PRONOUNS = new RegExp(`^${PRONOUNS.source}$`, 'i');
const DEGREE = /(?:[·•]\s*)?\b(?:1st|2nd|3rd\+?)(?:[- ]degree(?: connection)?)?(?!\w)/gi;
/** Titles of pages LinkedIn shows in place of a profile. */
const STAND_IN_TITLE = /not found|n[’']t exist|does not exist|security|verification|checkpoint|authwall|\b(?:sign|log) ?(?:in|up)\b|^join\b/i;
const NOT_NAME = new RegExp(
  `${STAND_IN_TITLE.source}|^(?:linkedin|feed|messaging|notifications|my network|jobs|search|home|people|profile)$`,
  'i',
);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Meta content and JSON strings can still hold entities (og:title is even double-encoded). */
const decode = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    const n = e[0] === '#' ? parseInt(e.slice(1).replace(/^x/i, '0x')) : -1;
    return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : (ENTITIES[e.toLowerCase()] ?? m);
  });

function textOf(el: Element | null | undefined): string {
  let s = '';
  const walk = (n: Node) =>
    n.childNodes.forEach((c) =>
      c.nodeType === 3 ? (s += c.nodeValue) : c.nodeType === 1 && !(c as Element).matches(HIDDEN) && walk(c),
    );
  if (el) walk(el);
  return fold(s) || fold(el?.textContent ?? '');
}

/** "Jane Doe (She/Her) · 2nd" → ["Jane Doe", "She/Her"]. */
function person(raw: string): [string, string] {
  const p = PRONOUNS.exec(raw);
  const name = fold((p ? raw.replace(p[0], ' ') : raw).replace(DEGREE, ' ')).replace(/^[\s·•,|-]+|[\s·•,|-]+$/g, '');
  return [name, p?.[1]?.replace(/\s/g, '') ?? ''];
}

/** A LinkedIn page title: what comes before "| LinkedIn", after an unread-count like "(3)". */
const LINKEDIN_TITLE = /^(?:\(\d+\+?\)\s*)?(.+?)\s*[|–—-]\s*LinkedIn$/i;

/** "Jane Doe | LinkedIn", "(3) Jane Doe - Title - Company | LinkedIn" → "Jane Doe". */
export function nameFromTitle(title: string): string {
  const m = LINKEDIN_TITLE.exec(fold(title));
  const name = m ? person(m[1]!.split(/\s+[|–—-]\s+/)[0]!)[0] : '';
  return NOT_NAME.test(name) ? '' : name;
}

const any = <T>(sels: string | undefined, f: (sel: string) => T | null | undefined): T | '' => {
  for (const sel of sels?.split('|') ?? []) {
    const found = f(sel);
    if (found) return found;
  }
  return '';
};

const slugOf = (href: unknown): string => {
  try {
    return (typeof href === 'string' && profileIdFromUrl(new URL(href, 'https://www.linkedin.com/').href)) || '';
  } catch {
    return '';
  }
};

/** The server-driven top card: after the name come pronouns, headline, "company · school", location. */
function sduiLines(card: Element, name: Element): string[] {
  const lines: string[] = [];
  for (const p of card.querySelectorAll('p')) {
    if (!(name.compareDocumentPosition(p) & 4) || p.closest('a,button,[role=button]')) continue;
    if (p.querySelector('a')) break; // "Contact info" ends the location line
    const text = textOf(p);
    if (!ONLY_PRONOUNS.test(text) && person(text)[0]) lines.push(text);
  }
  return lines;
}

function readCard(doc: Document): Card | null {
  for (const [nameSel, cardSel, ...sels] of LAYOUTS) {
    const nameEl = any(nameSel, (sel) => doc.querySelector(sel));
    const el = nameEl && any(cardSel, (sel) => nameEl.closest(sel));
    const [name, fromName] = person(textOf(nameEl || null));
    if (!el || !name) continue;
    let [headline = '', location = '', company = ''] = sels.map((s) => any(s, (sel) => textOf(el.querySelector(sel))));
    if (!sels.length) {
      const lines = sduiLines(el, nameEl);
      [headline = '', company = '', location = ''] = lines.length > 2 ? lines : [lines[0], '', lines[1]];
    }
    const pronouns = [...el.querySelectorAll('p,span')].map(textOf).find((t) => ONLY_PRONOUNS.test(t));
    const first = (s: string) => s.split(' · ')[0]!;
    return {
      el,
      name,
      pronouns: pronouns ? person(pronouns)[1] : fromName,
      headline,
      company: first(company),
      location: first(location),
    };
  }
  const title = nameFromTitle(doc.title);
  const h = any(LOOSE, (sel) => [...doc.querySelectorAll(sel)].find((e) => title && person(textOf(e))[0] === title));
  const el = h && any(SDUI.replace('$', '*') + '|section', (sel) => h.closest(sel));
  return h ? { el: el || h, name: title, pronouns: '', headline: '', company: '', location: '' } : null;
}

/** What the page shows of a person, whatever its URL says (used to know what is stale after navigation). */
export function extractProfileFields(doc: Document): ProfileFields {
  const card = readCard(doc);
  return {
    name: card?.name ?? nameFromTitle(doc.title),
    headline: card?.headline ?? '',
    company: card?.company ?? '',
    location: card?.location ?? '',
  };
}

/** The card at the top of the profile that shows the person's name, if the page has one. */
export function findTopCard(doc: Document): Element | null {
  return readCard(doc)?.el ?? null;
}

/** Objects in the page's JSON (JSON-LD, <code> blobs) and og: tags that say which profile they describe. */
function embedded(doc: Document, id: string): Obj[] {
  const meta = (p: string) =>
    decode(doc.querySelector(`meta[property="${p}"],meta[name="${p}"]`)?.getAttribute('content') ?? '');
  const found: Obj[] = [
    {
      '@type': 'Person',
      url: meta('og:url'),
      name: fold(meta('profile:first_name') + ' ' + meta('profile:last_name')) || nameFromTitle(meta('og:title')),
    },
  ];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const o = v as Obj;
    if ((o.url || o.sameAs || o.publicIdentifier) && (o['@type'] ?? 'Person') === 'Person') found.push(o);
    Object.values(o).forEach(walk);
  };
  for (const el of doc.querySelectorAll('script[type="application/ld+json"],code')) {
    const text = el.textContent ?? '';
    // LinkedIn's <code> blobs are large: parse only those that mention this profile.
    if (el.tagName === 'CODE' && !text.includes(id)) continue;
    try {
      walk(JSON.parse(text));
    } catch {
      // not JSON
    }
  }
  return found;
}

const str = (v: unknown) => (typeof v === 'string' ? fold(decode(v)) : '');
const ownSlugs = (o: Obj) => [o.url, o.sameAs, o.publicIdentifier && `/in/${str(o.publicIdentifier)}`].flat().map(slugOf);

/**
 * Whether the page is one LinkedIn shows instead of a profile: not found, sign-in wall, security check.
 * Such a page names nobody, and Kindred offers no panel on it.
 */
export function isStandInPage(doc: Document): boolean {
  const titled = LINKEDIN_TITLE.exec(fold(doc.title))?.[1] ?? fold(doc.title);
  return (
    !!doc.querySelector(BLOCKED) ||
    [...doc.querySelectorAll('h1,main h2')].some((h) => GONE.test(textOf(h))) ||
    STAND_IN_TITLE.test(titled)
  );
}

/**
 * Who the profile page at `url` is about; null when the URL is not a profile or the page is not a
 * profile page (not found, sign-in wall, security check, a page that names nobody).
 */
export function extractProfile(doc: Document, url: string): ExtractedProfile | null {
  let id = profileIdFromUrl(url);
  if (!id) return null;
  const card = readCard(doc);
  if (!card && isStandInPage(doc)) return null;
  const self = [...(card?.el.querySelectorAll(SELF_LINK) ?? [])]
    .map((a) => slugOf(a.getAttribute('href')))
    .find((s) => s && !isMemberUrnId(s));
  const urn = isMemberUrnId(id) ? id : '';
  let fresh = card;
  let objs = embedded(doc, id);
  if (urn) {
    // The server-driven card's key holds the member id of whom it shows.
    const key = card?.el.getAttribute('componentkey') ?? '';
    if (/AC[ow]AA/i.test(key) && !key.includes(urn)) fresh = null;
    // Sources that may outlive in-page navigation count only when they agree with the card's name.
    const agrees = (o: Obj) => !fresh || !str(o.name) || person(str(o.name))[0] === fresh.name;
    id =
      [
        fresh ? self : '',
        ...objs.flatMap((o) => (str(o.entityUrn).endsWith(':' + urn) || (o['@type'] && agrees(o)) ? ownSlugs(o) : [])),
        slugOf(doc.querySelector('link[rel=canonical]')?.getAttribute('href')),
      ].find((s) => s && !isMemberUrnId(s)) ?? urn;
  } else if (self && self !== id) {
    fresh = null; // the previous person's card, still shown after in-page navigation
  }
  objs = objs.filter((o) => (urn && str(o.entityUrn).endsWith(':' + urn)) || ownSlugs(o).includes(id!));
  const pick = (f: (o: Obj) => unknown) => objs.map((o) => str(f(o))).find(Boolean) ?? '';
  const [name, pronouns] = person(
    fresh?.name ||
      pick((o) => o.name || (o.firstName && `${str(o.firstName)} ${str(o.lastName)}`)) ||
      (card ? '' : nameFromTitle(doc.title)),
  );
  if (!card && !name) return null;
  const fields: ProfileFields = {
    name,
    headline: fresh?.headline || pick((o) => o.headline || o.occupation),
    company: fresh?.company || pick((o) => ([o.worksFor].flat()[0] as Obj | undefined)?.name),
    location: fresh?.location || pick((o) => (o.address as Obj | undefined)?.addressLocality || o.geoLocationName || o.locationName),
  };
  // The background rejects longer fields; a misread layout must not cost the whole contact.
  for (const k of ['name', 'headline', 'company', 'location'] as const) fields[k] = fields[k].slice(0, LIMITS[k]);
  return { id, url: profileUrl(id), ...fields, pronouns: fresh?.pronouns || pronouns };
}
