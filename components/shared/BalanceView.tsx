import { i18n } from '#i18n';
import { formatNumber, translate } from '../../lib/i18n';
import type { ComponentChildren } from 'preact';
import { type Balance, describeGap, describeSplit } from '../../lib/model/balance';
import type { Dimension } from '../../lib/model/taxonomy';
import { BarChart } from './BarChart';
import { withNodes } from './with-nodes';

/** The network's balance: tagging progress, work versus growth, purpose mix, relationship coverage. */
export function BalanceView({ balance }: { balance: Balance }) {
  if (balance.tagged === 0) return <EmptyState known={balance.known} />;
  return (
    <>
      <Progress tagged={balance.tagged} known={balance.known} />
      <section aria-labelledby="split-heading">
        <h2 id="split-heading">{i18n.t('balance.split.heading')}</h2>
        <SplitBar balance={balance} />
        <p class="split-text">{describeSplit(balance, translate)}</p>
        {balance.withoutPurpose > 0 && (
          <p class="muted">
            {i18n.t('balance.split.withoutPurpose', balance.withoutPurpose, [formatNumber(balance.withoutPurpose)])}
          </p>
        )}
      </section>
      <TagChart dimension="purpose" balance={balance} />
      <TagChart dimension="relationship" balance={balance}>
        {balance.gaps.length > 0 && (
          <ul class="gaps" aria-label={i18n.t('balance.gaps.label')}>
            {balance.gaps.map((tag) => (
              <li key={tag.id}>{describeGap(tag, translate)}</li>
            ))}
          </ul>
        )}
      </TagChart>
    </>
  );
}

function EmptyState({ known }: { known: number }) {
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{i18n.t('balance.empty.heading')}</h2>
      <p>{i18n.t('balance.empty.intro')}</p>
      <p>{i18n.t('balance.empty.outcome')}</p>
      {known > 0 && <p class="muted">{i18n.t('balance.empty.seen', known, [formatNumber(known)])}</p>}
    </section>
  );
}

export function Progress({ tagged, known }: { tagged: number; known: number }) {
  return (
    <p class="progress">
      {withNodes(
        (marks) => i18n.t('balance.progress', known, [marks[0]!, formatNumber(known)]),
        [<strong>{formatNumber(tagged)}</strong>],
      )}
      <progress max={known} value={tagged} aria-label={i18n.t('balance.progressLabel')} />
    </p>
  );
}

/** Work on the left, growth on the right; contacts serving both are the overlap in the middle. */
export function SplitBar({ balance }: { balance: Balance }) {
  const workOnly = balance.work - balance.both;
  const growthOnly = balance.growth - balance.both;
  const total = workOnly + balance.both + growthOnly || 1;
  const parts = [
    { key: 'work', value: workOnly, className: 'split-work' },
    { key: 'both', value: balance.both, className: 'split-both' },
    { key: 'growth', value: growthOnly, className: 'split-growth' },
  ];
  let x = 0;
  return (
    <div class="split" aria-hidden="true">
      <svg viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="14">
        {parts.map((part) => {
          const width = (part.value / total) * 100;
          const rect = <rect key={part.key} class={part.className} x={x} y={0} width={width} height={10} />;
          x += width;
          return rect;
        })}
      </svg>
      <div class="split-legend">
        <span>
          <i class="split-work" /> {i18n.t('balance.split.work')}
        </span>
        {balance.both > 0 && (
          <span>
            <i class="split-both" /> {i18n.t('balance.split.both')}
          </span>
        )}
        <span>
          <i class="split-growth" /> {i18n.t('balance.split.growth')}
        </span>
      </div>
    </div>
  );
}

/** One dimension's section: tagged contacts per tag (the purpose mix, or the relationship coverage). */
function TagChart({
  dimension,
  balance,
  children,
}: {
  dimension: Dimension;
  balance: Balance;
  children?: ComponentChildren;
}) {
  const total = balance.tagged;
  const purpose = dimension === 'purpose';
  const section = purpose ? 'mix' : 'coverage';
  const rows = purpose ? balance.purposeMix : balance.relationshipCoverage;
  const [heading, caption] = purpose
    ? [i18n.t('balance.mix.heading'), i18n.t('balance.mix.caption')]
    : [i18n.t('balance.coverage.heading'), i18n.t('balance.coverage.caption')];
  const bars = rows.map(({ tag, count }) => ({
    key: tag.id,
    label: tag.label,
    count,
    share: total ? count / total : 0,
    color: tag.color,
  }));
  const columns: [string, string, string] = [
    i18n.t('balance.chart.tag'),
    i18n.t('balance.chart.contacts'),
    i18n.t('balance.chart.share'),
  ];
  return (
    <section aria-labelledby={`${section}-heading`}>
      <h2 id={`${section}-heading`}>{heading}</h2>
      <BarChart id={`${dimension}-chart`} caption={caption} columns={columns} bars={bars} value="count" />
      {children}
    </section>
  );
}
