import type { Contact } from '../model/contact';
import { DEFAULT_TAXONOMY } from '../model/taxonomy';
import type { KindredDB } from './db';
import {
  ContactChecker,
  type FileHead,
  ImportFileError,
  type RecordProblem,
  describeInvalid,
  readHead,
} from '../formats/kindred-file';
import { KindredFileStream } from '../formats/kindred-stream';
import {
  type ImportMode,
  type ImportReport,
  type InvalidContactsReport,
  SKIPPED_LISTED,
  emptyReport,
  mergeAll,
  renameTags,
  tagRenames,
} from './import-kindred';
import { takeSnapshot } from './snapshot';
import { importExtras } from './network-review';

/**
 * A Kindred file imported as it arrives, in pieces of any size (the options page sends them over a
 * port: lib/protocol/import-port.ts). The pieces are split into contacts as they come; the contacts
 * wait in memory up to MEMORY_BUDGET characters of the file, and beyond that in the `importStaging`
 * table, in batches. Nothing touches the person's data until `finish`: one transaction then checks
 * every contact, writes the valid ones and the tags, and commits, or (a file with invalid contacts the
 * person has not chosen to leave out, a cancel, any error) aborts, leaving the database as it was.
 * Staging is needed because an IndexedDB transaction commits itself as soon as it waits for anything
 * else than the database, such as the next piece of the file.
 */

/** Characters of the file whose contacts are kept in memory before they go to the staging table. */
export const MEMORY_BUDGET = 24 * 1024 * 1024;
/** Characters of the file per staged batch. */
const BATCH_CHARS = 2 * 1024 * 1024;

/** Progress of the final transaction: contacts checked and written, of all. */
export type StoreProgress = (done: number, total: number) => void;

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled. Nothing was changed.');
  }
}

/** Sessions running in this background, so that a new one clears only what an earlier worker left. */
const running = new Set<string>();

type Batch = { contacts: unknown[] } | { staged: string };

export class KindredImport {
  readonly id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  private readonly stream: KindredFileStream;
  private batches: Batch[] = [];
  private pending: unknown[] = [];
  private pendingChars = 0;
  private inMemoryChars = 0;
  private staged = 0;
  private spilling = false;
  private cancelled = false;
  private started = false;

  constructor(
    private readonly db: KindredDB,
    private readonly options: {
      mode: ImportMode;
      skipInvalid: boolean;
      now: string;
      /**
       * The file's size as the page declared it: a file larger than the memory budget is staged
       * batch by batch from its first piece, so the background never holds more than one batch of it.
       */
      fileBytes?: number;
      /** Tests set small ones to see the staging table used. */
      memoryBudget?: number;
      batchChars?: number;
    },
  ) {
    this.stream = new KindredFileStream({ contact: (raw) => this.pending.push(raw) });
    this.spilling = (options.fileBytes ?? 0) > (options.memoryBudget ?? MEMORY_BUDGET);
    running.add(this.id);
  }

  /** Reads the next piece of the file; rejects (and the import is over) when the file cannot be read. */
  async push(text: string): Promise<void> {
    if (this.cancelled) throw new ImportCancelled();
    if (!this.started) {
      this.started = true;
      // Batches of imports that a stopped worker never finished.
      await this.db.importStaging
        .where('session')
        .noneOf([...running])
        .delete();
    }
    this.stream.push(text);
    this.pendingChars += text.length;
    this.inMemoryChars += text.length;
    if (!this.spilling && this.inMemoryChars > (this.options.memoryBudget ?? MEMORY_BUDGET)) {
      this.spilling = true;
      this.cut();
      const inMemory = this.batches;
      this.batches = [];
      for (const batch of inMemory) this.batches.push(await this.stage('contacts' in batch ? batch.contacts : []));
    } else if (this.spilling && this.pendingChars >= (this.options.batchChars ?? BATCH_CHARS)) {
      const contacts = this.pending;
      this.pending = [];
      this.pendingChars = 0;
      this.batches.push(await this.stage(contacts));
    } else if (!this.spilling && this.pendingChars >= (this.options.batchChars ?? BATCH_CHARS)) this.cut();
  }

  /** How many contacts of the file have been read so far. */
  get contactsRead(): number {
    return this.stream.contacts;
  }

  /**
   * The end of the file: imports it in one transaction, or, when some contacts are invalid and the
   * person has not chosen to leave them out, changes nothing and says which.
   */
  async finish(progress: StoreProgress = () => undefined): Promise<ImportReport | InvalidContactsReport> {
    if (this.cancelled) throw new ImportCancelled();
    const { head, contacts: total } = this.stream.end();
    this.cut();
    const fileHead = readHead(head, total);
    const { now } = this.options;
    const checker = new ContactChecker(fileHead, now);
    const { db } = this;
    try {
      return await db.transaction('rw', [db.contacts, db.taxonomy, db.settings, db.snapshot, db.importStaging], () =>
        this.apply(checker, fileHead, total, progress),
      );
    } catch (error) {
      if (error instanceof InvalidFound) return error.report;
      throw error;
    }
  }

  /** Stops the import: nothing it read is kept, and a transaction under way is rolled back. */
  async cancel(): Promise<void> {
    this.cancelled = true;
    this.batches = [];
    this.pending = [];
    running.delete(this.id);
    if (this.staged > 0) await this.db.importStaging.where('session').equals(this.id).delete();
  }

