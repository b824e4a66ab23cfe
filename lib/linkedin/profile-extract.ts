import { LIMITS, type SeenProfile } from '../model/contact';
import { isMemberUrnId, profileIdFromUrl, profileUrl } from '../model/profile-url';
import { fold, withoutBidiMarks } from '../model/text';
import {
  CANONICAL_LINK,
  CONTACT_INFO_LINK,
  EDUCATION_SECTION,
  EMBEDDED_JSON,
  EXPERIENCE_SECTION,
  GONE_HEADING,
  HIDDEN,
  LINE_END,
  LOOSE_CARD,
  LOOSE_NAME,
  MEMBER_ID,
  MEMBER_ID_IN_KEY,
  MEMBER_ID_LINK,
  SDUI_LINE,
  SDUI_LINE_END,
  SDUI_LINE_SKIPPED_INSIDE,
  SELF_LINK,
  STAND_IN_PAGE,
  TOP_CARD_KEY_ATTRIBUTE,
  TOP_CARD_LAYOUTS,
  UNAVAILABLE_PROFILE_ID,
  metaTag,
} from './selectors';

/**
 * Reads who a LinkedIn profile page is about. LinkedIn has shipped many layouts (2016–2026) and changes
 * them often, so the top card is looked for with one selector table per layout generation, newest
 * first (all selectors are in ./selectors.ts); data embedded in the page (JSON-LD, <code> blobs, og:
 * tags) fills the gaps only when it names the profile of the URL, because after in-page navigation it
 * can still describe the previous person.
 */

type ProfileFields = Pick<SeenProfile, 'name' | 'headline' | 'company' | 'location'>;
type Card = ProfileFields & { el: Element };
/** A field Kindred could not read although the page had a top card: a sign LinkedIn changed its layout. */
export type MissingField = 'headline' | 'company' | 'location';
export type ExtractedProfile = SeenProfile & {
  /** The person's member id ("ACoAA…"), when the page ties one to this profile. */
  memberId?: string;
  /** Fields empty on a page that had a top card (empty when there was none: nothing to count then). */
  missing: MissingField[];
  /** Whether this person's top card was on the page (then `missing` says something about the layout). */
  topCard: boolean;
};
type Obj = Record<string, unknown>;

/**
 * The words Kindred reads on LinkedIn's pages, all of them here; everything else is read by structure.
 * LinkedIn shows its UI in the member's language, so each holds the English words (seen on the saved pages)
 * and those of LinkedIn's other UI languages. Those marked "seen" are on saved pages (sdui-2026-pl-*,
 * ember-2026-pl-*, loggedout-nl.html, ember-de-hashed.html); the rest are LinkedIn's translations as far as
 * known, not seen on a saved page. A word not recognised must cost a value, never store a wrong one: the
 * structure (the name's row, the "Contact info" link, the stand-in pages' markup) comes first.
 */

/**
 * What the heading of a page standing in for a profile says ("This profile doesn’t exist", "This profile
 * is not available"…; seen in English). In other UI languages LinkedIn sends the member to
 * /in/unavailable/ (`UNAVAILABLE_PROFILE_ID`), and a page without a profile's top card shows no panel:
 * their words would cost the content script bytes for nothing.
 */
