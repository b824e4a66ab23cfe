/**
 * The import port's name and limits, the only part of ./import-port.ts the options page needs at run
 * time (the page checks a file's size before reading it; the background checks again).
 */
export const IMPORT_PORT = 'kindred-import';

export const IMPORT_LIMITS = {
  /** A Kindred export: 50,000 contacts with long notes fit. */
  kindredBytes: 100 * 1024 * 1024,
  /** LinkedIn lets a member have at most 30,000 connections; its Connections.csv of them is a few MB. */
  connectionsBytes: 20 * 1024 * 1024,
  /** Characters per message: far below Chrome's 64 MiB per message, large enough to be quick. */
  chunkChars: 4 * 1024 * 1024,
} as const;
