import type { CompanySpread } from './company-spread';

/** What the popup and the overview show beside the balance. */
export interface Insight {
  spread: CompanySpread;
}
