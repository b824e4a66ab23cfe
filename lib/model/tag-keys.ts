import type { Tag } from './taxonomy';

/** Keys the queue and the panel keep for themselves (next, previous). */
const RESERVED = new Set(['n', 'p']);

/**
 * Keyboard shortcuts for tags: relationships get the digits 1–9 in display order; purposes get a
 * letter of their label (the first one not taken), so "Belonging" is B wherever the label allows.
 */
export function tagShortcuts(tags: readonly Tag[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set(RESERVED);
  let digit = 1;
  for (const tag of tags) {
    if (tag.dimension === 'relationship') {
      if (digit <= 9) keys.set(tag.id, String(digit++));
      continue;
    }
    const letters = [...tag.label.normalize('NFKD').toLowerCase()].filter((c) => c >= 'a' && c <= 'z');
    const key = [...letters, ...'abcdefghijklmnopqrstuvwxyz'].find((c) => !used.has(c));
    if (key) {
      used.add(key);
      keys.set(tag.id, key);
    }
  }
  return keys;
}

/** True while the user types text, when single-key shortcuts must stay quiet. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLInputElement | null;
  return (
    !!element?.tagName &&
    (element.isContentEditable ||
      (/^(TEXTAREA|SELECT|INPUT)$/.test(element.tagName) &&
        !/^(checkbox|radio|button|submit|reset)$/.test(element.type)))
  );
}
