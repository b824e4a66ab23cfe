import { type CompanySpread, describeSpread } from '../lib/company-spread';
import { BarChart } from './BarChart';

/** Is the network one employer deep? The largest companies and their shares. */
export function CompanySpreadView({ spread }: { spread: CompanySpread }) {
  const bars = spread.top.map(({ company, count, share }) => ({ key: company, label: company, count, share }));
  return (
    <section aria-labelledby="companies-heading">
      <h2 id="companies-heading">Companies</h2>
      <p>{describeSpread(spread)}</p>
      {bars.length > 0 && (
        <BarChart caption="Contacts per company" columns={['Company', 'Contacts', 'Share']} bars={bars} value="share" />
      )}
    </section>
  );
}
