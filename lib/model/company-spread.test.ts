import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { useLocale } from '../../tests/support/test-i18n';
import { applyCompanyChanges, companyCounts, companySpread, describeSpread } from './company-spread';

describe('companySpread', () => {
  it('counts contacts per company, folding case and spaces, ignoring unknown companies', () => {
    const spread = companySpread(companyCounts(['Acme', 'acme ', 'ACME', 'Globex', '', 'Initech', 'Globex', '  ']), 2);
    expect(spread).toEqual({
      withCompany: 6,
      companies: 3,
      top: [
        { company: 'Acme', count: 3, share: 0.5 },
        { company: 'Globex', count: 2, share: 2 / 6 },
      ],
    });
    expect(describeSpread(spread, translate)).toBe(
      '50% of your contacts with a known company work at Acme (6 contacts across 3 companies).',
    );
  });

  it('speaks Dutch, with Dutch numbers', () => {
    useLocale('nl');
    const spread = companySpread(companyCounts([...Array<string>(1200).fill('Acme'), 'Globex']), 2);
    expect(describeSpread(spread, translate, 'nl')).toBe(
      '100% van je contacten met een bekend bedrijf werkt bij Acme (1.201 contacten bij 2 bedrijven).',
    );
    expect(describeSpread(companySpread(companyCounts(['Acme'])), translate, 'nl')).toBe(
      '100% van je contacten met een bekend bedrijf werkt bij Acme (1 contact bij 1 bedrijf).',
    );
  });

  it('says when no company is known', () => {
    expect(describeSpread(companySpread(companyCounts(['', ''])), translate)).toBe('No companies known yet.');
  });
});

describe('applyCompanyChanges', () => {
  const counts = () => companyCounts(['Acme', 'acme', 'Globex']);

  it('moves a contact from one company to another, folding spellings, and drops an empty company', () => {
    const next = applyCompanyChanges(counts(), [{ company: 'Globex' }], [{ company: ' ACME ' }]);
    expect(next).toEqual({ acme: { company: 'Acme', count: 3 } });
    expect(applyCompanyChanges(counts(), [undefined], [{ company: 'Initech' }])).toEqual({
      ...counts(),
      initech: { company: 'Initech', count: 1 },
    });
    expect(applyCompanyChanges(counts(), [{ company: 'Globex' }], [undefined])).toEqual({
      acme: { company: 'Acme', count: 2 },
    });
  });

  it('is the same object when no company changed (nothing to write)', () => {
    const before = counts();
    expect(applyCompanyChanges(before, [{ company: 'Acme' }, undefined], [{ company: 'acme ' }, undefined])).toBe(
      before,
    );
  });

  it('says the counts cannot be trusted when they would drop below zero', () => {
    expect(applyCompanyChanges(counts(), [{ company: 'Initech' }], [undefined])).toBeUndefined();
  });

  // The same counts per employer as counting again; which of its spellings is shown may differ.
  const folded = (counts: ReturnType<typeof companyCounts>) =>
    Object.fromEntries(Object.entries(counts).map(([key, { count }]) => [key, count]));
  it('equals counting again after any sequence of changes', () => {
    const companies = ['Acme', 'acme ', 'Globex', '', 'Initech'];
    let stored: string[] = ['Acme', 'Globex', '', 'Globex'];
    let kept: ReturnType<typeof companyCounts> | undefined = companyCounts(stored);
    for (let step = 0; step < 200; step++) {
      const at = (step * 7) % (stored.length + 1);
      const next = companies[(step * 3) % companies.length]!;
      const before = at < stored.length ? { company: stored[at] } : undefined;
      stored = at < stored.length ? stored.map((c, i) => (i === at ? next : c)) : [...stored, next];
      kept = applyCompanyChanges(kept!, [before], [{ company: next }]);
      expect(kept && folded(kept)).toEqual(folded(companyCounts(stored)));
    }
  });
});
