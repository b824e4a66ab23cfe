import { i18n } from '#i18n';
import { contrastRatio } from '../../../lib/model/colour';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { uiLocale } from '../../../lib/i18n';
import { fold } from '../../../lib/model/text';
import type { NewTag, TagChanges } from '../../../lib/storage/store';
import type { Dimension, Tag } from '../../../lib/model/taxonomy';
import './TaxonomyEditor.css';
import { errorText } from '../../../lib/model/error-text';

export interface TaxonomyEditorProps {
  /** Every tag, archived included, in display order (purposes first, then relationships). */
  taxonomy: Tag[];
  /** Makes the id itself; the editor never shows ids. */
  addTag: (fields: NewTag) => Promise<Tag>;
  updateTag: (tagId: string, changes: TagChanges) => Promise<unknown>;
  /** `ids` lists every tag of the dimension once, archived ones at the end. */
  reorderTags: (dimension: Dimension, ids: string[]) => Promise<unknown>;
  /** Called after every successful change; the page then passes a new taxonomy. */
  onChanged: () => void;
}

const LABEL_MAX = 60;
const DESCRIPTION_MAX = 300;
/** WCAG AA for normal text: pressed tag buttons draw white text on the tag colour. */
const MIN_CONTRAST = 4.5;

/** Colours for new tags; each gives white text at least 5:1 contrast. */
export const TAG_PALETTE = [
  '#2b6cb0', // blue
  '#2c7a7b', // teal
  '#6b46c1', // purple
  '#b83280', // pink
  '#c53030', // red
  '#975a16', // amber
  '#276749', // green
  '#4c51bf', // indigo
] as const;

/**
 * The WCAG contrast ratio of white text on `hex` (#rgb or #rrggbb): 1 for white, 21 for black.
 * NaN when `hex` is not such a colour.
 */
export function contrastWithWhite(hex: string): number {
  const color = hex.trim();
  return contrastRatio('#ffffff', color.startsWith('#') ? color : `#${color}`);
}

