import { type Balance, type TagCount, describeGap, describeSplit } from '../lib/balance';
import { BarChart } from './BarChart';

/** The network's balance: tagging progress, work versus growth, purpose mix, relationship coverage. */
export function BalanceView({ balance }: { balance: Balance }) {
  if (balance.tagged === 0) return <EmptyState known={balance.known} />;
  return (
    <>
      <Progress tagged={balance.tagged} known={balance.known} />
      <section aria-labelledby="split-heading">
        <h2 id="split-heading">Work or growth?</h2>
        <SplitBar balance={balance} />
        <p class="split-text">{describeSplit(balance)}</p>
        {balance.withoutPurpose > 0 && (
          <p class="muted">
            {balance.withoutPurpose === 1
              ? '1 tagged contact has no purpose yet.'
              : `${balance.withoutPurpose} tagged contacts have no purpose yet.`}
          </p>
        )}
      </section>
      <section aria-labelledby="mix-heading">
        <h2 id="mix-heading">Purpose mix</h2>
        <TagChart id="purpose-chart" caption="Tagged contacts per purpose" rows={balance.purposeMix} total={balance.tagged} />
      </section>
      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Relationships</h2>
        <TagChart
          id="relationship-chart"
          caption="Tagged contacts per relationship type"
          rows={balance.relationshipCoverage}
          total={balance.tagged}
        />
        {balance.gaps.length > 0 && (
          <ul class="gaps" aria-label="Gaps in your network">
            {balance.gaps.map((tag) => (
              <li key={tag.id}>{describeGap(tag)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function EmptyState({ known }: { known: number }) {
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h2 id="empty-heading">Start with one profile</h2>
      <p>
        Open a LinkedIn profile and use the Kindred panel in the lower left corner: say why the connection matters
        (gets work done, career resilience, shared purpose, belonging, societal impact) and who the person is to you.
      </p>
      <p>As you tag, this shows whether your network serves your employer or your own growth, and what is missing.</p>
      {known > 0 && (
        <p class="muted">
          {known === 1 ? '1 profile seen so far, not tagged yet.' : `${known} profiles seen so far, none tagged yet.`}
        </p>
      )}
    </section>
  );
}

function Progress({ tagged, known }: { tagged: number; known: number }) {
  return (
    <p class="progress">
      <strong>{tagged}</strong> of {known} known {known === 1 ? 'contact' : 'contacts'} tagged
      <progress max={known} value={tagged} aria-label="Tagging progress" />
    </p>
  );
}

/** Work on the left, growth on the right; contacts serving both are the overlap in the middle. */
function SplitBar({ balance }: { balance: Balance }) {
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
          <i class="split-work" /> Work
        </span>
        {balance.both > 0 && (
          <span>
            <i class="split-both" /> Both
          </span>
        )}
        <span>
          <i class="split-growth" /> Own growth
        </span>
      </div>
    </div>
  );
}

function TagChart({ id, caption, rows, total }: { id: string; caption: string; rows: TagCount[]; total: number }) {
  const bars = rows.map(({ tag, count }) => ({ key: tag.id, label: tag.label, count, share: total ? count / total : 0, color: tag.color }));
  return <BarChart id={id} caption={caption} columns={['Tag', 'Contacts', 'Share of tagged contacts']} bars={bars} value="count" />;
}
