import { browser } from 'wxt/browser';
import { handleMessage } from '../lib/background-handler';
import { type KindredDB, openKindredDB } from '../lib/db';

export default defineBackground(() => {
  // Opened on first use: the worker may be stopped and restarted at any time, so it keeps no other state.
  let db: KindredDB | null = null;
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message, sender) => handleMessage((db ??= openKindredDB()), message, sender, self));
});
