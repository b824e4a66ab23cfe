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

/** The busy state an import shows: the phase's name, how far, and the cancel. */
export interface ImportBusy {
  kind: 'busy';
  label: string;
  fraction: number;
  cancel: AbortController;
}

/** The progress callback of an import, showing each step as the busy state. */
export function importProgress(cancel: AbortController, show: (busy: ImportBusy) => void) {
  return (fraction: number, phase: 'reading' | 'storing') =>
    show({
      kind: 'busy',
      label: phase === 'reading' ? i18n.t('progress.reading') : i18n.t('progress.storing'),
      fraction,
      cancel,
    });
}

/** The file chooser of an import form. */
export function FileInput({
  label,
  accept,
  onFile,
}: {
  label: string;
  accept: string;
  onFile: (file: File | null) => void;
}) {
  return (
    <label>
      {label}
      <input type="file" accept={accept} onChange={(event) => onFile(event.currentTarget.files?.[0] ?? null)} />
    </label>
  );
}
