import { i18n } from '#i18n';
import { translate, uiLocale } from '../../lib/i18n';
import { type CompanySpread, describeSpread } from '../../lib/model/company-spread';
import { BarChart } from './BarChart';

/** Is the network one employer deep? The largest companies and their shares. */
export function CompanySpreadView({ spread }: { spread: CompanySpread }) {
  const bars = spread.top.map(({ company, count, share }) => ({ key: company, label: company, count, share }));
  const columns: [string, string, string] = [
    i18n.t('companies.columns.company'),
    i18n.t('companies.columns.contacts'),
    i18n.t('companies.columns.share'),
  ];
  return (
    <section aria-labelledby="companies-heading">
      <h2 id="companies-heading">{i18n.t('companies.heading')}</h2>
      <p>{describeSpread(spread, translate, uiLocale())}</p>
      {bars.length > 0 && (
        <BarChart caption={i18n.t('companies.caption')} columns={columns} bars={bars} value="share" />
      )}
    </section>
  );
}
