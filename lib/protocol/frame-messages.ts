/**
 * What the content script and the panel frame say to each other with window.postMessage. LinkedIn's
 * page can read and forge everything on this channel (it shares the window with the content script),
 * so it carries only presentation and nudges, never data or identity: which profile the panel shows
 * comes from the background (lib/protocol/access.ts).
 */

/** To the frame: how to look, and "ask the background again, what the tab shows may have changed". */
export interface ToFrame {
  kindred: 'view';
  /** LinkedIn's dark theme, or the system's where the page does not show one. */
  dark: boolean;
  /** In a corner: the page's layout was not recognised. */
  floating: boolean;
  /** The page has not shown who this is yet (in-page navigation still rendering). */
  reading: boolean;
  /**
   * A list's tagging popover (entrypoints/linkedin.content/list-popover.ts), not a profile's panel: a
   * close button, never collapsed. Presentation only, like the rest: the page can forge it.
   */
  card?: boolean;
}

/**
 * To the frame: the tab is moving to another person. Sent at once on in-page navigation, before the
 * background has been told who the new person is, so the panel stops showing the previous person
 * without asking the background (which would still answer with the previous one). The page can forge
 * it too: it only blanks the panel until the next `view`, and the page could remove the frame anyway.
 */
export interface LeavingFrame {
  kindred: 'leaving';
}

export type FromFrame =
  /** The panel page has started (again: the browser reloads a frame that is put back into the page). */
  | { kindred: 'ready' }
  /** The panel's height in CSS pixels, so the frame is sized to its content. */
  | { kindred: 'height'; height: number }
  /** The background knows nothing about this tab (its worker lost a private tab's binding): say it again. */
  | { kindred: 'announce' }
  /** A list's popover: the person asked to close it (Escape, the close button). */
  | { kindred: 'close' }
  /** A list's popover: the person's tags changed, the card's badge looks them up again. */
  | { kindred: 'changed' };

export const isLinkedInOrigin = (origin: string) => /^https?:\/\/([a-z0-9-]+\.)*linkedin\.com$/.test(origin);
