import type { Balance } from './balance';
import { type Contact, isTagged } from './contact';
import { DAY } from './dates';
import type { Translate } from './translate';

/**
 * The guided network review (seeds 000, 001, 002): which contacts to look at, in what order, how far
 * the person has come, and the diagnosis in words at the end. Pure: the options page's Review tab and
 * the popup's one sentence draw what these return.
 */

/** The default tag of people on the same professional mission (seed 000): "5 people on your mission". */
export const SHARED_PURPOSE_ID = 'purpose';

/** The longest professional purpose statement, in characters (the editor, the background and the file alike). */
export const PURPOSE_STATEMENT_MAX = 500;

/** A tagged contact is asked about again when its last review is older than this (about six months). */
export const REVIEW_AGAIN_DAYS = 182;

/** What the review reads of a contact: its tags and when it was last reviewed. */
export type Reviewable = Pick<Contact, 'id' | 'purposes' | 'relationships'> & { reviewedAt?: string };

/** Whether a contact counts as reviewed at `now`: reviewed within the last REVIEW_AGAIN_DAYS. */
export function isRecentlyReviewed(contact: Pick<Reviewable, 'reviewedAt'>, now: Date): boolean {
  if (!contact.reviewedAt) return false;
  const at = Date.parse(contact.reviewedAt);
  return Number.isFinite(at) && now.getTime() - at < REVIEW_AGAIN_DAYS * DAY;
}

/**
 * The review's queue: untagged contacts first (in the order given, e.g. by name), then tagged ones
 * never reviewed, then tagged ones whose review is the oldest. Anyone reviewed in the last six months
 * is left out: the person already decided about them, tags or none.
 */
export function reviewQueue<T extends Reviewable>(contacts: readonly T[], now: Date): T[] {
  const untagged: T[] = [];
  const tagged: T[] = [];
  for (const contact of contacts) {
    if (isRecentlyReviewed(contact, now)) continue;
    (isTagged(contact) ? tagged : untagged).push(contact);
  }
  // Stable: never-reviewed ('') before the oldest review, ties in the given order.
  const reviewed = (c: T) => c.reviewedAt ?? '';
  tagged.sort((a, b) => (reviewed(a) < reviewed(b) ? -1 : reviewed(a) > reviewed(b) ? 1 : 0));
  return [...untagged, ...tagged];
}

/** "42 of 310 reviewed": contacts reviewed in the last six months, of all. */
export function reviewProgress(contacts: readonly Pick<Reviewable, 'reviewedAt'>[], now: Date) {
  let reviewed = 0;
  for (const contact of contacts) if (isRecentlyReviewed(contact, now)) reviewed++;
  return { reviewed, total: contacts.length };
}

/** Seed 001's three kinds of growth relationship, by their default tag ids (peer: a community of practice). */
export const GROWTH_RELATIONSHIPS = ['mentor', 'way-shower', 'peer'] as const;
export type GrowthRelationship = (typeof GROWTH_RELATIONSHIPS)[number];

/**
 * Seed 002's three levels of meaning and the default tags that stand for each: personal (one's own
 * growth and guides), social (the people one belongs with, shares a mission or a practice with),
 * societal (contributing beyond the organisation).
 */
export const MEANING_LEVELS = {
  personal: ['growth', 'mentor', 'way-shower'],
  social: ['belonging', SHARED_PURPOSE_ID, 'peer'],
  societal: ['impact'],
} as const;
export type MeaningLevel = keyof typeof MEANING_LEVELS;

/** How the network leans: mostly the employer's, mostly the person's own, balanced, or not known yet. */
export type Lean = 'company-heavy' | 'growth-heavy' | 'balanced' | 'unknown';

export interface Diagnosis {
  tagged: number;
  /** Of seed 001's three, the ones nobody is tagged with. */
  gaps: GrowthRelationship[];
  /** Shares of the tagged contacts (0…1) serving the employer, and the person's own growth. */
  workShare: number;
  growthShare: number;
  lean: Lean;
  /** Contacts tagged at each level of meaning; a level with 0 is not touched. */
  levels: Record<MeaningLevel, number>;
}

/** Above this share of tagged contacts serving only the employer, the network is company-heavy. */
const HEAVY = 0.6;

