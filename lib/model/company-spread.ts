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

/**
 * How many contacts work at each employer, by the employer's folded name ("Acme" and "ACME " are one; the
 * first spelling counted is shown). Kept by the background beside the tag summary, so the overview does
 * not walk the company index of every contact after every change.
 */
export type CompanyCounts = Record<string, { company: string; count: number }>;

/** The folded key of a company, or undefined when none is known. */
function companyKey(raw: string | undefined): string | undefined {
  const company = raw?.trim();
  return company ? company.toLowerCase() : undefined;
}

/** The counts of the company of each contact. */
export function companyCounts(companyOfEachContact: readonly string[]): CompanyCounts {
  const counts: CompanyCounts = {};
  for (const raw of companyOfEachContact) {
    const key = companyKey(raw);
    if (!key) continue;
    const entry = counts[key];
    if (entry) entry.count++;
    else counts[key] = { company: raw.trim(), count: 1 };
  }
  return counts;
}

/**
 * The counts after contacts changed: `before[i]` became `after[i]` (undefined: absent). Undefined when the
 * counts cannot have described the contacts before (one would drop below zero): rebuild them instead. The
 * same object when no company changed, so the caller writes nothing.
 */
export function applyCompanyChanges(
  counts: CompanyCounts,
  before: ReadonlyArray<{ company?: string } | undefined>,
  after: ReadonlyArray<{ company?: string } | undefined>,
): CompanyCounts | undefined {
  const changed = before.some((contact, index) => companyKey(contact?.company) !== companyKey(after[index]?.company));
  if (!changed && before.length === after.length) return counts;
  const next: CompanyCounts = { ...counts };
  let consistent = true;
  const add = (raw: string | undefined, delta: number) => {
    const key = companyKey(raw);
    if (!key) return;
    const count = (next[key]?.count ?? 0) + delta;
    if (count < 0) consistent = false;
    if (count > 0) next[key] = { company: next[key]?.company ?? raw!.trim(), count };
    else delete next[key];
  };
  before.forEach((contact) => add(contact?.company, -1));
  after.forEach((contact) => add(contact?.company, 1));
  return consistent ? next : undefined;
}

/** How many employers deep the network is: the largest companies and their shares. */
export function companySpread(counts: CompanyCounts, topCount = 5): CompanySpread {
  const entries = Object.values(counts);
  const withCompany = entries.reduce((sum, entry) => sum + entry.count, 0);
  const top = entries
    .sort((a, b) => b.count - a.count || a.company.localeCompare(b.company))
    .slice(0, topCount)
    .map(({ company, count }) => ({ company, count, share: count / withCompany }));
  return { withCompany, companies: entries.length, top };
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
