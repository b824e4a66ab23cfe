/**
 * The operations' names, the only part of the protocol that exists at run time outside the background:
 * clients are built from these lists (lib/protocol/client.ts), the background dispatches on them.
 */
/** What a LinkedIn tab may ask for: its content script and the panel framed in it (rights: ./access.ts). */
export const CONTENT_OPERATIONS = [
  'recordSeen',
  'getContact',
  'setTag',
  'setNote',
  'setPanelCollapsed',
  'panelView',
  'correctField',
  'answerNamesake',
  'undoNamesake',
  'listTags',
  // Keep in touch: the panel logs a touch and sets the person's rhythm.
  'logTouch',
  'removeTouch',
  'setPersonRhythm',
  'mergeSamePerson',
  'undoSamePerson',
] as const;

export const PAGE_OPERATIONS = [
  'importKindred',
  'importConnections',
  'bulkSetTag',
  'deleteContact',
  'undo',
  'addTag',
  'updateTag',
  'reorderTags',
  'recordExport',
  'deleteAll',
  'restoreSnapshot',
  // The network review (issue 16).
  'setPurposeStatement',
  'markReviewed',
  'recordBalanceSnapshot',
  // Keep in touch.
  'snoozeContact',
  'setTagRhythm',
  // Sync across browsers (issue 17).
  'setSync',
  'deleteAllSynced',
  'wipeSyncEverywhere',
] as const;
