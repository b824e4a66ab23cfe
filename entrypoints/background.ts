import { browser } from 'wxt/browser';
import { translate } from '../lib/i18n';
import { handleMessage } from '../lib/protocol/handler';
import { coalesced } from '../lib/storage/coalesced';
import { type KindredDB, openKindredDB } from '../lib/storage/db';
import { ensureTagSummary } from '../lib/storage/store';
import { defaultTaxonomy } from '../lib/model/taxonomy';

export default defineBackground(() => {
  // Opened on first use: the worker may be stopped and restarted at any time, so it keeps no other state.
  let db: KindredDB | null = null;
  const database = () => (db ??= openKindredDB({ defaultTaxonomy: () => defaultTaxonomy(translate) }));
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // After an import the popup's tag summary is rebuilt here, once the reply has gone out.
  const keepTagSummary = coalesced(() => ensureTagSummary(database()), console.error);
  browser.runtime.onMessage.addListener((message, sender) => {
    const reply = handleMessage(database(), message, sender, self);
    void reply.then(keepTagSummary);
    return reply;
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'focus-panel') void focusPanelInActiveTab();
  });
});

/** Asks the active tab's content script to focus its panel; tabs without one simply do not answer. */
async function focusPanelInActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, { type: 'focus-panel' }).catch(() => undefined);
}
