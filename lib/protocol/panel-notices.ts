/**
 * What the background tells a LinkedIn tab with `tabs.sendMessage` (so the page's own scripts never see
 * it, but the tab's content script does, in its isolated world): never who changed or what, only the
 * nudge. Whoever receives it checks that it came from this extension (`sender.id`).
 */

/**
 * The person this tab shows changed in the database (another tab, the options page, the popup, another
 * browser through sync): the panel, or a list card's popover, reads them again. Sent only to tabs bound
 * to a changed person (lib/storage/changed-people.ts).
 */
export const LOOK_AGAIN = 'look-again';
