import { browser } from 'wxt/browser';
import { handleContentToBackground } from '../lib/background-handler';
import { type KindredDB, openKindredDB } from '../lib/db';

export default defineBackground(() => {
  // Opened on first use: the worker may be stopped and restarted at any time, so it keeps no other state.
  let db: KindredDB | null = null;
  browser.runtime.onMessage.addListener((message, sender) =>
    handleContentToBackground((db ??= openKindredDB()), message, sender, browser.runtime.id),
  );
});
