/**
 * Every CSS selector and attribute pattern Kindred reads LinkedIn's pages with, in one place: when
 * LinkedIn changes its markup, this is the file to update. Each entry names the pages it was seen on:
 * the hand-written ones in tests/fixtures/linkedin/ and the saved real ones in
 * ../shared/fixtures/linkedin/ (see its SOURCES.md). In a string, "|" separates alternatives that are
 * tried in order; "," is CSS's own "any of".
 */

/**
 * The top card of the server-driven UI (logged in, 2026: sdui-2026.html, sdui-2026-en-ghassanraad,
 * sdui-2026-pl-majkowski, sdui-2026-tusharchauhan). Its key ends with "Topcard"; keys with
 * "…TopcardOnly…" hold other cards (Highlights, About…) that render without the top card.
 */
const SDUI_TOP_CARD = '[componentkey$="topcard" i]';

/**
 * The top card, one row per layout generation, newest first: name | card (an ancestor of the name) |
 * headline | location | current company. The server-driven UI has no field selectors: its hashed class
 * names change every release, so its unlabelled <p>s are read in order (see `SDUI_LINE`).
 */
export const TOP_CARD_LAYOUTS: ReadonlyArray<readonly string[]> = [
  // Logged in, 2026, server-driven UI: the name is an h2.
  [SDUI_TOP_CARD + ' h2', SDUI_TOP_CARD],
  // Logged in, Ember, 2024–2026 (loggedin-2024.html, member-urn.html, ember-de-hashed.html,
  // scoutr-loggedin-2024-eduardo-alvarez, ember-2025-en-robertkcheung, ember-2026-pl-rutkowska). From 2025
  // the classes are hashed per release: the name is then known as the h1 in the link to the card's own
  // "about this profile", and the current company as the first button of the list after the headline
  // (company first, then school; its aria-label is in the UI's language, so it is not read).
  [
    'h1.text-heading-xlarge|a[href*="/overlay/about-this-profile"] h1',
    '.pv-top-card|section',
    '[data-generated-suggestion-target]|.text-body-medium',
    '.text-body-small.inline.t-black--light',
    'a[href*="/company/"]|ul li button',
  ],
  // Public profile, logged out, 2023–2026 (public-2023.html, madhurangawije-loggedout-2023-dulithawijewantha,
  // loggedout-2026-williamhgates; the 2026 page has no subline items, only the subline).
  [
    '.top-card-layout__title',
    '.top-card-layout|section',
    '.top-card-layout__headline',
    '.top-card-layout__first-subline .top-card__subline-item|.top-card-layout__first-subline',
    '[data-section=currentPositionsDetails] .top-card-link__description',
  ],
  // Logged in, 2021, pv-top-card in an artdeco-card, no h1 (loggedin-2021.html,
  // shirsangshudutta-loggedin-2021-rajarshi-sengupta).
  [
    '.pv-top-card--list>li',
    '.pv-top-card',
    'h2',
    '.pv-top-card--list-bullet>li',
    '[data-control-name=position_see_more]',
  ],
  // Logged in, 2018, pv-top-card-section (loggedin-2018.html, linkedinonymous-loggedin-2018-jeffweiner08).
  [
    '.pv-top-card-section__name',
    '.pv-top-card-section',
    '.pv-top-card-section__headline',
    '.pv-top-card-section__location',
    '.pv-top-card-section__company',
  ],
  // Public profile, logged out, 2016 (public-2016.html, yatish27-jeffweiner08-2016).
  ['#name', '#topcard|.profile-card', '.headline', '.locality', '.org'],
];

/**
 * In the server-driven top card (2026), the lines after the name: <p>s, except those inside a link or
 * button; the first <p> holding a link ("Contact info") ends the location line.
 */
export const SDUI_LINE = 'p';
export const SDUI_LINE_SKIPPED_INSIDE = 'a,button,[role=button]';
export const SDUI_LINE_END = 'a';

/**
 * Where a location line ends: "Contact info" is a link (logged in, 2018–2026) or a button (logged out,
 * 2024–2026: loggedout-2026-williamhgates, loggedout-nl.html), and its text is in the UI's language.
 */
export const LINE_END = 'a,button,[role=button]';

/**
 * The sections listing the person's jobs and schools: ids on Ember pages (2024–2026), keys on
 * server-driven ones (2026). A top-card entry found only under education is a school, not the company.
 */
