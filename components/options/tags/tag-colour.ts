import { contrastRatio, parseHex } from '../../../lib/model/colour';
import type { Tag } from '../../../lib/model/taxonomy';

/** WCAG AA for normal text: pressed tag buttons draw white text on the tag colour. */
export const MIN_CONTRAST = 4.5;

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

export const hardToRead = (color: string) => contrastWithWhite(color) < MIN_CONTRAST;

/** What an `<input type="color">` can show: #rrggbb in lower case. */
export function toColorValue(color: string): string {
  const rgb = parseHex(color.startsWith('#') ? color : `#${color}`);
  return rgb ? `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}` : '#000000';
}

/** The first palette colour no tag of the dimension uses yet; once all are used, they come round again. */
export function nextColor(tags: readonly Tag[]): string {
  const used = new Set(tags.map((tag) => toColorValue(tag.color)));
  return TAG_PALETTE.find((color) => !used.has(color)) ?? TAG_PALETTE[tags.length % TAG_PALETTE.length]!;
}
