import type { SeenProfile } from '../model/contact';
import { type MissingField, extractProfile } from './profile-extract';
import { profileUrl } from '../model/profile-url';

/**
 * On LinkedIn's in-page navigation the URL changes before the page shows the new person, so what
 * the page shows right then still belongs to the previous one. These helpers treat names that were
 * on the page before the navigation as stale and wait for the new top card.
 */

/**
 * For a profile read by readFreshProfile off this person's top card: the fields the card did not
 * yield, for the background's layout health. Kept beside the profile, which holds only what a contact
 * stores.
 */
const misses = new WeakMap<SeenProfile, MissingField[]>();

/** The fields the top card did not yield; undefined when the page had no top card of this person. */
export function missingOf(profile: SeenProfile): MissingField[] | undefined {
  return misses.get(profile);
}

/**
 * The profile as the page shows it now, with stale names removed (then only the id is known). Only
 * what a contact stores: the background's recordSeen takes exactly these fields.
 */
export function readFreshProfile(doc: Document, url: string, staleNames: ReadonlySet<string>): SeenProfile | null {
  const extracted = extractProfile(doc, url);
  if (!extracted) return null;
  const { id, url: profile, name, headline, company, location, memberId, missing, topCard } = extracted;
  if (name && staleNames.has(name)) return unnamedProfile(id);
  const seen: SeenProfile = { id, url: profile, name, headline, company, location, ...(memberId && { memberId }) };
  if (topCard && name) misses.set(seen, missing);
  return seen;
}

/**
 * Whether the HTML parser is done with `element` while the page is still loading: something already
 * follows it or one of its ancestors, so all of its content is in the DOM.
 */
export function isParsed(element: Element): boolean {
  for (
    let node: Element | null = element;
    node && node !== element.ownerDocument.documentElement;
    node = node.parentElement
  ) {
    if (node.nextSibling) return true;
  }
  return false;
}

/** A profile known only by its id: the page has not shown, or Kindred cannot read, who it is. */
export function unnamedProfile(id: string): SeenProfile {
  return { id, url: profileUrl(id), name: '', headline: '', company: '', location: '' };
}

/**
 * Resolves with the profile once the page shows a fresh name for it, or with what is known when
 * `timeout` passes. Resolves with null when the signal aborts (the user moved on).
 */
export function waitForFreshProfile(
  doc: Document,
  url: string,
  staleNames: ReadonlySet<string>,
  { signal, timeout = 5000 }: { signal: AbortSignal; timeout?: number },
): Promise<SeenProfile | null> {
  return new Promise((resolve) => {
    let scheduled = false;
    const finish = (profile: SeenProfile | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(signal.aborted ? null : profile);
    };
    const check = () => {
      scheduled = false;
      const profile = readFreshProfile(doc, url, staleNames);
      if (profile?.name) finish(profile);
    };
    const observer = new MutationObserver(() => {
      // Many mutations arrive per frame while LinkedIn renders: read the page at most once a frame.
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(check);
    });
    const timer = setTimeout(() => finish(readFreshProfile(doc, url, staleNames)), timeout);
    if (signal.aborted) return finish(null);
    signal.addEventListener('abort', () => finish(null), { once: true });
    observer.observe(doc, { subtree: true, childList: true, characterData: true });
    check();
  });
}
