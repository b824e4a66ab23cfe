import { i18n } from '#i18n';
import { translate } from '../../lib/i18n';
import type { Balance } from '../../lib/model/balance';
import { describeDiagnosis, diagnose } from '../../lib/model/review';
import './network-review.css';

/**
 * The network in words (lib/model/review.ts): the lean, seed 001's gaps, seed 002's levels of meaning.
 * The guided review ends with it; the overview shows it beside the balance. Nothing before anyone is tagged.
 */
export function Diagnosis({ balance, id = 'diagnosis' }: { balance: Balance; id?: string }) {
  const sentences = describeDiagnosis(diagnose(balance), translate);
  if (sentences.length === 0) return null;
  return (
    <div class="review-result">
      <h3 id={`${id}-heading`}>{i18n.t('review.resultHeading')}</h3>
      <ul aria-labelledby={`${id}-heading`}>
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </div>
  );
}
