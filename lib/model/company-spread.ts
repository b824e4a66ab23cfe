import type { Translate } from './translate';

interface CompanyShare {
  company: string;
  count: number;
  /** Of the contacts whose company is known, 0..1. */
  share: number;
}

export interface CompanySpread {
  /** Contacts with a known company. */
  withCompany: number;
  companies: number;
  top: CompanyShare[];
}

/** How many employers deep the network is: the largest companies and their shares. */
export function companySpread(companyOfEachContact: readonly string[], topCount = 5): CompanySpread {
  const counts = new Map<string, { company: string; count: number }>();
  let withCompany = 0;
  for (const raw of companyOfEachContact) {
    const company = raw.trim();
    if (!company) continue;
    withCompany++;
    // "Acme" and "ACME " are one employer; the first spelling seen is shown.
    const key = company.toLowerCase();
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { company, count: 1 });
  }
  const top = [...counts.values()]
    .sort((a, b) => b.count - a.count || a.company.localeCompare(b.company))
    .slice(0, topCount)
    .map(({ company, count }) => ({ company, count, share: count / withCompany }));
  return { withCompany, companies: counts.size, top };
}

/**
 * "38% of your contacts with a known company work at Acme (6 contacts across 3 companies)." Numbers are
 * written as `locale` writes them (the runtime's default without one).
 */
export function describeSpread(spread: CompanySpread, t: Translate, locale?: string): string {
  const first = spread.top[0];
  if (!first) return t('companies.none');
  const number = (n: number) => n.toLocaleString(locale);
  const percent = first.share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 });
  const across = t('companies.across', [
    t('companies.contacts', spread.withCompany, [number(spread.withCompany)]),
    t('companies.companies', spread.companies, [number(spread.companies)]),
  ]);
  return t('companies.summary', [percent, first.company, across]);
}