const GONE = /(?:n[’']t|not) (?:exist|available)|not found|unavailable|security check/i;
/**
 * Pronouns LinkedIn shows by the name: "He/Him", "she / they", "Ze/Hir/Hirs" (seen in English: its choices
 * and custom ones). In other UI languages the first word is the UI's own (German "Er/Ihm", "Sie/Ihr",
 * French "Il/Lui", "Elle/Elle", "Iel", Spanish "Él", "Ella", Portuguese "Ele/Dele", "Ela/Dela", Italian
 * "Lui", "Lei", Dutch "Hij/Hem", "Zij/Haar", Swedish "Han/Honom", "Hon/Henne", "Hen", Polish "On/Jego",
 * "Ona/Jej", "Oni"); any two or three short words split by "/" in brackets are pronouns in a name too.
 */
const PRONOUNS =
  /\(?(?<![\p{L}\p{N}])((?:he|she|they|ze|xe|ey|er|sie|il|elle|iel|él|ella|ele|ela|lui|lei|hij|zij|han|hon|hen|on|ona|ono|oni)\s*\/\s*\p{sc=Latin}+(?:\s*\/\s*\p{sc=Latin}+)?)\)?(?![\p{L}\p{N}])|\(\s*\p{L}{1,6}(?:\s*\/\s*\p{L}{1,6}){1,2}\s*\)/iu;
const ONLY_PRONOUNS = new RegExp(`^(?:${PRONOUNS.source})$`, 'iu');
/**
 * The connection degree, as LinkedIn shows it after a "·" or "•" in every UI language: English "1st",
 * "2nd", "3rd+" (seen); Polish, German, Danish, Norwegian, Finnish, Czech, Turkish "1.", "2.", "3.+" (seen
 * in Polish: "· 1."; German "· 2." beside "Kontakt 2. Grades" in another LinkedIn tool's tests); French "1er", "2e", "3e et +"; Dutch "1e", "2e", "3e+"; Spanish, Portuguese "1º",
 * "2º", "3º+" (also "1.º"); Italian "1°"; Swedish "1:a", "2:a", "3:e+"; Russian, Ukrainian "1-й";
 * Japanese "1次", "3次+"; Chinese "1度", "一度"; Korean "1촌"; and the bare digit.
 */
const ORDINAL = String.raw`(?:[1-3](?:st|nd|rd|th|\.?º|\.?ª|°|\.|er|re|e|de|:a|:e|-?й|次|度|촌)?|[一二三]度)(?:\s*\+|\s*et \+|以上)?`;
/** The degree in a name: English without the "·" too ("Jane Doe 2nd degree connection"). */
const DEGREE = new RegExp(
  String.raw`(?:[·•]\s*)?\b(?:1st|2nd|3rd\+?)(?:[- ]degree(?: connection)?)?(?!\w)|[·•]\s*${ORDINAL}(?![\p{L}\p{N}])`,
  'giu',
);
/**
 * A top-card line that is the connection degree, in any UI language: LinkedIn puts it after a "·"
 * ("· 1st", "· 1.", "· 1er", "· 2e", "· 3º+"), or shows "·" and the ordinal as two lines.
 */
const DEGREE_LINE = new RegExp(String.raw`^[·•]|^${ORDINAL}$`, 'iu');
/**
 * "Contact info" after the location, when it is not a link or button (the link itself ends the line:
 * `LINE_END`). Seen: English, Dutch "Contactgegevens", German "Kontaktinfo", Polish "Informacje kontaktowe".
 * Also: French "Coordonnées", Spanish "Información de contacto", Portuguese "Informações de contato" /
 * "Dados de contato", Italian "Informazioni di contatto", Swedish "Kontaktuppgifter", Danish
 * "Kontaktoplysninger", Norwegian "Kontaktinformasjon", Finnish "Yhteystiedot", Czech "Kontaktní údaje",
 * Romanian "Informații de contact", Turkish "İletişim bilgileri", Indonesian "Info kontak" / "Informasi kontak",
 * Malay "Maklumat hubungan". Not listed: the UI languages in other scripts (Russian, Ukrainian, Arabic,
 * Japanese, Korean, Chinese, Thai, Hindi): today's pages show it as a link, which ends the line by
 * structure, and their words cost the content script (loaded on every LinkedIn page) too many bytes.
 */
const CONTACT_INFO =
  /\s*(?:contact ?info|contactgegevens|kontaktinfo|coordonnées|información de contacto|informacje kontaktowe|informações de contato|dados de contato|informazioni di contatto|kontaktuppgifter|kontaktoplysninger|kontaktinformasjon|yhteystiedot|kontaktní údaje|informații de contact|[iİ]letişim bilgileri|info(?:rmasi)? kontak|maklumat hubungan)(?![\p{L}\p{N}]).*$/iu;
const SEPARATORS = /^[\s·•,|-]+|[\s·•,|-]+$/g;
/**
 * Titles of pages LinkedIn shows in place of a profile (seen in English). Also the sign-up and sign-in
 * titles in German "Registrieren", "Anmelden", French "S’inscrire", "S’identifier", Spanish "Regístrate",
 * "Iniciar sesión", Portuguese "Cadastre-se", Italian "Iscriviti", "Accedi", Dutch "Inloggen", "Word lid",
 * Polish "Zarejestruj się", "Zaloguj się", Swedish "Logga in", "Gå med", and "not found" in German "nicht
 * gefunden", French "introuvable", Spanish "no encontrado", Portuguese "não encontrado", Dutch "niet
 * gevonden", Polish "nie znaleziono". The stand-in pages' markup says it first (`STAND_IN_PAGE`).
 */
const STAND_IN_TITLE =
  /not found|n[’']t exist|does not exist|security|verification|checkpoint|authwall|\b(?:sign|log) ?(?:in|up)\b|^join\b|^(?:registrieren|anmelden|s[’']inscrire|s[’']identifier|regístrate|iniciar sesión|cadastre-se|iscriviti|accedi|inloggen|word lid|zarejestruj się|zaloguj się|logga in|gå med)(?![\p{L}])|nicht gefunden|introuvable|no encontrado|não encontrado|niet gevonden|nie znaleziono/iu;
const NOT_NAME = new RegExp(
  `${STAND_IN_TITLE.source}|^(?:linkedin|feed|messaging|notifications|my network|jobs|search|home|people|profile)$`,
  'iu',
);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Meta content and JSON strings can still hold entities (og:title is even double-encoded). */
const decode = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    const n = e[0] === '#' ? parseInt(e.slice(1).replace(/^x/i, '0x')) : -1;
    return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : (ENTITIES[e.toLowerCase()] ?? m);
  });

/** The visible text of `el`; with `end`, only what comes before the first element matching it. */
function textOf(el: Element | null | undefined, end?: string): string {
  let s = '';
  let stop = false;
  const walk = (n: Node) =>
    n.childNodes.forEach((c) => {
      if (stop || c.nodeType !== 1) return c.nodeType === 3 && !stop && (s += c.nodeValue);
      if (end && (c as Element).matches(end)) stop = true;
      else if (!(c as Element).matches(HIDDEN)) walk(c);
    });
  if (el) walk(el);
  return end ? fold(s).replace(SEPARATORS, '') : fold(s) || fold(el?.textContent ?? '');
}

/** A location line: what it says before "Contact info" (a link or button, in the UI's language). */
const placeOf = (el: Element | null) =>
  (textOf(el, LINE_END) || textOf(el)).replace(CONTACT_INFO, '').replace(SEPARATORS, '');

/** "Jane Doe (She/Her) · 2nd" → "Jane Doe". */
function personName(raw: string): string {
  raw = withoutBidiMarks(raw);
  const p = PRONOUNS.exec(raw);
  return fold((p ? raw.replace(p[0], ' ') : raw).replace(DEGREE, ' ')).replace(SEPARATORS, '');
}

/** A LinkedIn page title: what comes before "| LinkedIn", after an unread-count like "(3)". */
const LINKEDIN_TITLE = /^(?:\(\d+\+?\)\s*)?(.+?)\s*[|–—-]\s*LinkedIn$/i;

/** "Jane Doe | LinkedIn", "(3) Jane Doe - Title - Company | LinkedIn" → "Jane Doe". */
export function nameFromTitle(title: string): string {
  const m = LINKEDIN_TITLE.exec(fold(title));
  const name = m ? personName(m[1]!.split(/\s+[|–—-]\s+/)[0]!) : '';
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

/**
 * The server-driven top card: after the name come pronouns, headline, "company · school", location.
 * The name's own row (the nearest box around it with lines) holds the degree and badges, not fields.
 */
function sduiLines(card: Element, name: Element): string[] {
  let row = name;
  while (row !== card && !row.querySelector(SDUI_LINE)) row = row.parentElement ?? card;
  let ps = [...card.querySelectorAll(SDUI_LINE)].filter(
    (p) => name.compareDocumentPosition(p) & 4 && !p.closest(SDUI_LINE_SKIPPED_INSIDE),
  );
  const end = ps.findIndex((p) => p.querySelector(SDUI_LINE_END)); // "Contact info" ends the location line
  if (end >= 0) ps = ps.slice(0, end);
  if (ps.some((p) => !row.contains(p))) ps = ps.filter((p) => !row.contains(p));
  return ps.map((p) => textOf(p)).filter((t) => !ONLY_PRONOUNS.test(t) && !DEGREE_LINE.test(t) && personName(t));
}

/** The text of the sections matching `sel` (an Ember anchor stands in its section). */
const sectionText = (doc: Document, sel: string) =>
  [...doc.querySelectorAll(sel)].map((e) => ((e.id ? e.parentElement : e) ?? e).textContent).join('\n');

/** Whether a top-card entry is a school: listed under education and not under experience. */
const isSchool = (doc: Document, name: string) =>
  !!name && sectionText(doc, EDUCATION_SECTION).includes(name) && !sectionText(doc, EXPERIENCE_SECTION).includes(name);

/**
 * The first element matching `sel` in the card, or else in what the browser's HTML parser moved out of
 * it: LinkedIn's logged-out card puts its sign-in dialog (with its own button and form) inside the
 * "Contact info" button, and a real parser (Chromium's, Firefox's; not happy-dom's) ends the outer
 * button at the inner one, closing the lines around it too, so the rest of the card (the current
 * company's line: loggedout-nl.html) becomes the card's next sibling. Only the siblings up to the
 * next section are looked at, so another card's fields are never taken.
 */
function inCard(card: Element, sel: string): Element | null {
  const found = card.querySelector(sel);
  if (found) return found;
  for (let next = card.nextElementSibling; next && next.tagName !== 'SECTION'; next = next.nextElementSibling) {
    const spilled = next.matches(sel) ? next : next.querySelector(sel);
    if (spilled) return spilled;
  }
  return null;
}

function readCard(doc: Document): Card | null {
  for (const [nameSel, cardSel, ...sels] of TOP_CARD_LAYOUTS) {
    const nameEl = any(nameSel, (sel) => doc.querySelector(sel));
    const el = nameEl && any(cardSel, (sel) => nameEl.closest(sel));
    const name = personName(textOf(nameEl || null));
    if (!el || !name) continue;
    const [headSel, placeSel, companySel] = sels;
    let headline = any(headSel, (sel) => textOf(inCard(el, sel)));
    let company = any(companySel, (sel) => textOf(inCard(el, sel)));
    let location = any(placeSel, (sel) => placeOf(inCard(el, sel)));
    if (!sels.length) {
      const lines = sduiLines(el, nameEl);
      [headline = '', company = '', location = ''] = lines.length > 2 ? lines : [lines[0], '', lines[1]];
    }
    // Else the location is the line that "Contact info" ends, whatever its classes.
    for (let row = el.querySelector(CONTACT_INFO_LINK); !location && row && row !== el; row = row.parentElement)
      location = placeOf(row);
    company = company.split(' · ')[0]!;
    return {
      el,
      name,
      // Never the degree, pronouns or "Contact info", whatever line a new layout puts first.
      headline:
        DEGREE_LINE.test(headline) || ONLY_PRONOUNS.test(headline) || !headline.replace(CONTACT_INFO, '')
          ? ''
          : headline,
      company: isSchool(doc, company) ? '' : company,
      location: location.replace(CONTACT_INFO, '').split(' · ')[0]!,
    };
  }
  const title = nameFromTitle(doc.title);
  const h = any(LOOSE_NAME, (sel) =>
    [...doc.querySelectorAll(sel)].find((e) => title && personName(textOf(e)) === title),
  );
  const el = h && any(LOOSE_CARD, (sel) => h.closest(sel));
  return h ? { el: el || h, name: title, headline: '', company: '', location: '' } : null;
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
  const meta = (p: string) => decode(doc.querySelector(metaTag(p))?.getAttribute('content') ?? '');
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
  for (const el of doc.querySelectorAll(EMBEDDED_JSON)) {
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
const ownSlugs = (o: Obj) =>
  [o.url, o.sameAs, o.publicIdentifier && `/in/${str(o.publicIdentifier)}`].flat().map(slugOf);

/**
 * Whether the page is one LinkedIn shows instead of a profile: not found, sign-in wall, security check.
 * Such a page names nobody, and Kindred offers no panel on it.
 */
export function isStandInPage(doc: Document): boolean {
  const titled = LINKEDIN_TITLE.exec(fold(doc.title))?.[1] ?? fold(doc.title);
  return (
    profileIdFromUrl(doc.URL) === UNAVAILABLE_PROFILE_ID ||
    !!doc.querySelector(STAND_IN_PAGE) ||
    [...doc.querySelectorAll(GONE_HEADING)].some((h) => GONE.test(textOf(h))) ||
    STAND_IN_TITLE.test(titled)
  );
}

/**
 * Who the profile page at `url` is about; null when the URL is not a profile or the page is not a
 * profile page (not found, sign-in wall, security check, a page that names nobody).
 */
export function extractProfile(doc: Document, url: string): ExtractedProfile | null {
  let id = profileIdFromUrl(url);
  if (!id || id === UNAVAILABLE_PROFILE_ID) return null;
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
    const key = card?.el.getAttribute(TOP_CARD_KEY_ATTRIBUTE) ?? '';
    if (MEMBER_ID_IN_KEY.test(key) && !key.includes(urn)) fresh = null;
    // Sources that may outlive in-page navigation count only when they agree with the card's name.
    const agrees = (o: Obj) => !fresh || !str(o.name) || personName(str(o.name)) === fresh.name;
    id =
      [
        fresh ? self : '',
        ...objs.flatMap((o) => (str(o.entityUrn).endsWith(':' + urn) || (o['@type'] && agrees(o)) ? ownSlugs(o) : [])),
        slugOf(doc.querySelector(CANONICAL_LINK)?.getAttribute('href')),
      ].find((s) => s && !isMemberUrnId(s)) ?? urn;
  } else if (self && self !== id) {
    fresh = null; // the previous person's card, still shown after in-page navigation
  }
  objs = objs.filter((o) => (urn && str(o.entityUrn).endsWith(':' + urn)) || ownSlugs(o).includes(id!));
  const pick = (f: (o: Obj) => unknown) => objs.map((o) => str(f(o))).find(Boolean) ?? '';
  const name = personName(
    fresh?.name ||
      pick((o) => o.name || (o.firstName && `${str(o.firstName)} ${str(o.lastName)}`)) ||
      (card ? '' : nameFromTitle(doc.title)),
  );
  if (!card && !name) return null;
  const fields: ProfileFields = {
    name,
    headline: fresh?.headline || pick((o) => o.headline || o.occupation),
    company: fresh?.company || pick((o) => ([o.worksFor].flat()[0] as Obj | undefined)?.name),
    location:
      fresh?.location ||
      pick((o) => (o.address as Obj | undefined)?.addressLocality || o.geoLocationName || o.locationName),
  };
  // The background rejects longer fields; a misread layout must not cost the whole contact.
  for (const k of ['name', 'headline', 'company', 'location'] as const) fields[k] = fields[k].slice(0, LIMITS[k]);
  // The member id, only from what is surely this person's: the fresh top card's key and its links that
  // carry it as a parameter ("connections", "mutual connections of", "Message"; not a mutual connection's
  // own /in/ACoAA… link), embedded data naming this profile, the URL.
  const memberId = [
    fresh?.el.getAttribute(TOP_CARD_KEY_ATTRIBUTE),
    ...[...(fresh?.el.querySelectorAll(MEMBER_ID_LINK) ?? [])].map((a) => a.getAttribute('href')),
    ...objs.map((o) => str(o.entityUrn)),
    urn,
  ]
    .map((s) => (s ?? '').match(MEMBER_ID)?.[0])
    .find(Boolean);
  // Only this person's card says the layout was unread: the previous person's, after in-page
  // navigation, is simply not replaced yet.
  const missing = fresh ? (['headline', 'company', 'location'] as const).filter((k) => !fields[k]) : [];
  return { id, url: profileUrl(id), ...fields, ...(memberId && { memberId }), missing, topCard: !!fresh };
}
