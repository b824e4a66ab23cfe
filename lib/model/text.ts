/** Spaces trimmed and every run of white space made one space. */
export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text cut to at most `max` UTF-16 code units (what every length limit counts), never inside a
 * character: a cut through an emoji's surrogate pair would store half a character.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * Marks that set the direction of right-to-left text (Arabic, Hebrew) within a line: invisible, and never
 * part of a name a page shows (two copies of a name, one with a mark, must be the same name).
 */
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text without its direction marks. */
export function withoutBidiMarks(text: string): string {
  return text.replace(BIDI_MARKS, '');
}