  private async apply(
    checker: ContactChecker,
    fileHead: FileHead,
    total: number,
    progress: StoreProgress,
  ): Promise<ImportReport> {
    const fileTags = fileHead.taxonomy;
    const { db } = this;
    const { mode, now } = this.options;
    const report = emptyReport(mode);
    const stored = new Map((await db.taxonomy.toArray()).map((tag) => [tag.id, tag]));
    let renames = new Map<string, string>();
    let existingIds: Set<string>;
    if (mode === 'replace') {
      await takeSnapshot(db, 'replace-import', now);
      existingIds = new Set((await db.contacts.toCollection().primaryKeys()) as string[]);
      await db.contacts.clear();
    } else {
      // The default tags the file's contacts use without listing them are the file's too.
      const listed = new Set(fileTags.map((tag) => tag.id));
      const candidates = [...fileTags, ...DEFAULT_TAXONOMY.filter((tag) => !listed.has(tag.id))];
      renames = tagRenames(candidates, stored, report);
      existingIds = new Set((await db.contacts.toCollection().primaryKeys()) as string[]);
    }
    let done = 0;
    for (const batch of this.batches) {
      this.throwIfCancelled();
      const raws = 'contacts' in batch ? batch.contacts : ((await db.importStaging.get(batch.staged))?.contacts ?? []);
      const valid: Contact[] = [];
      for (const raw of raws) {
        const checked = checker.check(raw, done++);
        if (!('problems' in checked)) valid.push(renameTags(checked, renames));
      }
      if (checker.invalid.length > 0 && !this.options.skipInvalid) continue; // only checking from here on
      if (mode === 'replace') {
        for (const contact of valid) if (existingIds.has(contact.id)) report.updated++;
        report.added += valid.length;
        await db.contacts.bulkAdd(valid);
      } else await this.merge(valid, existingIds, report);
      progress(done, total);
    }
    this.throwIfCancelled();
    const { invalid } = checker;
    if (invalid.length > 0 && checker.valid === 0) {
      throw new ImportFileError(`None of the contacts in this file can be imported. ${describeInvalid(invalid)}`);
    }
    if (invalid.length > 0 && !this.options.skipInvalid) throw new InvalidFound(mode, checker.valid, invalid);
    report.skippedCount = invalid.length;
    report.skipped = invalid.slice(0, SKIPPED_LISTED);
    const fileTaxonomy = checker.taxonomy();
    const inFile = new Set(fileTaxonomy.map((tag) => tag.id));
    report.tagsRenamed = report.tagsRenamed.filter((renamed) => inFile.has(renamed.from));
    const taxonomy = fileTaxonomy.map((tag) => ({ ...tag, id: renames.get(tag.id) ?? tag.id }));
    if (mode === 'replace') {
      report.added -= report.updated;
      const fileIds = new Set(checker.ids());
      for (const id of existingIds) if (!fileIds.has(id)) report.removed++;
      const fileTagIds = new Set(taxonomy.map((tag) => tag.id));
      await db.taxonomy.clear();
      // The default tags always exist; the file's versions of them (renamed, archived) take precedence.
      await db.taxonomy.bulkAdd([...taxonomy, ...db.defaultTaxonomy().filter((tag) => !fileTagIds.has(tag.id))]);
    } else {
      const newTags = taxonomy.filter((tag) => !stored.has(tag.id));
      await db.taxonomy.bulkAdd(newTags);
      report.tagsAdded = newTags.length;
    }
    await importExtras(db, fileHead, mode);
    if (this.staged > 0) await db.importStaging.where('session').equals(this.id).delete();
    return report;
  }

  /** Merge: tags united, the newer note kept (conflicts reported), only what changed written. */
  private async merge(valid: Contact[], existingIds: ReadonlySet<string>, report: ImportReport): Promise<void> {
    const present = valid.filter((contact) => existingIds.has(contact.id)).map((contact) => contact.id);
    const stored = present.length > 0 ? await this.db.contacts.bulkGet(present) : [];
    const existing = new Map(present.map((id, index) => [id, stored[index]]));
    await this.db.contacts.bulkPut(
      mergeAll(
        valid,
        valid.map((contact) => existing.get(contact.id)),
        report,
      ),
    );
  }

  private throwIfCancelled(): void {
    if (this.cancelled) throw new ImportCancelled();
  }

  /** The contacts read since the last batch become a batch (in memory). */
  private cut(): void {
    if (this.pending.length === 0) return;
    this.batches.push({ contacts: this.pending });
    this.pending = [];
    this.pendingChars = 0;
  }

  private async stage(contacts: unknown[]): Promise<Batch> {
    const key = `${this.id}/${String(this.staged++).padStart(6, '0')}`;
    await this.db.importStaging.add({ key, session: this.id, contacts });
    return { staged: key };
  }
}

/** Thrown inside the transaction to roll it back: some contacts are invalid and the person decides. */
class InvalidFound extends Error {
  readonly report: InvalidContactsReport;
  constructor(mode: ImportMode, validCount: number, invalid: readonly RecordProblem[]) {
    super('invalid contacts');
    this.report = {
      outcome: 'invalid-contacts',
      mode,
      validCount,
      invalidCount: invalid.length,
      invalid: invalid.slice(0, SKIPPED_LISTED),
      message: describeInvalid(invalid),
    };
  }
}

/**
 * Reads a Kindred file and imports it. A file with invalid contacts changes nothing unless the person
 * chose `skipInvalid`: then the valid ones are imported and the report lists the others. A file that
 * cannot be read at all throws ImportFileError. The same import as a file sent in pieces
 * (KindredImport), given the whole text at once.
 */
export async function importKindredFile(
  db: KindredDB,
  text: string,
  mode: ImportMode,
  skipInvalid: boolean,
  now: string,
): Promise<ImportReport | InvalidContactsReport> {
  const session = new KindredImport(db, { mode, skipInvalid, now });
  try {
    await session.push(text);
    return await session.finish();
  } finally {
    await session.cancel();
  }
}
