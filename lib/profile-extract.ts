import type { SeenProfile } from './contact';
import { profileIdFromUrl, profileUrl } from './profile-url';

/**
 * Reads who a LinkedIn profile page is about. The id always comes from the URL; the name, headline,
 * company and location come from the page with fallbacks, and are empty when nothing matches.
 * Returns null when the URL is not a profile.
 */
export function extractProfile(doc: Document, url: string): SeenProfile | null {
  const id = profileIdFromUrl(url);
  if (!id) return null;
  return { id, url: profileUrl(id), ...extractProfileFields(doc) };
}

export type ProfileFields = Pick<SeenProfile, 'name' | 'headline' | 'company' | 'location'>;

/** What the page shows of a person, whatever its URL says (used to know what is stale after navigation). */
export function extractProfileFields(doc: Document): ProfileFields {
  const topCard = doc.querySelector('main section, main') ?? doc.body;
  const name = textOf(topCard?.querySelector('h1')) || nameFromTitle(doc.title);
  const headline = textOf(
    doc.querySelector('[data-generated-suggestion-target], .text-body-medium, .top-card-layout__headline'),
  );
  return { name, headline, company: '', location: '' };
}

/** The card at the top of the profile that shows the person's name, if the page has one. */
export function findTopCard(doc: Document): Element | null {
  const heading = (doc.querySelector('main section, main') ?? doc.body)?.querySelector('h1');
  return heading?.closest('section') ?? null;
}

/** "Jane Doe | LinkedIn" → "Jane Doe". */
export function nameFromTitle(title: string): string {
  const match = /^(?:\(\d+\)\s*)?(.+?)\s*(?:[|–-]\s*LinkedIn)\s*$/.exec(fold(title));
  return match?.[1] ?? '';
}

function textOf(element: Element | null | undefined): string {
  return fold(element?.textContent ?? '');
}

export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