/** The network's diagnosis from its balance (the counts per tag come from the tag summary). */
export function diagnose(balance: Balance): Diagnosis {
  const counts = new Map<string, number>();
  for (const { tag, count } of [...balance.purposeMix, ...balance.relationshipCoverage]) counts.set(tag.id, count);
  const count = (id: string) => counts.get(id) ?? 0;
  const { tagged } = balance;
  const workShare = tagged ? balance.work / tagged : 0;
  const growthShare = tagged ? balance.growth / tagged : 0;
  const workOnly = tagged ? (balance.work - balance.both) / tagged : 0;
  const growthOnly = tagged ? (balance.growth - balance.both) / tagged : 0;
  const lean: Lean =
    balance.work + balance.growth === 0
      ? 'unknown'
      : workOnly > HEAVY
        ? 'company-heavy'
        : growthOnly > HEAVY
          ? 'growth-heavy'
          : 'balanced';
  const level = (level: MeaningLevel) =>
    // Tags of one level can sit on the same person: the largest is a floor, the sum a ceiling; the
    // largest is enough to say whether the level is touched and is never an overcount.
    Math.max(0, ...MEANING_LEVELS[level].map(count));
  return {
    tagged,
    gaps: GROWTH_RELATIONSHIPS.filter((id) => count(id) === 0),
    workShare,
    growthShare,
    lean,
    levels: { personal: level('personal'), social: level('social'), societal: level('societal') },
  };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** "no mentor, no way-shower and no community of practice" in the user's language, or '' without gaps. */
function gapList(gaps: readonly GrowthRelationship[], t: Translate): string {
  const names = gaps.map((gap) =>
    gap === 'mentor'
      ? t('review.diagnosis.gap.mentor')
      : gap === 'way-shower'
        ? t('review.diagnosis.gap.way_shower')
        : t('review.diagnosis.gap.peer'),
  );
  if (names.length <= 1) return names.join('');
  return t('review.diagnosis.and', [names.slice(0, -1).join(', '), names.at(-1)!]);
}

/**
 * The diagnosis in a few sentences: the lean, the gaps, the levels of meaning touched. Empty when
 * nothing is tagged yet.
 */
export function describeDiagnosis(d: Diagnosis, t: Translate): string[] {
  if (d.tagged === 0) return [];
  const sentences: string[] = [];
  const shares = [percent(d.workShare), percent(d.growthShare)];
  if (d.lean === 'company-heavy') sentences.push(t('review.diagnosis.companyHeavy', shares));
  else if (d.lean === 'growth-heavy') sentences.push(t('review.diagnosis.growthHeavy', shares));
  else if (d.lean === 'balanced') sentences.push(t('review.diagnosis.balanced', shares));
  else sentences.push(t('review.diagnosis.noPurpose'));
  sentences.push(d.gaps.length === 0 ? t('review.diagnosis.noGaps') : t('review.diagnosis.gaps', [gapList(d.gaps, t)]));
  const levels = (Object.keys(d.levels) as MeaningLevel[]).filter((level) => d.levels[level] > 0);
  const missing = (Object.keys(d.levels) as MeaningLevel[]).filter((level) => d.levels[level] === 0);
  const name = (level: MeaningLevel) =>
    level === 'personal'
      ? t('review.diagnosis.level.personal')
      : level === 'social'
        ? t('review.diagnosis.level.social')
        : t('review.diagnosis.level.societal');
  if (levels.length === 3) sentences.push(t('review.diagnosis.allLevels'));
  else if (levels.length === 0) sentences.push(t('review.diagnosis.noLevels'));
  else
    sentences.push(
      t('review.diagnosis.someLevels', [
        levels.map(name).join(t('review.diagnosis.listJoin')),
        missing.map(name).join(t('review.diagnosis.listJoin')),
      ]),
    );
  return sentences;
}

/** The popup's one sentence: the lean and the gaps together, or '' when nothing is tagged. */
export function diagnosisSentence(d: Diagnosis, t: Translate): string {
  if (d.tagged === 0) return '';
  const lean =
    d.lean === 'company-heavy'
      ? t('review.short.companyHeavy', [percent(d.workShare)])
      : d.lean === 'growth-heavy'
        ? t('review.short.growthHeavy', [percent(d.growthShare)])
        : d.lean === 'balanced'
          ? t('review.short.balanced', [percent(d.workShare), percent(d.growthShare)])
          : t('review.short.noPurpose');
  return d.gaps.length === 0
    ? t('review.short.noGaps', [lean])
    : t('review.short.withGaps', [lean, gapList(d.gaps, t)]);
}

/** How many contacts carry the shared-purpose tag: "5 people on your mission". */
export function onMission(balance: Balance): number {
  return balance.purposeMix.find(({ tag }) => tag.id === SHARED_PURPOSE_ID)?.count ?? 0;
}

/** The statement as stored: trimmed, inner runs of blank lines kept as written. */
export function cleanPurposeStatement(text: string): string {
  return text.trim();
}
