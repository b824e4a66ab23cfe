import { browser } from 'wxt/browser';
import { translate } from '../lib/i18n';
import { handleMessage } from '../lib/protocol/handler';
import { IMPORT_PORT, type PortLike, serveImportPort } from '../lib/protocol/import-port';
import { coalesced } from '../lib/storage/coalesced';
import { type KindredDB, openKindredDB } from '../lib/storage/db';
import { ensureTagSummary } from '../lib/storage/page-reads';
import { defaultTaxonomy } from '../lib/model/taxonomy';
import { type TabProfiles, openTabProfiles } from '../lib/storage/tab-profiles';
import { startSync } from '../lib/protocol/sync-adapter';

/** Messages that change nothing sync carries (a visit's page values wait for the next change). */
const READS_ONLY = new Set<unknown>(['getContact', 'panelView', 'listTags', 'recordSeen', 'setPanelCollapsed']);

export default defineBackground(() => {
  // Opened on first use: the worker may be stopped and restarted at any time, so it keeps no other state.
  let db: KindredDB | null = null;
  const database = () => (db ??= openKindredDB({ defaultTaxonomy: () => defaultTaxonomy(translate) }));
  let tabProfiles: TabProfiles | null = null;
  const tabs = () => (tabProfiles ??= openTabProfiles());
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // After an import the popup's tag summary is rebuilt here, once the reply has gone out.
  const keepTagSummary = coalesced(() => ensureTagSummary(database()), console.error);
  // Sync across browsers (issue 17): a round soon after each change, never awaited by the sender.
  const sync = startSync(database);
  browser.runtime.onMessage.addListener((message, sender) => {
    const reply = handleMessage(database(), message, sender, self, new Date(), tabs());
    void reply.then(keepTagSummary).then(() => {
      if (!READS_ONLY.has((message as { type?: unknown })?.type)) sync.soon();
    });
    return reply;
  });
  // Imports of any size arrive over a port, in pieces (lib/protocol/import-port.ts).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== IMPORT_PORT) return;
    serveImportPort(database(), port as unknown as PortLike, self);
    port.onDisconnect.addListener(() => void keepTagSummary().then(sync.soon));
  });
  // Tab ids are reused in the next browser session, and a closed tab shows nothing.
  browser.runtime.onStartup.addListener(() => void tabs().clear().catch(console.error));
  browser.tabs.onRemoved.addListener((tabId) => void tabs().forget(tabId).catch(console.error));
  // Firefox for Android has no `commands` API (and no keyboard shortcuts): without the guard the
  // background would throw here and answer nothing.
  browser.commands?.onCommand?.addListener((command) => {
    if (command === 'focus-panel') void focusPanelInActiveTab();
  });
});

/**
 * Asks the active tab to focus its panel: the content script focuses the frame, the panel page in it
 * (which gets the same message) its first control. Tabs without a panel simply do not answer.
 */
async function focusPanelInActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, { type: 'focus-panel' }).catch(() => undefined);
}
