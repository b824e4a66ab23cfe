import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { useLocale } from '../../tests/support/test-i18n';
import { companySpread, describeSpread } from './company-spread';

describe('companySpread', () => {
  it('counts contacts per company, folding case and spaces, ignoring unknown companies', () => {
    const spread = companySpread(['Acme', 'acme ', 'ACME', 'Globex', '', 'Initech', 'Globex', '  '], 2);
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
    const spread = companySpread([...Array<string>(1200).fill('Acme'), 'Globex'], 2);
    expect(describeSpread(spread, translate, 'nl')).toBe(
      '100% van je contacten met een bekend bedrijf werkt bij Acme (1.201 contacten bij 2 bedrijven).',
    );
    expect(describeSpread(companySpread(['Acme']), translate, 'nl')).toBe(
      '100% van je contacten met een bekend bedrijf werkt bij Acme (1 contact bij 1 bedrijf).',
    );
  });

  it('says when no company is known', () => {
    expect(describeSpread(companySpread(['', '']), translate)).toBe('No companies known yet.');
  });
});
