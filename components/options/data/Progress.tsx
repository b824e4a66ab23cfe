import { i18n } from '#i18n';

/** A determinate progress bar with its name, what is happening, and Cancel where it can stop. */
export function Progress({ label, fraction, onCancel }: { label: string; fraction: number; onCancel?: () => void }) {
  const percent = Math.round(fraction * 100);
  return (
    <div class="progress row">
      <progress aria-label={label} max={100} value={percent}>
        {percent}%
      </progress>
      <span>{i18n.t('progress.percent', [label, String(percent)])}</span>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {i18n.t('common.cancel')}
        </button>
      )}
    </div>
  );
}
