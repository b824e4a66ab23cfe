import { i18n } from '#i18n';
import { formatNumber, formatPercent, translate, uiLocale } from '../../../lib/i18n';
import {
  type BalanceSnapshot,
  describeTrend,
  growthShare,
  monthName,
  workShare,
} from '../../../lib/model/balance-history';
import '../../shared/network-review.css';

/**
 * Balance over time: the growth and work shares month by month, drawn as two small lines (decoration)
 * and given in a table (what a screen reader reads), with the trend sentence above.
 */
export function BalanceTrend({ snapshots }: { snapshots: readonly BalanceSnapshot[] }) {
  const locale = uiLocale();
  const sentence = describeTrend(snapshots, translate, locale);
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">{i18n.t('trend.heading')}</h2>
      {sentence ? <p>{sentence}</p> : <p class="muted">{i18n.t('trend.none')}</p>}
      {snapshots.length >= 2 && <Sparklines snapshots={snapshots} />}
      {snapshots.length > 0 && (
        <table class="trend-table">
          <caption>{i18n.t('trend.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('trend.month')}</th>
              <th scope="col">{i18n.t('trend.tagged')}</th>
              <th scope="col">{i18n.t('trend.work')}</th>
              <th scope="col">{i18n.t('trend.growth')}</th>
            </tr>
          </thead>
          <tbody>
            {[...snapshots].reverse().map((s) => (
              <tr key={s.month}>
                <th scope="row">{monthName(s.month, locale)}</th>
                <td>{formatNumber(s.tagged)}</td>
                <td>{formatPercent(workShare(s))}</td>
                <td>{formatPercent(growthShare(s))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Two lines, work and growth share (0–100%), one point per month; hidden from screen readers. */
function Sparklines({ snapshots }: { snapshots: readonly BalanceSnapshot[] }) {
  const width = 300;
  const height = 60;
  const x = (i: number) => (snapshots.length === 1 ? width / 2 : (i / (snapshots.length - 1)) * (width - 8) + 4);
  const y = (share: number) => height - 4 - share * (height - 8);
  const line = (share: (s: BalanceSnapshot) => number) =>
    snapshots.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(share(s)).toFixed(1)}`).join(' ');
  return (
    <div aria-hidden="true">
      <svg class="trend-lines" viewBox={`0 0 ${width} ${height}`} width="100%" height={height}>
        <path d={line(workShare)} class="trend-work" fill="none" stroke-width="2" />
        <path d={line(growthShare)} class="trend-growth" fill="none" stroke-width="2" />
      </svg>
      <div class="split-legend">
        <span>
          <i class="split-work" /> {i18n.t('trend.work')}
        </span>
        <span>
          <i class="split-growth" /> {i18n.t('trend.growth')}
        </span>
      </div>
    </div>
  );
}
