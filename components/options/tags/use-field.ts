import { useEffect, useRef, useState } from 'preact/hooks';

export interface Field {
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
export function useField(stored: string, onStoredChange?: () => void): Field {
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
