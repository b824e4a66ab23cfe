import type { DBCoreTable } from 'dexie';
import { coreMiddleware } from './middleware';
import { contactProblems } from '../formats/contact-record';

/** A write that would store a contact Kindred's own import refuses: a bug in the writer, refused. */
export class InvalidContactError extends Error {}

/**
 * Every contact written, by whichever code, must pass the one contact schema (`ContactRecord`), so
 * every export can be imported again. A write that does not is refused before it reaches IndexedDB,
 * which aborts its transaction: nothing of it is stored. Schema upgrades are exempt: they repair what
 * older versions stored and must never keep Kindred from opening its database.
 */
export const contactGuardMiddleware = coreMiddleware('kindred-contact-guard', (down) => ({
  table: (name) => (name === 'contacts' ? guarded(down.table(name)) : down.table(name)),
}));

function guarded(contacts: DBCoreTable): DBCoreTable {
  return {
    ...contacts,
    mutate(req) {
      if ((req.type === 'add' || req.type === 'put') && (req.trans as IDBTransaction).mode !== 'versionchange') {
        for (const value of req.values) {
          const problems = contactProblems(value);
          if (problems.length > 0) {
            const id = (value as { id?: unknown }).id;
            return Promise.reject(
              new InvalidContactError(
                `contact "${String(id).slice(0, 80)}" is not valid: ${problems.slice(0, 3).join('; ')}`,
              ),
            );
          }
        }
      }
      return contacts.mutate(req);
    },
  };
}
