import { browser } from 'wxt/browser';
import { translate } from '../lib/i18n';
import { handleMessage } from '../lib/protocol/handler';
import { IMPORT_PORT, type PortLike, serveImportPort } from '../lib/protocol/import-port';
import { coalesced } from '../lib/storage/coalesced';
import { type KindredDB, openKindredDB } from '../lib/storage/db';
import { ensureTagSummary } from '../lib/storage/page-reads';
import { recordBalanceSnapshot } from '../lib/storage/network-review';
import { defaultTaxonomy } from '../lib/model/taxonomy';
import { type TabProfiles, openTabProfiles } from '../lib/storage/tab-profiles';
import { DUE_ALARM, changesDue, nextRecount, refreshBadge } from '../lib/storage/due-badge';
import { startSync } from '../lib/protocol/sync-adapter';
import { watchChangedPeople } from '../lib/storage/changed-people';
import { LOOK_AGAIN } from '../lib/protocol/panel-notices';

/** Messages that change nothing sync carries (a visit's page values wait for the next change). */
const READS_ONLY = new Set<unknown>([
  'getContact',
  'panelView',
  'listTags',
  'recordSeen',
  'setPanelCollapsed',
  // Local facts that do not sync: a page's monthly balance snapshot, an export the person saved.
  'recordBalanceSnapshot',
  'recordExport',
]);

export default defineBackground(() => {
  // Opened on first use: the worker may be stopped and restarted at any time, so it keeps no other state.
  let db: KindredDB | null = null;
  const database = () => (db ??= openKindredDB({ defaultTaxonomy: () => defaultTaxonomy(translate) }));
  let tabProfiles: TabProfiles | null = null;
  const tabs = () => (tabProfiles ??= openTabProfiles());
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // After an import the popup's tag summary is rebuilt here, once the reply has gone out.
  const keepTagSummary = coalesced(() => ensureTagSummary(database()), console.error);
  // Keep in touch: the toolbar badge counts who is due (lib/storage/due-badge.ts).
  const keepBadge = coalesced(() => refreshBadge(database(), new Date(), setBadgeText), console.error);
  // Sync across browsers (issue 17): a round soon after each change, never awaited by the sender.
  const sync = startSync(database, () => keepTagSummary().then(keepBadge));
  browser.runtime.onMessage.addListener((message, sender) => {
    const reply = handleMessage(database(), message, sender, self, new Date(), tabs());
    const type = (message as { type?: unknown } | null)?.type;
    void reply.then(keepTagSummary).then(() => {
      if (!READS_ONLY.has(type)) sync.soon();
    });
    if (changesDue(type)) void reply.then(keepBadge);
    return reply;
  });
  // An open panel shows what is stored (lib/storage/changed-people.ts): after every committed change, the
  // tabs showing a changed person are told to look again, and nothing more.
  watchChangedPeople(database, tabs, (tabId) => browser.tabs.sendMessage(tabId, { type: LOOK_AGAIN }));
  // Imports of any size arrive over a port, in pieces (lib/protocol/import-port.ts).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== IMPORT_PORT) return;
    serveImportPort(database(), port as unknown as PortLike, self);
    port.onDisconnect.addListener(() => void keepTagSummary().then(keepBadge).then(sync.soon));
  });
  // Keep in touch: the badge after a start, and daily just after local midnight, when people become due
  // without any change. `alarms` shows no install warning; Firefox for Android may lack the APIs.
  const scheduleRecount = () =>
    browser.alarms?.create(DUE_ALARM, { when: nextRecount(new Date()).getTime(), periodInMinutes: 24 * 60 });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name !== DUE_ALARM) return;
    void keepBadge();
    // The month's balance snapshot, also in a month in which no Kindred page was opened.
    void recordBalanceSnapshot(database(), new Date()).catch(console.error);
    // Re-aimed at the next midnight: a fixed 24-hour period drifts by an hour at daylight-saving changes.
    void scheduleRecount();
  });
  browser.runtime.onInstalled.addListener(() => {
    void scheduleRecount();
    void keepBadge();
  });
  browser.runtime.onStartup.addListener(() => {
    void scheduleRecount();
    void keepBadge();
  });
  // Tab ids are reused in the next browser session, and a closed tab shows nothing.
  browser.runtime.onStartup.addListener(() => void tabs().clear().catch(console.error));
  browser.tabs.onRemoved.addListener((tabId) => void tabs().forget(tabId).catch(console.error));
  // Firefox for Android has no `commands` API (and no keyboard shortcuts): without the guard the
  // background would throw here and answer nothing.
  browser.commands?.onCommand?.addListener((command) => {
    if (command === 'focus-panel') void focusPanelInActiveTab();
  });
  // First run (issue 16): the options page opens on its welcome; not on updates.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#welcome` }).catch(console.error);
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

/** The badge adapter: Chrome MV3's `action`, Firefox MV2's `browserAction` (absent on some platforms). */
async function setBadgeText(text: string): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action?.setBadgeText) return;
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor?.({ color: '#0b5394' });
}