function parseHex(hex: string): [number, number, number] | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  let digits = match[1]!;
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  const n = Number.parseInt(digits, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** What an `<input type="color">` can show: #rrggbb in lower case. */
function toColorValue(color: string): string {
  const rgb = parseHex(color);
  return rgb ? `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}` : '#000000';
}

const hardToRead = (color: string) => contrastWithWhite(color) < MIN_CONTRAST;

interface GroupText {
  heading: string;
  addHeading: string;
  none: string;
  duplicate: (label: string) => string;
  duplicateArchived: (label: string) => string;
}

/** Each dimension's sentences in full: languages differ in how "a purpose" or "an archived …" agree. */
function groupText(dimension: Dimension): GroupText {
  return dimension === 'purpose'
    ? {
        heading: i18n.t('taxonomy.purpose.heading'),
        addHeading: i18n.t('taxonomy.purpose.add'),
        none: i18n.t('taxonomy.purpose.none'),
        duplicate: (label) => i18n.t('taxonomy.purpose.duplicate', [label]),
        duplicateArchived: (label) => i18n.t('taxonomy.purpose.duplicateArchived', [label]),
      }
    : {
        heading: i18n.t('taxonomy.relationship.heading'),
        addHeading: i18n.t('taxonomy.relationship.add'),
        none: i18n.t('taxonomy.relationship.none'),
        duplicate: (label) => i18n.t('taxonomy.relationship.duplicate', [label]),
        duplicateArchived: (label) => i18n.t('taxonomy.relationship.duplicateArchived', [label]),
      };
}

type Status = { kind: 'idle' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

/** Where focus goes once the page has passed the changed taxonomy (the clicked control may be gone). */
interface FocusRequest {
  key: string;
  from: Element | null;
  taxonomy: Tag[];
}

/** The options page's editor for the tag vocabulary: rename, recolour, reorder, archive, restore and add. */
export function TaxonomyEditor({ taxonomy, addTag, updateTag, reorderTags, onChanged }: TaxonomyEditorProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Moves show at once; consecutive moves build on the shown order until the page passes the new one.
  const [orderOverride, setOrderOverride] = useState<Partial<Record<Dimension, string[]>>>({});
  const pendingMoves = useRef(0);
  const focusRequest = useRef<FocusRequest | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const headingId = useId();

  const shownTaxonomy = useRef(taxonomy);
  useEffect(() => {
    if (taxonomy === shownTaxonomy.current) return;
    shownTaxonomy.current = taxonomy;
    if (pendingMoves.current === 0) setOrderOverride({});
  }, [taxonomy]);

  useEffect(() => {
    const request = focusRequest.current;
    if (!request) return;
    const active = document.activeElement;
    // Only take focus back when it was lost with the clicked control, never from where the user went since.
    if (!active || active === document.body || active === request.from) {
      const target = [...(sectionRef.current?.querySelectorAll<HTMLElement>('[data-focus-key]') ?? [])].find(
        (element) => element.dataset.focusKey === request.key,
      );
      if (target && target !== active) target.focus();
    }
    if (taxonomy !== request.taxonomy) focusRequest.current = null;
  }, [taxonomy, orderOverride]);

  function requestFocus(key: string) {
    focusRequest.current = { key, from: document.activeElement, taxonomy };
  }

  /** `failure` turns the error's message into the sentence shown. */
  async function perform(
    action: () => Promise<unknown>,
    success: string,
    failure: (message: string) => string = (message) => i18n.t('common.notSaved', [message]),
  ): Promise<boolean> {
    try {
      await action();
    } catch (error) {
      setStatus({ kind: 'error', message: failure(errorText(error)) });
      return false;
    }
    setStatus({ kind: 'done', message: success });
    onChanged();
    return true;
  }

  function tagsIn(dimension: Dimension): { active: Tag[]; archived: Tag[] } {
    let tags = taxonomy.filter((tag) => tag.dimension === dimension);
    const override = orderOverride[dimension];
    if (override) {
      const rank = (tag: Tag) => {
        const index = override.indexOf(tag.id);
        return index === -1 ? override.length : index;
      };
      tags = tags.map((tag, index) => ({ tag, index })).sort((a, b) => rank(a.tag) - rank(b.tag) || a.index - b.index).map((x) => x.tag);
    }
    return { active: tags.filter((tag) => !tag.archived), archived: tags.filter((tag) => tag.archived) };
  }

  async function move(tag: Tag, direction: 'up' | 'down') {
    const { active, archived } = tagsIn(tag.dimension);
    const ids = active.map((t) => t.id);
    const from = ids.indexOf(tag.id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (from === -1 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    const order = [...ids, ...archived.map((t) => t.id)];
    requestFocus(`${tag.id}:${direction}`);
    setOrderOverride((current) => ({ ...current, [tag.dimension]: order }));
    pendingMoves.current++;
    try {
      await reorderTags(tag.dimension, order);
    } catch (error) {
      pendingMoves.current--;
      setOrderOverride((current) => ({ ...current, [tag.dimension]: undefined }));
      setStatus({ kind: 'error', message: i18n.t('taxonomy.notMoved', [errorText(error)]) });
      return;
    }
    pendingMoves.current--;
    setStatus({
      kind: 'done',
      message: direction === 'up' ? i18n.t('taxonomy.movedUp', [tag.label]) : i18n.t('taxonomy.movedDown', [tag.label]),
    });
    onChanged();
  }

  function setArchived(tag: Tag, archived: boolean) {
    requestFocus(`${tag.id}:${archived ? 'restore' : 'archive'}`);
    return perform(
      () => updateTag(tag.id, { archived }),
      archived ? i18n.t('taxonomy.archivedTag', [tag.label]) : i18n.t('taxonomy.restoredTag', [tag.label]),
      (message) => (archived ? i18n.t('taxonomy.notArchived', [message]) : i18n.t('taxonomy.notRestored', [message])),
    );
  }

  return (
    <section class="card taxonomy-editor" aria-labelledby={headingId} ref={sectionRef}>
      <h2 id={headingId}>{i18n.t('taxonomy.heading')}</h2>
      <p class="muted te-intro">{i18n.t('taxonomy.intro')}</p>
      <datalist id={`${headingId}-palette`}>
        {TAG_PALETTE.map((color) => (
          <option key={color} value={color} />
        ))}
      </datalist>
      {(['purpose', 'relationship'] as const).map((dimension) => {
        const { active, archived } = tagsIn(dimension);
        return (
          <TagGroup
            key={dimension}
            dimension={dimension}
            active={active}
            archived={archived}
            paletteId={`${headingId}-palette`}
            onSave={(tag, changes) => perform(() => updateTag(tag.id, changes), i18n.t('common.saved'))}
            onMove={move}
            onArchive={setArchived}
            onAdd={(fields) =>
              perform(
                () => addTag(fields),
                i18n.t('taxonomy.added', [fields.label]),
                (message) => i18n.t('taxonomy.notAdded', [message]),
              )
            }
          />
        );
      })}
      <p class="te-status" role="status">
        {status.kind === 'done' ? status.message : ''}
      </p>
      <p class="te-error" role="alert">
        {status.kind === 'error' ? status.message : ''}
      </p>
    </section>
  );
}

interface TagGroupProps {
  dimension: Dimension;
  active: Tag[];
  archived: Tag[];
  paletteId: string;
  onSave: (tag: Tag, changes: TagChanges) => Promise<boolean>;
  onMove: (tag: Tag, direction: 'up' | 'down') => void;
  onArchive: (tag: Tag, archived: boolean) => void;
  onAdd: (fields: NewTag) => Promise<boolean>;
}

function TagGroup({ dimension, active, archived, paletteId, onSave, onMove, onArchive, onAdd }: TagGroupProps) {
  const text = groupText(dimension);
  const headingId = useId();
  const all = [...active, ...archived];
  const usedColors = new Set(all.map((tag) => toColorValue(tag.color)));
  const defaultColor = TAG_PALETTE.find((color) => !usedColors.has(color)) ?? TAG_PALETTE[all.length % TAG_PALETTE.length]!;

  return (
    <div class="te-group" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{text.heading}</h3>
      {active.length > 0 ? (
        <ul class="te-list">
          <li class="te-columns" aria-hidden="true">
            <span>{i18n.t('taxonomy.columns.colour')}</span>
            <span>{i18n.t('taxonomy.columns.label')}</span>
            <span>{i18n.t('taxonomy.columns.description')}</span>
          </li>
          {active.map((tag, index) => (
            <TagRow
              key={tag.id}
              tag={tag}
              text={text}
              others={all.filter((other) => other.id !== tag.id)}
              first={index === 0}
              last={index === active.length - 1}
              paletteId={paletteId}
              onSave={onSave}
              onMove={onMove}
              onArchive={onArchive}
            />
          ))}
        </ul>
      ) : (
        <p class="muted">{text.none}</p>
      )}
      {archived.length > 0 && (
        <>
          <h4 class="te-archived-heading">{i18n.t('taxonomy.archived')}</h4>
          <ul class="te-list te-archived">
            {archived.map((tag) => (
              <li key={tag.id} class="te-archived-row">
                <span class="te-dot" style={{ '--tag-color': toColorValue(tag.color) }} aria-hidden="true" />
                <span class="te-archived-label">{tag.label}</span>
                {tag.description && <span class="muted te-archived-description">{tag.description}</span>}
                <button
                  type="button"
                  class="te-button"
                  aria-label={i18n.t('taxonomy.restoreTag', [tag.label])}
                  data-focus-key={`${tag.id}:restore`}
                  onClick={() => onArchive(tag, false)}
                >
                  {i18n.t('taxonomy.restore')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <AddForm dimension={dimension} existing={all} defaultColor={defaultColor} paletteId={paletteId} onAdd={onAdd} />
    </div>
  );
}

interface TagRowProps {
  tag: Tag;
  text: GroupText;
  /** The other tags of the dimension, archived included, to refuse a second tag with the same label. */
  others: Tag[];
  first: boolean;
  last: boolean;
  paletteId: string;
  onSave: (tag: Tag, changes: TagChanges) => Promise<boolean>;
  onMove: (tag: Tag, direction: 'up' | 'down') => void;
  onArchive: (tag: Tag, archived: boolean) => void;
}

function TagRow({ tag, text, others, first, last, paletteId, onSave, onMove, onArchive }: TagRowProps) {
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

  const warn = hardToRead(color.value);
  return (
    <li class="te-row">
      <input
        type="color"
        class="te-color"
        aria-label={i18n.t('taxonomy.colourOf', [tag.label])}
        aria-describedby={warn ? `${id}-warning` : undefined}
        list={paletteId}
        value={color.value}
        onInput={(event) => color.set(event.currentTarget.value)}
        onChange={(event) => {
          const picked = toColorValue(event.currentTarget.value);
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
        maxLength={LABEL_MAX}
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
        maxLength={DESCRIPTION_MAX}
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
      {warn && <ContrastWarning id={`${id}-warning`} color={color.value} />}
    </li>
  );
}

interface AddFormProps {
  dimension: Dimension;
  existing: Tag[];
  defaultColor: string;
  paletteId: string;
  onAdd: (fields: NewTag) => Promise<boolean>;
}

function AddForm({ dimension, existing, defaultColor, paletteId, onAdd }: AddFormProps) {
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

  const warn = hardToRead(color);
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
            maxLength={LABEL_MAX}
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
            maxLength={DESCRIPTION_MAX}
            value={description}
            onInput={(event) => setDescription(event.currentTarget.value)}
          />
        </label>
        <label class="te-add-field">
          <span>{i18n.t('taxonomy.columns.colour')}</span>
          <input
            type="color"
            class="te-color"
            list={paletteId}
            aria-describedby={warn ? `${id}-warning` : undefined}
            value={toColorValue(color)}
            onInput={(event) => setPickedColor(event.currentTarget.value)}
            onChange={(event) => setPickedColor(event.currentTarget.value)}
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
      {warn && <ContrastWarning id={`${id}-warning`} color={color} />}
    </form>
  );
}

function ContrastWarning({ id, color }: { id: string; color: string }) {
  return (
    <p class="te-warning" id={id}>
      <span aria-hidden="true">⚠ </span>
      <span>{i18n.t('taxonomy.contrast.warning')}</span>{' '}
      <span class="te-ratio">{i18n.t('taxonomy.contrast.detail', [ratio(contrastWithWhite(color)), ratio(MIN_CONTRAST)])}</span>
    </p>
  );
}

interface Field {
  value: string;
  set: (value: string) => void;
  saved: { current: string };
  commit: (value: string, save: () => Promise<boolean>, options: { keepDraft: boolean }) => Promise<void>;
}

/**
 * A draft that follows the stored value whenever the page passes a new one. `commit` saves only a real
 * change, once (Enter then blur saves once); after a failure the draft stays for another try, or returns
 * to the stored value when `keepDraft` is false.
 */
function useField(stored: string, onStoredChange?: () => void): Field {
  const [value, setValue] = useState(stored);
  const saved = useRef(stored);
  const lastStored = useRef(stored);
  useEffect(() => {
    // Not on mount: effects run late, and a draft typed by then must stay.
    if (stored === lastStored.current) return;
    lastStored.current = stored;
    saved.current = stored;
    setValue(stored);
    onStoredChange?.();
  }, [stored]);

  async function commit(next: string, save: () => Promise<boolean>, { keepDraft }: { keepDraft: boolean }) {
    if (next === saved.current) return;
    const previous = saved.current;
    saved.current = next;
    if (await save()) return;
    if (saved.current === next) saved.current = previous;
    if (!keepDraft) setValue(saved.current);
  }

  return { value, set: setValue, saved, commit };
}

function labelProblem(typed: string, others: readonly Tag[], text: GroupText): string {
  if (!typed) return i18n.t('taxonomy.labelNeeded');
  if (typed.length > LABEL_MAX) return i18n.t('taxonomy.labelTooLong', [LABEL_MAX]);
  const same = others.find((tag) => fold(tag.label).toLocaleLowerCase() === typed.toLocaleLowerCase());
  if (!same) return '';
  return same.archived ? text.duplicateArchived(same.label) : text.duplicate(same.label);
}

/** A contrast ratio with one decimal, as the user's locale writes it: "4.5" or "4,5". */
function ratio(value: number): string {
  return value.toLocaleString(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
