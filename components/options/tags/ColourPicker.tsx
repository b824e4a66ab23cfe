import { i18n } from '#i18n';
import { uiLocale } from '../../../lib/i18n';
import { MIN_CONTRAST, contrastWithWhite, hardToRead, toColorValue } from './tag-colour';

interface ColourInputProps {
  value: string;
  /** The id of the `<datalist>` of palette colours the picker offers. */
  paletteId: string;
  /** The id `ContrastWarning` gets, so the input points at the warning while it shows. */
  warningId: string;
  label?: string;
  /** While the user drags through colours. */
  onInput: (color: string) => void;
  /** Once the user has picked one. */
  onChange: (color: string) => void;
}

export function ColourInput({ value, paletteId, warningId, label, onInput, onChange }: ColourInputProps) {
  return (
    <input
      type="color"
      class="te-color"
      aria-label={label}
      aria-describedby={hardToRead(value) ? warningId : undefined}
      list={paletteId}
      value={toColorValue(value)}
      onInput={(event) => onInput(event.currentTarget.value)}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/** Shows only while white text on `color` falls short of WCAG AA; placed apart from the input for the grid. */
export function ContrastWarning({ id, color }: { id: string; color: string }) {
  if (!hardToRead(color)) return null;
  return (
    <p class="te-warning" id={id}>
      <span aria-hidden="true">⚠ </span>
      <span>{i18n.t('taxonomy.contrast.warning')}</span>{' '}
      <span class="te-ratio">
        {i18n.t('taxonomy.contrast.detail', [ratio(contrastWithWhite(color)), ratio(MIN_CONTRAST)])}
      </span>
    </p>
  );
}

/** A contrast ratio with one decimal, as the user's locale writes it: "4.5" or "4,5". */
function ratio(value: number): string {
  return value.toLocaleString(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
