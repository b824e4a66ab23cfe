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

/** The tag a key press means, if any. */
export function tagForKey(shortcuts: ReadonlyMap<string, string>, key: string): string | undefined {
  const pressed = key.toLowerCase();
  for (const [tagId, shortcut] of shortcuts) if (shortcut === pressed) return tagId;
  return undefined;
}

/** True while the user types text, when single-key shortcuts must stay quiet. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.tagName) return false;
  if (element.isContentEditable || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  return element.tagName === 'INPUT' && !/^(checkbox|radio|button|submit|reset)$/.test((element as HTMLInputElement).type);
}
