import type { Balance } from '../../lib/model/balance';
import type { Contact } from '../../lib/model/contact';
import type { ConnectionsReport } from '../../lib/storage/import-connections';
import type { ImportMode, ImportReport } from '../../lib/storage/import-kindred';
import type { ContactView, NewTag, TagChanges } from '../../lib/storage/store';
import type { Dimension, Tag } from '../../lib/model/taxonomy';
import type { Insight } from '../popup/PopupApp';

/** Everything the options page reads and asks for; the page passes lib/protocol/page-client, tests pass fakes. */
export interface OptionsData {
  loadBalance: () => Promise<Balance>;
  loadInsight: (reconnectDays: number) => Promise<Insight>;
  loadContacts: () => Promise<Contact[]>;
  loadTaxonomy: () => Promise<Tag[]>;
  importKindred: (text: string, mode: ImportMode) => Promise<ImportReport>;
  importConnections: (text: string) => Promise<ConnectionsReport>;
  exportJson: () => Promise<string>;
  exportCsv: () => Promise<string>;
  deleteAll: () => Promise<unknown>;
  setTag: (contactId: string, tagId: string, on: boolean) => Promise<ContactView>;
  bulkSetTag: (contactIds: string[], tagId: string, on: boolean) => Promise<{ changed: number }>;
  setNote: (contactId: string, note: string) => Promise<unknown>;
  deleteContact: (contactId: string) => Promise<unknown>;
  addTag: (fields: NewTag) => Promise<Tag>;
  updateTag: (tagId: string, changes: TagChanges) => Promise<unknown>;
  reorderTags: (dimension: Dimension, ids: string[]) => Promise<unknown>;
}
