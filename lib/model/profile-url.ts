/**
 * A LinkedIn profile's identity is the slug in its URL: `/in/<slug>`, decoded and lower-cased.
 * Country subdomains, query strings, fragments and sub-pages (`/overlay/contact-info/`, `/detail/…`)
 * all belong to the same person. Member-id URLs (`/in/ACoAA…`, opened from search or messaging) are the
 * exception: that id is opaque and case-sensitive, so it keeps its case.
 */

const PROFILE_PATH = /^\/in\/([^/?#]+)/i;
/** Letters and digits of any script, plus the punctuation LinkedIn allows in custom URLs. */
const VALID_ID = /^[\p{L}\p{M}\p{N}_.\-~']{1,200}$/u;
/** LinkedIn's opaque member id ("ACoAA…", "ACwAA…" in Sales Navigator): base64url of a member URN. */
const MEMBER_URN_ID = /^AC[ow]AA[\w-]{30,40}$/i; // 39 characters in practice

/** Whether `value` is LinkedIn's opaque member id, which stays the same when the person changes their URL. */
export function isMemberId(value: string): boolean {
  return MEMBER_URN_ID.test(value);
}

function isLinkedInHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

/** The profile id of a LinkedIn profile URL, or null when the URL is not a profile. */
export function profileIdFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol) || !isLinkedInHost(parsed.hostname)) return null;
  const match = PROFILE_PATH.exec(parsed.pathname);
  if (!match?.[1]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const trimmed = slug.trim();
  const id = isMemberUrnId(trimmed) ? trimmed : trimmed.toLowerCase();
  return isValidProfileId(id) ? id : null;
}

/** Whether `id` is a member id (`/in/ACoAA…`) rather than the person's vanity slug. */
export function isMemberUrnId(id: string): boolean {
  return MEMBER_URN_ID.test(id);
}

export function isValidProfileId(id: string): boolean {
  return VALID_ID.test(id) && id !== '.' && id !== '..';
}

/** The canonical URL of a profile id. */
export function profileUrl(id: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(id)}/`;
}
