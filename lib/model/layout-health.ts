/**
 * Layout health, kept on this computer only: for the last profiles that had a top card, which fields
 * Kindred could not read. Many misses of one field in a row of profiles mean LinkedIn changed its
 * pages; the options page says so (nothing is sent anywhere).
 */

/** The fields counted (the name is not: a profile whose name is unread gets a typed one). */
export const HEALTH_FIELDS = ['headline', 'company', 'location'] as const;
export type HealthField = (typeof HEALTH_FIELDS)[number];

/** One profile's reading: its id and the fields that were empty although it had a top card. */
export interface Reading {
  id: string;
  missing: HealthField[];
}

/** How many profiles are remembered. */
export const HEALTH_WINDOW = 20;
/**
 * From how many misses of one field among the last profiles the options page warns: 5 of 20, a
 * quarter. Real people leave fields empty (no current position, no headline, a hidden location), which
 * on a healthy reader costs a field on perhaps one or two profiles in twenty; a changed layout costs it
 * on nearly every profile, so a quarter is clearly more than people leaving fields empty and is reached
 * within the first five to ten profiles after a change. Below five profiles nothing is said at all.
 */
export const HEALTH_THRESHOLD = 5;

/**
 * The readings with this one added: the newest last, at most HEALTH_WINDOW. The same profile read
 * again (the page announces itself again as it finishes rendering) replaces its own last reading, so a
 * page still loading is not counted and one visit counts once.
 */
export function addReading(readings: readonly Reading[], reading: Reading): Reading[] {
  const kept = readings.at(-1)?.id === reading.id ? readings.slice(0, -1) : [...readings];
  const missing = HEALTH_FIELDS.filter((field) => reading.missing.includes(field));
  return [...kept, { id: reading.id, missing }].slice(-HEALTH_WINDOW);
}

export interface FieldHealth {
  field: HealthField;
  /** Profiles among the last `of` where the field could not be read. */
  missed: number;
  of: number;
}

/** Per field, how often it was missed among the remembered readings. */
export function countMisses(readings: readonly Reading[]): FieldHealth[] {
  return HEALTH_FIELDS.map((field) => ({
    field,
    missed: readings.filter((reading) => reading.missing.includes(field)).length,
    of: readings.length,
  }));
}

/** The fields missed often enough to tell the person (see HEALTH_THRESHOLD). */
export function layoutWarnings(readings: readonly Reading[]): FieldHealth[] {
  return countMisses(readings).filter((health) => health.missed >= HEALTH_THRESHOLD);
}
