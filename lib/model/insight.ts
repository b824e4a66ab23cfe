import type { CompanySpread } from './company-spread';
import type { ReconnectEntry } from './reconnect';

/** What the popup and the overview show beside the balance. */
export interface Insight {
  spread: CompanySpread;
  reconnect: { total: number; entries: ReconnectEntry[] };
}
