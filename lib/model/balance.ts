import type { Translate } from './translate';
import { type TagSummary, comboTags } from './tag-summary';
import { type Tag, WORK_PURPOSE_ID, tagsOf } from './taxonomy';

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

/** The balance of the network from its tag summary, as the taxonomy now describes the tags. */
export function computeBalance(summary: TagSummary, taxonomy: readonly Tag[]): Balance {
  // Archived tags stay on contacts, so they still count towards "tagged" and the split.
  const allPurposes = tagsOf(taxonomy, 'purpose', { includeArchived: true });
  const allRelationships = tagsOf(taxonomy, 'relationship', { includeArchived: true });
  const purposeIds = new Set(allPurposes.map((tag) => tag.id));
  const relationshipIds = new Set(allRelationships.map((tag) => tag.id));
  const counts = new Map<string, number>();
  let tagged = 0;
  let withPurpose = 0;
  let work = 0;
  let growth = 0;
  let both = 0;
  for (const [key, count] of Object.entries(summary.combos)) {
    // Tag ids the taxonomy does not know (yet) are not counted, as if the contact did not carry them.
    const tags = comboTags(key).filter((id) => purposeIds.has(id) || relationshipIds.has(id));
    if (tags.length === 0) continue;
    for (const id of tags) counts.set(id, (counts.get(id) ?? 0) + count);
    const isWork = tags.includes(WORK_PURPOSE_ID);
    const isGrowth = tags.some((id) => id !== WORK_PURPOSE_ID && purposeIds.has(id));
    tagged += count;
    if (isWork || isGrowth) withPurpose += count;
    if (isWork) work += count;
    if (isGrowth) growth += count;
    if (isWork && isGrowth) both += count;
  }

  const shown = (tags: Tag[]) =>
    tags.map((tag) => ({ tag, count: counts.get(tag.id) ?? 0 })).filter(({ tag, count }) => !tag.archived || count > 0);
  const relationshipCoverage = shown(allRelationships);

  return {
    known: Math.max(summary.known, tagged),
    tagged,
    work,
    growth,
    both,
    withoutPurpose: tagged - withPurpose,
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
    tagged === 1 && work === 1
      ? t('balance.split.single', [growth])
      : t('balance.split.summary', work, [work, tagged, growth]);
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
