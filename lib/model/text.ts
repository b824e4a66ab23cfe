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
