import { isValidProfileId, profileUrl } from './profile-url';
import type { Dimension } from './taxonomy';

/** A person in the network, keyed by their LinkedIn profile id. */
export interface Contact {
  /** The `/in/<slug>` of the profile URL, decoded and lower-cased. */
  id: string;
  url: string;
  name: string;
  headline: string;
  company: string;
  location: string;
  /** Purpose tag ids. */
  purposes: string[];
  /** Relationship tag ids. */
  relationships: string[];
  note: string;
  createdAt: string;
  updatedAt: string;
  /** Last time the profile page was opened; empty when never opened (e.g. imported). */
  lastSeenAt: string;
  /** YYYY-MM-DD, from LinkedIn's Connections.csv. */
  connectedOn?: string;
  /** Where the contact came from when not from a profile visit, e.g. "linkedin-connections". */
  source?: string;
  /**
   * LinkedIn's member id ("ACoAA…") where a profile page showed it. Unlike the id (the vanity URL) it
   * stays when the person changes their URL, so it is what can tell that two contacts are one person.
   */
  memberId?: string;
}

/** What the content script reads off a profile page. */
export type SeenProfile = Pick<Contact, 'id' | 'url' | 'name' | 'headline' | 'company' | 'location' | 'memberId'>;

/** The contact fields that hold tag ids, one per dimension. */
export type TagField = 'purposes' | 'relationships';

/** Where a dimension's tag ids are kept on a contact: 'purpose' tags in `purposes`, and so on. */
export function tagField(dimension: Dimension): TagField {
  return dimension === 'purpose' ? 'purposes' : 'relationships';
}

/** A contact with no tag is known, not tagged: the balance counts only tagged ones. */
export function isTagged(contact: Pick<Contact, TagField>): boolean {
  return contact.purposes.length > 0 || contact.relationships.length > 0;
}

export const LIMITS = {
  name: 200,
  headline: 500,
  company: 200,
  location: 200,
  note: 10_000,
  url: 2_000,
  id: 200,
} as const;

/** A contact with nothing known but the id (and whatever `fields` adds). */
export function newContact(id: string, now: string, fields: Partial<Contact> = {}): Contact {
  return {
    id,
    url: isNameOnlyId(id) ? '' : profileUrl(id),
    name: '',
    headline: '',
    company: '',
    location: '',
    purposes: [],
    relationships: [],
    note: '',
    createdAt: now,
    updatedAt: now,
    lastSeenAt: '',
    ...fields,
  };
}

/**
 * Contacts from LinkedIn's older Connections.csv have no profile URL. Until a profile visit reveals
 * who they are, they are kept under their name; the colon never occurs in a profile id.
 */
const NAME_ONLY_PREFIX = 'name:';

export function nameOnlyId(name: string): string {
  return NAME_ONLY_PREFIX + normalizeName(name);
}

export function isNameOnlyId(id: string): boolean {
  return id.startsWith(NAME_ONLY_PREFIX);
}

/** A profile id, or a name-only id. */
export function isValidContactId(id: string): boolean {
  return isValidProfileId(id) || (isNameOnlyId(id) && id.length > NAME_ONLY_PREFIX.length && id.length <= 250);
}

/** Names compared loosely: case, accents and spacing do not make two people. */
export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
