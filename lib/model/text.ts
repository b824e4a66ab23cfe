/** Spaces trimmed and every run of white space made one space. */
export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