export const EXPERIENCE_SECTION = '#experience,[componentkey$="ExperienceTopLevelSection"]';
export const EDUCATION_SECTION = '#education,[componentkey$="EducationTopLevelSection"]';

/**
 * Links in the top card that carry the member id of whom it shows: "connections" and "mutual
 * connections" (`connectionOf`), "Message" (`profileUrn`, `recipient`); logged in, 2024–2026.
 */
export const MEMBER_ID_LINK = 'a[href*="connectionOf"],a[href*="profileUrn"]';

/**
 * The server-driven card's key holds the member id of whom it shows
 * ("com.linkedin.sdui.profile.card.refACoAA…Topcard", all sdui-2026 pages).
 */
export const TOP_CARD_KEY_ATTRIBUTE = 'componentkey';
export const MEMBER_ID_IN_KEY = /AC[ow]AA/i;
/** A member id: "ACoAA" and 34 more base64url characters (every saved page, 2024–2026). */
export const MEMBER_ID = /AC[ow]AA[\w-]{34}/;

/**
 * Headings that may hold the name in a layout not in the table; trusted only when the page title
 * agrees. Seen: the Ember page of 2025 with hashed classes (ember-2025-en-robertkcheung), and
 * unknown-layout.html standing in for layouts yet to come.
 */
export const LOOSE_NAME = '[componentkey*="topcard" i] h2|main h1|h1';
/** The card around a loosely found name: a server-driven top card (2026) or the name's section. */
export const LOOSE_CARD = '[componentkey*="topcard" i]|section';

/**
 * Links that only the profile's own top card has; they name whose card it is. "/overlay/contact-info":
 * logged in 2024–2026, Ember and server-driven; "/detail/contact-info": logged in 2021;
 * "/overlay/about-this-profile": logged in 2024–2026, Ember.
 */
export const CONTACT_INFO_LINK = 'a[href*="/overlay/contact-info"],a[href*="/detail/contact-info"]';
export const SELF_LINK = CONTACT_INFO_LINK + ',a[href*="/overlay/about-this-profile"]';

/**
 * Screen-reader copies of visible text: reading both doubles the name. ".visually-hidden" and
 * ".a11y-text": logged in, 2018–2026 (loggedin-2018.html, loggedin-2021.html, the Ember pages);
 * ".sr-only": logged out, 2023–2026 (madhurangawije-loggedout-2023, loggedout-2026-williamhgates).
 */
export const HIDDEN = '.visually-hidden,.a11y-text,.sr-only,script,style,template';

/**
 * Pages that stand in for a profile, known by structure whatever the UI's language: "Profile Not Found"
 * (profile-not-found.html, scoutr-loggedout-2024-profile-not-found), the security check (checkpoint.html)
 * and the sign-in wall served at a profile's URL, by its page key (`<meta name="pageKey"
 * content="auth_wall_desktop_profile">`: authwall.html; scrapers test for it, and for
 * `body#pagekey-auth_wall_desktop_company` on company pages). Its sign-up form alone says nothing: public
 * profiles have login forms too.
 */
export const STAND_IN_PAGE =
  '.page-not-found,#captcha-internal,form[action*=checkpoint],meta[name=pageKey][content*=auth_wall],body[id*=auth_wall]';
/**
 * The profile id LinkedIn sends a logged-in member to when a profile is not available to them
 * (`https://www.linkedin.com/in/unavailable/`, "This profile is not available" in the UI's language; scrapers
 * test for this URL). It is nobody's profile.
 */
export const UNAVAILABLE_PROFILE_ID = 'unavailable';
/** Headings whose text may say the profile is gone (profile-not-found.html). */
export const GONE_HEADING = 'h1,main h2';

/**
 * Data embedded in the page: JSON-LD on public profiles 2016–2023 (public-2016.html, public-2023.html,
 * stale-jsonld.html), <code> blobs on logged-in Ember pages 2024–2025 and logged-out pages of 2026.
 */
export const EMBEDDED_JSON = 'script[type="application/ld+json"],code';

/** A meta tag by property or name: og:url, og:title, profile:first_name… (public profiles, 2023–2026). */
export const metaTag = (property: string) => `meta[property="${property}"],meta[name="${property}"]`;

/** The page's own URL, on public profiles and "not found" pages (public-2023.html, profile-not-found.html). */
export const CANONICAL_LINK = 'link[rel=canonical]';
