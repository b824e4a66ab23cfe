import { i18n } from '#i18n';
import { formatNumber } from '../../lib/i18n';
import './network-review.css';

interface PurposeLineProps {
  /** The statement, '' when not written. */
  statement: string;
  /** People tagged "Shared purpose". */
  onMission: number;
  /** Where the statement is written (the popup opens the overview); absent where the editor is shown. */
  onWrite?: () => void;
  /** Shows the people tagged "Shared purpose" (the options page's contacts, filtered). */
  onShow?: () => void;
}

/** "My professional purpose": the statement and, beside it, how many people share it (seed 000). */
export function PurposeLine({ statement, onMission, onWrite, onShow }: PurposeLineProps) {
  return (
    <section class="purpose-line" aria-labelledby="purpose-line-heading">
      <h2 id="purpose-line-heading">{i18n.t('purpose.heading')}</h2>
      {statement ? (
        <p class="purpose-statement">{statement}</p>
      ) : (
        <p class="muted">
          {i18n.t('purpose.empty')}{' '}
          {onWrite && (
            <button type="button" class="link" onClick={onWrite}>
              {i18n.t('purpose.write')}
            </button>
          )}
        </p>
      )}
      <p class="purpose-mission">
        {i18n.t('purpose.onMission', onMission, [formatNumber(onMission)])}
        {onShow && onMission > 0 && (
          <>
            {' · '}
            <button type="button" class="link" onClick={onShow}>
              {i18n.t('purpose.showThem')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
