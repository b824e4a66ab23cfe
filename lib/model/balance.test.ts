import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { useLocale } from '../../tests/support/test-i18n';
import { computeBalance, describeGap, describeSplit } from './balance';
import { tagSummaryFromIds } from './tag-summary';
import { DEFAULT_TAXONOMY, type Tag } from './taxonomy';

function input(known: number, tags: Record<string, string[]>) {
  return tagSummaryFromIds(known, new Map(Object.entries(tags)));
}

describe('computeBalance', () => {
  it('splits tagged contacts into work and growth, counting overlaps once each side', () => {
    // a: work; b: work + growth; c: purpose + belonging; d: mentor only; e, f: seen but untagged.
    const balance = computeBalance(
      input(6, { work: ['a', 'b'], growth: ['b'], purpose: ['c'], belonging: ['c'], mentor: ['d', 'b'] }),
      DEFAULT_TAXONOMY,
    );
    expect(balance.known).toBe(6);
    expect(balance.tagged).toBe(4); // a, b, c, d
    expect(balance.work).toBe(2); // a, b
    expect(balance.growth).toBe(2); // b, c (c counted once despite two growth purposes)
    expect(balance.both).toBe(1); // b
    expect(balance.withoutPurpose).toBe(1); // d
    expect(Object.fromEntries(balance.purposeMix.map((p) => [p.tag.id, p.count]))).toEqual({
      work: 2,
      growth: 1,
      purpose: 1,
      belonging: 1,
      impact: 0,
    });
    expect(balance.relationshipCoverage.find((r) => r.tag.id === 'mentor')?.count).toBe(2);
    expect(balance.gaps.map((t) => t.id)).toEqual([
      'way-shower',
      'peer',
      'colleague',
      'client',
      'industry',
      'mentee',
      'sponsor',
      'friend',
    ]);
  });

  it('is empty for an empty database', () => {
    const balance = computeBalance(input(0, {}), DEFAULT_TAXONOMY);
    expect(balance).toMatchObject({ known: 0, tagged: 0, work: 0, growth: 0, both: 0, withoutPurpose: 0 });
    expect(balance.gaps).toHaveLength(9);
  });

  it('keeps archived tags that are still on contacts and hides those that are not', () => {
    const taxonomy: Tag[] = DEFAULT_TAXONOMY.map((tag) =>
      tag.id === 'impact' || tag.id === 'friend' ? { ...tag, archived: true } : tag,
    );
    const balance = computeBalance(input(3, { impact: ['a'], peer: ['b'] }), taxonomy);
    expect(balance.tagged).toBe(2);
    expect(balance.growth).toBe(1);
    expect(balance.purposeMix.map((p) => p.tag.id)).toContain('impact');
    expect(balance.relationshipCoverage.map((r) => r.tag.id)).not.toContain('friend');
    expect(balance.gaps.map((t) => t.id)).not.toContain('friend');
  });

  it('never reports fewer known than tagged contacts', () => {
    expect(computeBalance(input(0, { work: ['a'] }), DEFAULT_TAXONOMY).known).toBe(1);
  });
});

describe('describeSplit', () => {
  it('states the split in words', () => {
    const tags: Record<string, string[]> = { work: ['1', '2', '3', '4', '5', '6', '7'], growth: ['8', '9', '10'] };
    expect(describeSplit(computeBalance(input(10, tags), DEFAULT_TAXONOMY), translate)).toBe(
      '7 of 10 tagged contacts serve your work; 3 your own growth.',
    );
  });

  it('mentions contacts that serve both', () => {
    const balance = computeBalance(input(2, { work: ['a', 'b'], impact: ['b'] }), DEFAULT_TAXONOMY);
    expect(describeSplit(balance, translate)).toBe(
      '2 of 2 tagged contacts serve your work; 1 your own growth (1 serves both).',
    );
  });

  it('handles one and none', () => {
    expect(describeSplit(computeBalance(input(1, { work: ['a'] }), DEFAULT_TAXONOMY), translate)).toBe(
      '1 of 1 tagged contact serves your work; 0 your own growth.',
    );
    expect(describeSplit(computeBalance(input(1, { growth: ['a'] }), DEFAULT_TAXONOMY), translate)).toBe(
      '0 of 1 tagged contacts serve your work; 1 your own growth.',
    );
    expect(
      describeSplit(computeBalance(input(3, { work: ['a'], peer: ['b', 'c'] }), DEFAULT_TAXONOMY), translate),
    ).toBe('1 of 3 tagged contacts serves your work; 0 your own growth.');
    expect(describeSplit(computeBalance(input(4, {}), DEFAULT_TAXONOMY), translate)).toBe('No tagged contacts yet.');
  });
});

describe('describeSplit in Dutch', () => {
  it('agrees in number', () => {
    useLocale('nl');
    const split = (tags: Record<string, string[]>) =>
      describeSplit(computeBalance(input(10, tags), DEFAULT_TAXONOMY), translate);
    expect(split({ work: ['a', 'b'], impact: ['b', 'c'] })).toBe(
      '2 van de 3 getagde contacten dienen je werk; 2 je eigen groei (1 dient allebei).',
    );
    expect(split({ work: ['a'], peer: ['b'] })).toBe('1 van de 2 getagde contacten dient je werk; 0 je eigen groei.');
    expect(split({ work: ['a'] })).toBe('Je enige getagde contact dient je werk; 0 je eigen groei.');
    expect(split({})).toBe('Nog geen getagde contacten.');
  });
});

describe('describeGap', () => {
  const tag = (label: string) => ({ ...DEFAULT_TAXONOMY[5]!, label });
  it('names the missing relationship type', () => {
    expect(describeGap(tag('Mentor'), translate)).toBe('No mentor yet');
    expect(describeGap(tag('Way-shower'), translate)).toBe('No way-shower yet');
    expect(describeGap(tag('VC'), translate)).toBe('No VC yet');
    useLocale('nl');
    expect(describeGap(tag('Wegwijzer'), translate)).toBe('Nog geen wegwijzer');
  });
});
