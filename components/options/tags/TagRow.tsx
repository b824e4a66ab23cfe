import { i18n } from '#i18n';
import { useId, useState } from 'preact/hooks';
import { fold } from '../../../lib/model/text';
import type { TagChanges } from '../../../lib/storage/store';
import type { Tag } from '../../../lib/model/taxonomy';
import { ColourInput, ContrastWarning } from './ColourPicker';
import { toColorValue } from './tag-colour';
import { type GroupText, labelProblem } from './tag-text';
import { TAG_LIMITS } from '../../../lib/model/taxonomy';
import { type Field, useField } from './use-field';

export interface TagActions {
  onSave: (tag: Tag, changes: TagChanges) => Promise<boolean>;
  onMove: (tag: Tag, direction: 'up' | 'down') => void;
  onArchive: (tag: Tag, archived: boolean) => void;
}

interface TagRowProps extends TagActions {
  tag: Tag;
  text: GroupText;
  /** The other tags of the dimension, archived included, to refuse a second tag with the same label. */
  others: Tag[];
  first: boolean;
  last: boolean;
  paletteId: string;
}

/** One active tag: its colour, label and description save as edited; it moves up or down, or is archived. */
export function TagRow({ tag, text, others, first, last, paletteId, onSave, onMove, onArchive }: TagRowProps) {
  const id = useId();
  const [labelError, setLabelError] = useState('');
  const label = useField(tag.label, () => setLabelError(''));
  const description = useField(tag.description);
  const color = useField(toColorValue(tag.color));

  async function commitLabel(value: string) {
    const typed = fold(value);
    const problem = labelProblem(typed, others, text);
    if (problem) return setLabelError(i18n.t('taxonomy.labelNotSaved', [problem]));
    setLabelError('');
    label.set(typed);
    await label.commit(typed, () => onSave(tag, { label: typed }), { keepDraft: true });
  }

  async function commitDescription(value: string) {
    const typed = value.trim();
    description.set(typed);
    await description.commit(typed, () => onSave(tag, { description: typed }), { keepDraft: true });
  }

  function revert(event: KeyboardEvent, field: Field, clearError = false) {
    if (event.key !== 'Escape') return;
    field.set(field.saved.current);
    if (clearError) setLabelError('');
  }

  return (
    <li class="te-row">
      <ColourInput
        label={i18n.t('taxonomy.colourOf', [tag.label])}
        paletteId={paletteId}
        warningId={`${id}-warning`}
        value={color.value}
        onInput={color.set}
        onChange={(value) => {
          const picked = toColorValue(value);
          color.set(picked);
          void color.commit(picked, () => onSave(tag, { color: picked }), { keepDraft: false });
        }}
      />
      <input
        type="text"
        class="te-label"
        aria-label={i18n.t('taxonomy.labelOf', [tag.label])}
        aria-invalid={labelError ? 'true' : undefined}
        aria-describedby={labelError ? `${id}-error` : undefined}
        maxLength={TAG_LIMITS.label}
        value={label.value}
        onInput={(event) => label.set(event.currentTarget.value)}
        onBlur={(event) => void commitLabel(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commitLabel(event.currentTarget.value);
          revert(event, label, true);
        }}
      />
      <input
        type="text"
        class="te-description"
        aria-label={i18n.t('taxonomy.descriptionOf', [tag.label])}
        maxLength={TAG_LIMITS.description}
        value={description.value}
        onInput={(event) => description.set(event.currentTarget.value)}
        onBlur={(event) => void commitDescription(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commitDescription(event.currentTarget.value);
          revert(event, description);
        }}
      />
      <span class="te-actions">
        <button
          type="button"
          class="te-button te-icon"
          aria-label={i18n.t('taxonomy.moveTagUp', [tag.label])}
          title={i18n.t('taxonomy.moveUp')}
          aria-disabled={first ? 'true' : undefined}
          data-focus-key={`${tag.id}:up`}
          onClick={() => !first && onMove(tag, 'up')}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          class="te-button te-icon"
          aria-label={i18n.t('taxonomy.moveTagDown', [tag.label])}
          title={i18n.t('taxonomy.moveDown')}
          aria-disabled={last ? 'true' : undefined}
          data-focus-key={`${tag.id}:down`}
          onClick={() => !last && onMove(tag, 'down')}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          class="te-button"
          aria-label={i18n.t('taxonomy.archiveTag', [tag.label])}
          data-focus-key={`${tag.id}:archive`}
          onClick={() => onArchive(tag, true)}
        >
          {i18n.t('taxonomy.archive')}
        </button>
      </span>
      {labelError && (
        <p class="te-field-error" id={`${id}-error`}>
          {labelError}
        </p>
      )}
      <ContrastWarning id={`${id}-warning`} color={color.value} />
    </li>
  );
}
