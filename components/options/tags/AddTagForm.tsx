import { i18n } from '#i18n';
import { useId, useRef, useState } from 'preact/hooks';
import { fold } from '../../../lib/model/text';
import type { NewTag } from '../../../lib/storage/store';
import type { Dimension, Tag } from '../../../lib/model/taxonomy';
import { ColourInput, ContrastWarning } from './ColourPicker';
import { toColorValue } from './tag-colour';
import { groupText, labelProblem } from './tag-text';
import { TAG_LIMITS } from '../../../lib/model/taxonomy';

interface AddTagFormProps {
  dimension: Dimension;
  /** Every tag of the dimension, archived included: a new label must differ from all of them. */
  existing: Tag[];
  defaultColor: string;
  paletteId: string;
  /** Resolves false when the tag was not added; the form then keeps what was typed. */
  onAdd: (fields: NewTag) => Promise<boolean>;
}

export function AddTagForm({ dimension, existing, defaultColor, paletteId, onAdd }: AddTagFormProps) {
  const text = groupText(dimension);
  const id = useId();
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  // Null until the user picks one: then the next unused palette colour is offered.
  const [pickedColor, setPickedColor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const busy = useRef(false);
  const labelInput = useRef<HTMLInputElement>(null);
  const color = pickedColor ?? defaultColor;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy.current) return;
    const typed = fold(label);
    const problem = labelProblem(typed, existing, text);
    if (problem) {
      setError(problem);
      labelInput.current?.focus();
      return;
    }
    setError('');
    busy.current = true;
    const added = await onAdd({ dimension, label: typed, description: description.trim(), color: toColorValue(color) });
    busy.current = false;
    if (!added) return;
    setLabel('');
    setDescription('');
    setPickedColor(null);
    labelInput.current?.focus();
  }

  return (
    <form class="te-add" aria-labelledby={`${id}-heading`} noValidate onSubmit={submit}>
      <h4 id={`${id}-heading`}>{text.addHeading}</h4>
      <div class="te-add-fields">
        <label class="te-add-field">
          <span>{i18n.t('taxonomy.columns.label')}</span>
          <input
            ref={labelInput}
            type="text"
            required
            maxLength={TAG_LIMITS.label}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            value={label}
            onInput={(event) => setLabel(event.currentTarget.value)}
          />
        </label>
        <label class="te-add-field te-add-description">
          <span>{i18n.t('taxonomy.columns.description')}</span>
          <input
            type="text"
            maxLength={TAG_LIMITS.description}
            value={description}
            onInput={(event) => setDescription(event.currentTarget.value)}
          />
        </label>
        <label class="te-add-field">
          <span>{i18n.t('taxonomy.columns.colour')}</span>
          <ColourInput
            paletteId={paletteId}
            warningId={`${id}-warning`}
            value={color}
            onInput={setPickedColor}
            onChange={setPickedColor}
          />
        </label>
        <button type="submit" class="te-button te-add-button">
          {i18n.t('taxonomy.add')}
        </button>
      </div>
      {error && (
        <p class="te-field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <ContrastWarning id={`${id}-warning`} color={color} />
    </form>
  );
}
