import type { Translate } from './i18n-types';
import { type Tag, WORK_PURPOSE_ID, tagsOf } from './taxonomy';

/**
 * What the balance is computed from: the number of known contacts and, for each tag, the ids of the
 * contacts that carry it. That is exactly what the database's multi-entry indexes give, so the popup
 * never has to load whole contacts.
 */
export interface BalanceInput {
  known: number;
  contactsByTag: ReadonlyMap<string, readonly string[]>;
}

export interface TagCount {
  tag: Tag;
  count: number;
}

export interface Balance {
  /** Every contact Kindred knows, tagged or not. */
  known: number;
  /** Contacts with at least one tag. */
  tagged: number;
  /** Tagged contacts with the work purpose. */
  work: number;
  /** Tagged contacts with at least one growth-side purpose. */
  growth: number;
  /** Contacts counted in both `work` and `growth`. */
  both: number;
  /** Tagged contacts that have relationship tags but no purpose yet. */
  withoutPurpose: number;
  purposeMix: TagCount[];
  relationshipCoverage: TagCount[];
  /** Relationship types nobody is tagged with. */
  gaps: Tag[];
}

export function computeBalance(input: BalanceInput, taxonomy: readonly Tag[]): Balance {
  const idsOf = (tagId: string) => input.contactsByTag.get(tagId) ?? [];
  const union = (tags: readonly Tag[]) => new Set(tags.flatMap((tag) => idsOf(tag.id)));

  // Archived tags stay on contacts, so they still count towards "tagged" and the split.
  const allPurposes = tagsOf(taxonomy, 'purpose', { includeArchived: true });
  const allRelationships = tagsOf(taxonomy, 'relationship', { includeArchived: true });
  const withPurpose = union(allPurposes);
  const tagged = new Set([...withPurpose, ...union(allRelationships)]);

  const work = new Set(idsOf(WORK_PURPOSE_ID));
  const growth = union(allPurposes.filter((tag) => tag.id !== WORK_PURPOSE_ID));
  let both = 0;
  for (const id of growth) if (work.has(id)) both++;

  const count = (tag: Tag): TagCount => ({ tag, count: new Set(idsOf(tag.id)).size });
  const shown = (tags: Tag[]) => tags.map(count).filter(({ tag, count }) => !tag.archived || count > 0);
  const relationshipCoverage = shown(allRelationships);

  return {
    known: Math.max(input.known, tagged.size),
    tagged: tagged.size,
    work: work.size,
    growth: growth.size,
    both,
    withoutPurpose: tagged.size - withPurpose.size,
    purposeMix: shown(allPurposes),
    relationshipCoverage,
    gaps: relationshipCoverage.filter(({ tag, count }) => count === 0 && !tag.archived).map(({ tag }) => tag),
  };
}

/** The work-versus-growth split in words, e.g. "7 of 10 tagged contacts serve your work; 3 your own growth." */
export function describeSplit(balance: Balance, t: Translate): string {
  const { tagged, work, growth, both } = balance;
  if (tagged === 0) return t('balance.split.none');
  const summary =
    tagged === 1 && work === 1 ? t('balance.split.single', [growth]) : t('balance.split.summary', work, [work, tagged, growth]);
  return both > 0
    ? t('balance.split.sentenceWithBoth', [summary, t('balance.split.bothCount', both)])
    : t('balance.split.sentence', [summary]);
}

/** "No mentor yet": lower-cases a label's first letter unless it looks like an acronym ("VC"). */
export function describeGap(tag: Tag, t: Translate): string {
  const label = tag.label;
  const looksLikeAcronym = label.length > 1 && label[1] === label[1]!.toUpperCase() && /\p{Lu}/u.test(label[1]!);
  const noun = looksLikeAcronym ? label : label.charAt(0).toLowerCase() + label.slice(1);
  return t('balance.gaps.item', [noun]);
}
