/**
 * Hybrid logical clocks for sync (see docs/architecture.md, "Sync across browsers").
 *
 * A clock is a string that sorts the way the writes happened: seven base-36 digits of logical seconds
 * since 2024-01-01 (the wall clock, pushed forward past every clock this replica has issued or seen),
 * then the four-character id of the replica (browser) that wrote it. Comparing two clocks is comparing
 * the strings. A replica never issues the same clock twice (each write's seconds are above the last),
 * so two registers with the same clock hold the same write.
 */

export type Hlc = string;

/** Logical seconds count from here: 2024-01-01T00:00:00Z. */
export const HLC_EPOCH_MS = Date.UTC(2024, 0, 1);
const TIME_DIGITS = 7;
export const NODE_LENGTH = 4;
const NODE = /^[0-9a-z]{4}$/;

export function isNodeId(node: string): boolean {
  return NODE.test(node);
}

/** A new replica id: four random base-36 characters (1.7 million values; a person has a few browsers). */
export function newNodeId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < NODE_LENGTH; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}

export function hlc(seconds: number, node: string): Hlc {
  return seconds.toString(36).padStart(TIME_DIGITS, '0') + node;
}

export function hlcSeconds(clock: Hlc): number {
  return parseInt(clock.slice(0, TIME_DIGITS), 36);
}

export function hlcNode(clock: Hlc): string {
  return clock.slice(TIME_DIGITS);
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && /^[0-9a-z]{7}[0-9a-z]{4}$/.test(value);
}

/** Wall-clock seconds since the epoch of clocks. */
export function wallSeconds(nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - HLC_EPOCH_MS) / 1000));
}

/**
 * The clock of a local write: the wall clock, or one second past the latest clock this replica has
 * issued or received (`lastSeconds`), whichever is later. Store the result's seconds as the new last.
 */
export function tick(lastSeconds: number, nowMs: number, node: string): Hlc {
  return hlc(Math.max(wallSeconds(nowMs), lastSeconds + 1), node);
}

/** The clock a stored ISO time stands for, for values written before sync was turned on. */
export function clockOfTime(iso: string, node: string): Hlc {
  const ms = Date.parse(iso);
  return hlc(Number.isFinite(ms) ? wallSeconds(ms) : 0, node);
}

export function maxHlc(a: Hlc | undefined, b: Hlc | undefined): Hlc | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}
