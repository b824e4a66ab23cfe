import { i18n } from '#i18n';
import type { Ref } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { fold } from '../../../lib/model/text';
import type { NewTag } from '../../../lib/storage/taxonomy-store';
import type { Dimension, Tag } from '../../../lib/model/taxonomy';
import { ColourInput, ContrastWarning } from './ColourPicker';
import { toColorValue } from './tag-colour';
import { groupText, labelProblem } from './tag-text';
import { TAG_LIMITS } from '../../../lib/model/taxonomy';
import { FieldError } from './FieldError';

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
        <TextField
          label={i18n.t('taxonomy.columns.label')}
          inputRef={labelInput}
          required
          maxLength={TAG_LIMITS.label}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={label}
          onValue={setLabel}
        />
        <TextField
          class="te-add-field te-add-description"
          label={i18n.t('taxonomy.columns.description')}
          maxLength={TAG_LIMITS.description}
          value={description}
          onValue={setDescription}
        />
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
      <FieldError fieldId={id} error={error} />
      <ContrastWarning id={`${id}-warning`} color={color} />
    </form>
  );
}

interface TextFieldProps {
  label: string;
  class?: string;
  value: string;
  onValue: (value: string) => void;
  maxLength: number;
  required?: boolean;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A text box of the form under its visible label. */
function TextField({ label, class: className = 'te-add-field', value, onValue, inputRef, ...input }: TextFieldProps) {
  return (
    <label class={className}>
      <span>{label}</span>
      <input
        ref={inputRef}
        type="text"
        {...input}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </label>
  );
}
