import { i18n } from '#i18n';
import type { InputHTMLAttributes } from 'preact';
import { useId, useState } from 'preact/hooks';
import { fold } from '../../../lib/model/text';
import type { TagChanges } from '../../../lib/storage/taxonomy-store';
import type { Tag } from '../../../lib/model/taxonomy';
import { ColourInput, ContrastWarning } from './ColourPicker';
import { toColorValue } from './tag-colour';
import { type GroupText, labelProblem } from './tag-text';
import { TAG_LIMITS } from '../../../lib/model/taxonomy';
import { type Field, useField } from './use-field';
import { FieldError } from './FieldError';

export interface TagActions {
  onSave: (tag: Tag, changes: TagChanges) => Promise<boolean>;
  onMove: (tag: Tag, direction: 'up' | 'down') => void;
  onArchive: (tag: Tag, archived: boolean) => void;
  /** Keep in touch: the tag's rhythm in days, or null for none. */
  onRhythm: (tag: Tag, rhythmDays: number | null) => void;
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
export function TagRow({
  tag,
  text,
  others,
  first,
  last,
  paletteId,
  onSave,
  onMove,
  onArchive,
  onRhythm,
}: TagRowProps) {
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

  /** A text box that saves on Enter or when left, and goes back to the saved text on Escape. */
  function textInput(
    field: Field,
    commit: (value: string) => Promise<void>,
    attributes: InputHTMLAttributes<HTMLInputElement>,
    clearError = false,
  ) {
    return (
      <input
        type="text"
        {...attributes}
        value={field.value}
        onInput={(event) => field.set(event.currentTarget.value)}
        onBlur={(event) => void commit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit(event.currentTarget.value);
          revert(event, field, clearError);
        }}
      />
    );
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
      {textInput(
        label,
        commitLabel,
        {
          class: 'te-label',
          'aria-label': i18n.t('taxonomy.labelOf', [tag.label]),
          'aria-invalid': labelError ? 'true' : undefined,
          'aria-describedby': labelError ? `${id}-error` : undefined,
          maxLength: TAG_LIMITS.label,
        },
        true,
      )}
      {textInput(description, commitDescription, {
        class: 'te-description',
        'aria-label': i18n.t('taxonomy.descriptionOf', [tag.label]),
        maxLength: TAG_LIMITS.description,
      })}
      <RhythmSelect tag={tag} onRhythm={onRhythm} />
      <span class="te-actions">
        <MoveButton tag={tag} direction="up" blocked={first} onMove={onMove} />
        <MoveButton tag={tag} direction="down" blocked={last} onMove={onMove} />
        <ArchiveButton tag={tag} archive onArchive={onArchive} />
      </span>
      <FieldError fieldId={id} error={labelError} />
      <ContrastWarning id={`${id}-warning`} color={color.value} />
    </li>
  );
}

/** Moves the tag one place up or down; at the end of the list it stays focusable but does nothing. */
function MoveButton(props: { tag: Tag; direction: 'up' | 'down'; blocked: boolean; onMove: TagActions['onMove'] }) {
  const { tag, direction, blocked } = props;
  const [label, title, arrow] =
    direction === 'up'
      ? [i18n.t('taxonomy.moveTagUp', [tag.label]), i18n.t('taxonomy.moveUp'), '↑']
      : [i18n.t('taxonomy.moveTagDown', [tag.label]), i18n.t('taxonomy.moveDown'), '↓'];
  return (
    <button
      type="button"
      class="te-button te-icon"
      aria-label={label}
      title={title}
      aria-disabled={blocked ? 'true' : undefined}
      data-focus-key={`${tag.id}:${direction}`}
      onClick={() => !blocked && props.onMove(tag, direction)}
    >
      <span aria-hidden="true">{arrow}</span>
    </button>
  );
}

/** Archives an active tag (in its row) or restores an archived one (in the list of archived tags). */
export function ArchiveButton(props: { tag: Tag; archive?: boolean; onArchive: TagActions['onArchive'] }) {
  const { tag, archive = false } = props;
  return (
    <button
      type="button"
      class="te-button"
      aria-label={archive ? i18n.t('taxonomy.archiveTag', [tag.label]) : i18n.t('taxonomy.restoreTag', [tag.label])}
      data-focus-key={`${tag.id}:${archive ? 'archive' : 'restore'}`}
      onClick={() => props.onArchive(tag, archive)}
    >
      {archive ? i18n.t('taxonomy.archive') : i18n.t('taxonomy.restore')}
    </button>
  );
}

/** Rhythms a tag may be given here, in days; a rhythm set otherwise (a file) is offered too. */
const RHYTHM_CHOICES = [7, 14, 30, 60, 90, 180, 365];

/** Keep in touch: every how many days people with this tag are due, or no rhythm. */
function RhythmSelect({ tag, onRhythm }: { tag: Tag; onRhythm: TagActions['onRhythm'] }) {
  const choices = [...new Set([...RHYTHM_CHOICES, ...(tag.rhythmDays ? [tag.rhythmDays] : [])])].sort((a, b) => a - b);
  return (
    <select
      class="te-rhythm"
      aria-label={i18n.t('tagRhythm.labelFor', [tag.label])}
      value={tag.rhythmDays ? String(tag.rhythmDays) : ''}
      onChange={(event) => {
        const value = event.currentTarget.value;
        onRhythm(tag, value ? Number(value) : null);
      }}
    >
      <option value="">{i18n.t('tagRhythm.none')}</option>
      {choices.map((days) => (
        <option key={days} value={String(days)}>
          {i18n.t('tagRhythm.every', days)}
        </option>
      ))}
    </select>
  );
}
