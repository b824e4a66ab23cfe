import { describe, expect, it } from 'vitest';
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
    expect(describeSpread(spread)).toBe('50% of your contacts with a known company work at Acme (6 contacts across 3 companies).');
  });

  it('says when no company is known', () => {
    expect(describeSpread(companySpread(['', '']))).toBe('No companies known yet.');
  });
});
