import { i18n } from '#i18n';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../lib/model/contact';

export interface NoteDraft {
  value: string;
  /** The stored note has been read: it replaces the draft unless the user has typed since the last save. */
  loaded: (text: string) => void;
  input: (text: string) => void;
  /** Saves now, once, and only a real change. */
  commit: (text: string) => void;
}

/** Saves `text`; `urgent` when the page is going away and the save must start before this call returns. */
export type PersistNote = (text: string, revert: () => void, urgent: boolean) => void;

/**
 * The note as typed: saved after a short pause in typing, when the field loses focus, and whenever what
 * is typed could otherwise be lost: the panel goes away (unmounted: another profile, in-page
 * navigation), the page is hidden (`visibilitychange`) or torn down (`beforeunload`, `pagehide`: the tab
 * closes). A
 * frame being torn down runs no more timers or awaits, so those saves are `urgent`: the message leaves
 * inside the event handler (lib/protocol/transport.ts). `persist` is handed a `revert` to call when it
 * turns out nothing was stored, so the same text is saved on the next try.
 */
export function useNote(delay: number, persist: PersistNote): NoteDraft {
  const [value, setValue] = useState('');
  const saved = useRef('');
  /** What is typed now; the state above lags a render behind. */
  const draft = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latestPersist = useRef(persist);
  latestPersist.current = persist;

  function commit(text: string, urgent = false) {
    clearTimeout(timer.current);
    if (text === saved.current) return;
    const previous = saved.current;
    saved.current = text;
    latestPersist.current(
      text,
      () => {
        saved.current = previous;
      },
      urgent,
    );
  }

  useEffect(() => {
    const flush = () => commit(draft.current, true);
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    // beforeunload first: when a person closes the tab, Chrome delivers a message sent there, but none
    // sent from pagehide, visibilitychange or unload (measured in tests/e2e/keep.e2e.ts). It never
    // asks to stay (no preventDefault), so no prompt appears and the back/forward cache is not blocked.
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, []);

  return {
    value,
    loaded(text) {
      // What the person typed and has not saved yet stays (the next save stores it over `text`: their
      // newest keystrokes win); otherwise the field shows what is stored.
      if (draft.current === saved.current) {
        draft.current = text;
        setValue(text);
      }
      saved.current = text;
    },
    input(text) {
      setValue(text);
      draft.current = text;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => commit(text), delay);
    },
    commit: (text) => commit(text),
  };
}

export function NoteField({ note, disabled }: { note: NoteDraft; disabled: boolean }) {
  const field = useRef<HTMLTextAreaElement>(null);
  // The text is put in here rather than as a `value` prop: when the stored note changes while the field
  // has the focus (another tab, another browser), the caret and selection stay where they were.
  useLayoutEffect(() => {
    const textarea = field.current!;
    if (textarea.value === note.value) return;
    const focused = textarea.ownerDocument.activeElement === textarea;
    const { selectionStart, selectionEnd, selectionDirection } = textarea;
    textarea.value = note.value;
    if (focused) {
      const end = note.value.length;
      textarea.setSelectionRange(Math.min(selectionStart, end), Math.min(selectionEnd, end), selectionDirection);
    }
  }, [note.value]);
  return (
    <label>
      <span class="label">{i18n.t('panel.note')}</span>
      <textarea
        ref={field}
        rows={2}
        maxLength={LIMITS.note}
        disabled={disabled}
        placeholder={i18n.t('panel.notePlaceholder')}
        onInput={(event) => note.input(event.currentTarget.value)}
        onBlur={(event) => note.commit(event.currentTarget.value)}
      />
    </label>
  );
}
