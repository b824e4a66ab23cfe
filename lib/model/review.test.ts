import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { useLocale } from '../../tests/support/test-i18n';
import { computeBalance } from './balance';
import { newContact } from './contact';
import {
  type Reviewable,
  describeDiagnosis,
  diagnose,
  diagnosisSentence,
  onMission,
  reviewProgress,
  reviewQueue,
} from './review';
import { tagSummaryFromIds } from './tag-summary';
import { DEFAULT_TAXONOMY } from './taxonomy';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const person = (id: string, fields: Partial<Reviewable> = {}): Reviewable => ({
  ...newContact(id, '2026-01-01T00:00:00.000Z'),
  ...fields,
});
const balanceOf = (known: number, tags: Record<string, string[]>) =>
  computeBalance(tagSummaryFromIds(known, new Map(Object.entries(tags))), DEFAULT_TAXONOMY);

describe('reviewQueue', () => {
  it('puts untagged people first, then tagged ones never reviewed, then the oldest reviews', () => {
    const contacts = [
      person('tagged-old', { purposes: ['work'], reviewedAt: '2026-01-02T00:00:00.000Z' }),
      person('untagged-a'),
      person('tagged-never', { relationships: ['peer'] }),
      person('tagged-older', { purposes: ['growth'], reviewedAt: '2025-06-01T00:00:00.000Z' }),
      person('untagged-b'),
    ];
    expect(reviewQueue(contacts, NOW).map((c) => c.id)).toEqual([
      'untagged-a',
      'untagged-b',
      'tagged-never',
      'tagged-older',
      'tagged-old',
    ]);
  });

  it('leaves out anyone reviewed in the last six months, tagged or not', () => {
    const contacts = [
      person('recent-untagged', { reviewedAt: '2026-11-01T00:00:00.000Z' }),
      person('recent-tagged', { purposes: ['work'], reviewedAt: '2026-06-01T00:00:00.000Z' }),
      // 182 days before NOW plus a minute: due again.
      person('half-a-year', { purposes: ['work'], reviewedAt: '2026-05-29T11:59:00.000Z' }),
    ];
    expect(reviewQueue(contacts, NOW).map((c) => c.id)).toEqual(['half-a-year']);
    expect(reviewProgress(contacts, NOW)).toEqual({ reviewed: 2, total: 3 });
  });
});

describe('diagnose', () => {
  it('names seed 001’s missing relationships, the lean and seed 002’s levels touched', () => {
    // a, b, c, d: work only; e: growth + mentor; f: untagged.
    const balance = balanceOf(6, { work: ['a', 'b', 'c', 'd'], growth: ['e'], mentor: ['e'] });
    const d = diagnose(balance);
    expect(d.gaps).toEqual(['way-shower', 'peer']);
    expect(d.lean).toBe('company-heavy');
    expect(d.workShare).toBeCloseTo(0.8);
    expect(d.growthShare).toBeCloseTo(0.2);
    expect(d.levels).toEqual({ personal: 1, social: 0, societal: 0 });
    useLocale('en');
    expect(describeDiagnosis(d, translate)).toEqual([
      'Your network is company-heavy: 80% of your tagged contacts serve your work, 20% your own growth and ability to adapt.',
      'Gaps: no way-shower and no community of practice.',
      'Levels of meaning it touches: personal; not yet: social, societal.',
    ]);
    expect(diagnosisSentence(d, translate)).toBe(
      'Company-heavy (80% serve your work); no way-shower and no community of practice.',
    );
  });

  it('sees a balanced network with every level and no gaps, in Dutch too', () => {
    const balance = balanceOf(4, {
      work: ['a', 'b'],
      growth: ['c'],
      impact: ['d'],
      purpose: ['b'],
      mentor: ['c'],
      'way-shower': ['d'],
      peer: ['a'],
    });
    const d = diagnose(balance);
    expect(d.gaps).toEqual([]);
    expect(d.lean).toBe('balanced');
    expect(d.levels).toEqual({ personal: 1, social: 1, societal: 1 });
    useLocale('nl');
    expect(describeDiagnosis(d, translate)).toEqual([
      'Je netwerk is in balans: 50% van je getagde contacten dient je werk, 75% je eigen groei.',
      'Je hebt een mentor, een wegwijzer en een beroepsgemeenschap.',
      'Het raakt alle drie de niveaus van betekenis: persoonlijk, sociaal en maatschappelijk.',
    ]);
    useLocale('en');
    expect(onMission(balance)).toBe(1);
  });

  it('says nothing before anything is tagged, and asks for purposes when only relationships are', () => {
    expect(describeDiagnosis(diagnose(balanceOf(3, {})), translate)).toEqual([]);
    expect(diagnosisSentence(diagnose(balanceOf(3, {})), translate)).toBe('');
    const d = diagnose(balanceOf(3, { mentor: ['a'] }));
    expect(d.lean).toBe('unknown');
    expect(diagnosisSentence(d, translate)).toBe('No purposes tagged yet; no way-shower and no community of practice.');
  });
});
