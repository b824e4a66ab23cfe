import { type Contact, newContact } from '../model/contact';
import {
  type DueEntry,
  SNOOZE_DAYS,
  type Touch,
  addDays,
  dueList,
  today,
  touchDateProblem,
  withTouch,
  withoutTouch,
} from '../model/rhythm';
import { type ContactView, StoreError, getContact } from './contact-view';
import type { KindredDB } from './db';
import { ensureDueRows, readDueRows, rowContact } from './due-rows';

/**
 * Keep in touch (lib/model/rhythm.ts): touches, rhythms, snoozes, and who is due. Each change is one small
 * change to one contact or tag in one transaction, like ./store.ts.
 */

/** Logs that the person was in touch on `touch.on` (today when absent); a day in the future is refused. */
export async function logTouch(
  db: KindredDB,
  contactId: string,
  touch: { on?: string; channel?: Touch['channel'] },
  now: Date,
): Promise<ContactView> {
  const on = touch.on ?? today(now);
  const problem = touchDateProblem(on, now);
  if (problem) throw new StoreError(`The date of a touch ${problem}.`);
  const logged: Touch = touch.channel ? { on, channel: touch.channel } : { on };
  await changeContact(db, contactId, now, (contact) => {
    contact.touches = withTouch(contact.touches, logged);
  });
  return getContact(db, contactId);
}

/** Takes back one logged touch (the undo of logTouch): the latest one of that day and channel. */
export async function removeTouch(
  db: KindredDB,
  contactId: string,
  touch: { on: string; channel?: Touch['channel'] },
  now: Date,
): Promise<ContactView> {
  await changeContact(db, contactId, now, (contact) => {
    const touches = withoutTouch(contact.touches, touch);
    if (touches.length > 0) contact.touches = touches;
    else delete contact.touches;
  });
  return getContact(db, contactId);
}

/** The person's own rhythm in days (0: none for this person), or null to follow their tags again. */
export async function setPersonRhythm(
  db: KindredDB,
  contactId: string,
  rhythmDays: number | null,
  now: Date,
): Promise<ContactView> {
  await changeContact(db, contactId, now, (contact) => {
    if (rhythmDays === null) delete contact.rhythmDays;
    else contact.rhythmDays = rhythmDays;
  });
  return getContact(db, contactId);
}

/** Snoozes the person for two weeks (not due before then), or ends the snooze. */
export async function snoozeContact(
  db: KindredDB,
  contactId: string,
  snoozed: boolean,
  now: Date,
): Promise<ContactView> {
  await changeContact(db, contactId, now, (contact) => {
    if (snoozed) contact.snoozedUntil = addDays(today(now), SNOOZE_DAYS);
    else delete contact.snoozedUntil;
  });
  return getContact(db, contactId);
}

/** A tag's rhythm in days, or null for none. */
export async function setTagRhythm(db: KindredDB, tagId: string, rhythmDays: number | null): Promise<void> {
  await db.transaction('rw', db.taxonomy, async () => {
    const tag = await db.taxonomy.get(tagId);
    if (!tag) throw new StoreError(`Unknown tag "${tagId}".`);
    if (rhythmDays === null) delete tag.rhythmDays;
    else tag.rhythmDays = rhythmDays;
    await db.taxonomy.put(tag);
  });
}

/** One contact changed by `change` (created first when not stored yet), its updatedAt set when anything changed. */
async function changeContact(
  db: KindredDB,
  contactId: string,
  now: Date,
  change: (contact: Contact) => void,
): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', db.contacts, async () => {
    const stored = await db.contacts.get(contactId);
    const contact = structuredClone(stored) ?? newContact(contactId, at);
    change(contact);
    if (stored && JSON.stringify(stored) === JSON.stringify(contact)) return;
    contact.updatedAt = at;
    await db.contacts.put(contact);
  });
}

/** What the lists show of a person due: who, their profile, and their last touch. */
export type DueContact = Pick<Contact, 'id' | 'name' | 'url' | 'touches'>;

/** Who is due on `now`'s day, in the lists' order: how many in all, and the first `limit` of them. */
export interface Due {
  total: number;
  entries: Array<DueEntry<DueContact>>;
}

/**
 * Who is due: one bulk read of the small keep-in-touch rows (./due-rows.ts), then only the `limit`
 * contacts shown are loaded whole.
 */
export async function loadDue(db: KindredDB, now: Date, limit = Infinity): Promise<Due> {
  const [taxonomy, rows] = await db.transaction('r', [db.taxonomy, db.dueRows, db.contacts, db.settings], () =>
    Promise.all([db.taxonomy.toArray(), readDueRows(db)]),
  );
  const due = dueList(rows.map(rowContact), taxonomy, now);
  const shown = due.slice(0, limit);
  // Read apart, so that the contacts are read only when someone is shown; one that was deleted
  // meanwhile is left out (the read runs again after the change).
  const contacts = shown.length > 0 ? await db.contacts.bulkGet(shown.map((entry) => entry.contact.id)) : [];
  return {
    total: due.length,
    entries: shown.flatMap((entry, index) => {
      const contact = contacts[index];
      return contact ? [{ ...entry, contact }] : [];
    }),
  };
}

/** The settings key of the glance: who is due first, as the background last counted (`DueGlance`). */
export const DUE_GLANCE = 'dueGlance';
/** How many of the first people due the glance keeps: the popup shows three. */
export const GLANCE_SIZE = 5;

/** How many are due and the first GLANCE_SIZE of them, on `day`: one small row instead of every row. */
interface DueGlance extends Due {
  day: string;
}

/**
 * Counts who is due and keeps the glance the popup shows. The background runs it after every change that
 * can change who is due (and after midnight), so the popup reads one small row when it opens instead of
 * every keep-in-touch row (a few hundred milliseconds at 30,000 contacts, and a hold on the next write).
 * The row is written only when it changed, so its readers wake only then. Returns how many are due.
 */
export async function refreshDueGlance(db: KindredDB, now: Date): Promise<number> {
  await ensureDueRows(db);
  const due = await loadDue(db, now, GLANCE_SIZE);
  const glance: DueGlance = {
    day: today(now),
    total: due.total,
    entries: due.entries.map(({ contact, ...entry }) => ({ ...entry, contact: dueContact(contact) })),
  };
  await db.transaction('rw', db.settings, async () => {
    const stored = await db.settings.get(DUE_GLANCE);
    if (JSON.stringify(stored?.value) !== JSON.stringify(glance))
      await db.settings.put({ key: DUE_GLANCE, value: glance });
  });
  return due.total;
}

/**
 * The first `limit` people due for a page: from the glance when it is of today and holds enough, else
 * (no background count yet today, or a longer list) read from the rows.
 */
export async function loadDueGlance(db: KindredDB, now: Date, limit: number): Promise<Due> {
  // A few (the popup): the background's glance, one small row; more (the overview): the rows themselves.
  if (limit > GLANCE_SIZE) return loadDue(db, now, limit);
  const glance = (await db.settings.get(DUE_GLANCE))?.value as DueGlance | undefined;
  if (glance?.day === today(now)) {
    return { total: glance.total, entries: glance.entries.slice(0, limit) };
  }
  return loadDue(db, now, limit);
}

function dueContact({ id, name, url, touches }: DueContact): DueContact {
  const last = touches?.at(-1);
  return { id, name, url, ...(last && { touches: [last] }) };
}
