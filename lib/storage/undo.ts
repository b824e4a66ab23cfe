import { type Contact, tagField } from '../model/contact';
import type { KindredDB } from './db';
import { forgetOlderRows } from './expiring-rows';
import { StoreError } from './contact-view';
import { bulkSetTag, deleteContact } from './store';

/**
 * Undo for the destructive changes of the contacts table: deleting a contact, and putting a tag on or
 * taking it off many contacts at once. Each change keeps what it replaced in `settings` (`undo:<id>`),
 * written in the change's own transaction, so the undo works after the worker was stopped too. An undo
 * is used once, and kept for a day.
 */
const PREFIX = 'undo:';
const KEEP_MS = 24 * 60 * 60 * 1000;

type TagField = 'purposes' | 'relationships';
type UndoRecord =
  | { at: string; kind: 'deleteContact'; contact: Contact }
  | {
      at: string;
      kind: 'bulkSetTag';
      tagId: string;
      on: boolean;
      field: TagField;
      /** The contacts the change changed: their tags in that field and updatedAt before it. */
      before: Array<{ id: string; tags: string[]; updatedAt: string; firstTaggedAt?: string | null }>;
    };

/** Deletes a contact; the reply's `undoId` brings it back exactly as it was. */
export async function deleteContactUndoable(
  db: KindredDB,
  contactId: string,
  now: string,
): Promise<{ undoId: string | null }> {
  return db.transaction('rw', db.contacts, db.settings, async () => {
    const contact = await db.contacts.get(contactId);
    await deleteContact(db, contactId);
    if (!contact) return { undoId: null };
    return { undoId: await keep(db, { at: now, kind: 'deleteContact', contact }) };
  });
}

/** bulkSetTag, keeping what it changed: the reply's `undoId` puts every changed contact's tags back. */
export async function bulkSetTagUndoable(
  db: KindredDB,
  contactIds: readonly string[],
  tagId: string,
  on: boolean,
  now: string,
): Promise<{ changed: number; undoId: string | null }> {
  return db.transaction('rw', db.contacts, db.taxonomy, db.settings, async () => {
    const tag = await db.taxonomy.get(tagId);
    const field = tag ? tagField(tag.dimension) : 'purposes';
    const before = (await db.contacts.bulkGet([...contactIds]))
      .filter((contact): contact is Contact => !!contact && contact[field].includes(tagId) !== on)
      .map((contact) => ({
        id: contact.id,
        tags: contact[field],
        updatedAt: contact.updatedAt,
        // Keep in touch: a bulk tag undone leaves a never-tagged contact never tagged again.
        firstTaggedAt: contact.firstTaggedAt ?? null,
      }));
    const { changed } = await bulkSetTag(db, contactIds, tagId, on, now);
    if (changed === 0) return { changed, undoId: null };
    return { changed, undoId: await keep(db, { at: now, kind: 'bulkSetTag', tagId, on, field, before }) };
  });
}

/**
 * Puts back what a change replaced. A deleted contact comes back as it was (if the profile was opened
 * since, the stored record is replaced by the deleted one, with the latest visit kept). A contact whose
 * tags were changed again since gets only this change's tag back; the others their tags exactly as
 * they were, in their order, with their old updatedAt.
 */
export async function undo(db: KindredDB, undoId: string, now: string): Promise<{ restored: number }> {
  return db.transaction('rw', db.contacts, db.taxonomy, db.settings, async () => {
    const record = (await db.settings.get(PREFIX + undoId))?.value as UndoRecord | undefined;
    if (!record) throw new StoreError('This was undone already, or is too old to undo.');
    await db.settings.delete(PREFIX + undoId);
    if (record.kind === 'deleteContact') {
      const current = await db.contacts.get(record.contact.id);
      const lastSeenAt = [record.contact.lastSeenAt, current?.lastSeenAt].filter(Boolean).sort().pop();
      await db.contacts.put({ ...record.contact, ...(lastSeenAt ? { lastSeenAt } : {}) });
      return { restored: 1 };
    }
    const { tagId, on, field, before } = record;
    const contacts = await db.contacts.bulkGet(before.map((entry) => entry.id));
    const restored: Contact[] = [];
    before.forEach((entry, index) => {
      const contact = contacts[index];
      if (!contact) return;
      const untouched =
        contact[field].length === entry.tags.length + (on ? 1 : -1) &&
        entry.tags.every((id) => id === tagId || contact[field].includes(id)) &&
        contact[field].includes(tagId) === on;
      if (untouched) {
        const back: Contact = { ...contact, [field]: entry.tags, updatedAt: entry.updatedAt };
        if (entry.firstTaggedAt === null) delete back.firstTaggedAt;
        restored.push(back);
      } else if (contact[field].includes(tagId) === on) {
        const tags = on ? contact[field].filter((id) => id !== tagId) : [...contact[field], tagId];
        restored.push({ ...contact, [field]: tags, updatedAt: now });
      }
    });
    await db.contacts.bulkPut(restored);
    return { restored: restored.length };
  });
}

/** Stores an undo record and forgets those older than a day. */
async function keep(db: KindredDB, record: UndoRecord): Promise<string> {
  await forgetOlderRows(db, PREFIX, record.at, KEEP_MS);
  const undoId = crypto.randomUUID();
  await db.settings.put({ key: PREFIX + undoId, value: record });
  return undoId;
}
