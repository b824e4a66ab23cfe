/**
 * Whether the panel should be dark. LinkedIn's own theme wins (its dark mode may differ from the
 * system's): it is read from the page's background colour, which survives markup changes better than
 * class names. Where the page has no background of its own, the system preference decides.
 */
export function panelShouldBeDark(doc: Document, systemPrefersDark: boolean): boolean {
  const view = doc.defaultView;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element || !view) continue;
    const rgba = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(view.getComputedStyle(element).backgroundColor);
    if (!rgba || Number(rgba[4] ?? 1) === 0) continue;
    const [r, g, b] = [rgba[1], rgba[2], rgba[3]].map(Number) as [number, number, number];
    // Perceived brightness (ITU-R BT.601), 0–255.
    return 0.299 * r + 0.587 * g + 0.114 * b < 128;
  }
  return systemPrefersDark;
}
