import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../lib/model/contact';

export interface NoteDraft {
  value: string;
  /** The stored note has been read: it replaces the draft unless the user has typed since the last save. */
  loaded: (text: string) => void;
  input: (text: string) => void;
  /** Saves now, once, and only a real change. */
  commit: (text: string) => void;
}

/**
 * The note as typed: saved after a pause in typing, or when the field loses focus. `persist` is handed a
 * `revert` to call when it turns out nothing was stored, so the same text is saved on the next try.
 */
export function useNote(delay: number, persist: (text: string, revert: () => void) => void): NoteDraft {
  const [value, setValue] = useState('');
  const saved = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function commit(text: string) {
    clearTimeout(timer.current);
    if (text === saved.current) return;
    const previous = saved.current;
    saved.current = text;
    persist(text, () => {
      saved.current = previous;
    });
  }

  return {
    value,
    loaded(text) {
      setValue((draft) => (draft === saved.current ? text : draft));
      saved.current = text;
    },
    input(text) {
      setValue(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => commit(text), delay);
    },
    commit,
  };
}

export function NoteField({ note, disabled }: { note: NoteDraft; disabled: boolean }) {
  return (
    <label>
      <span class="label">{i18n.t('panel.note')}</span>
      <textarea
        rows={2}
        value={note.value}
        maxLength={LIMITS.note}
        disabled={disabled}
        placeholder={i18n.t('panel.notePlaceholder')}
        onInput={(event) => note.input(event.currentTarget.value)}
        onBlur={(event) => note.commit(event.currentTarget.value)}
      />
    </label>
  );
}
