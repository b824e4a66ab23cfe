import { browser } from 'wxt/browser';
import { translate } from '../app/i18n';
import { handleMessage } from '../lib/background-handler';
import { type KindredDB, openKindredDB } from '../lib/db';
import { defaultTaxonomy } from '../lib/taxonomy';

export default defineBackground(() => {
  // Opened on first use: the worker may be stopped and restarted at any time, so it keeps no other state.
  let db: KindredDB | null = null;
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message, sender) => handleMessage((db ??= openKindredDB({ defaultTaxonomy: () => defaultTaxonomy(translate) })), message, sender, self));
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
