/**
 * Whether the panel should be dark. LinkedIn's own theme wins (its dark mode may differ from the
 * system's): it is read from the page's background colour, which survives markup changes better than
 * class names. Where the page has no background of its own, the system preference decides.
 */
export function panelShouldBeDark(doc: Document, systemPrefersDark: boolean): boolean {
  for (const element of [doc.body, doc.documentElement]) {
    // Computed colours are "rgb(r, g, b)" or "rgba(r, g, b, a)"; a transparent one says nothing.
    const [r, g, b, a = 1] =
      (element &&
        getComputedStyle(element)
          .backgroundColor.match(/[\d.]+/g)
          ?.map(Number)) ||
      [];
    if (b === undefined || a === 0) continue;
    // Perceived brightness (ITU-R BT.601), 0–255.
    return 0.299 * r! + 0.587 * g! + 0.114 * b < 128;
  }
  return systemPrefersDark;
}
