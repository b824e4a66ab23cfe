import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { type FrameHost, createFrameHost } from './frame-host';
import type { SeenProfile } from '../../lib/model/contact';
import { sendToBackground } from '../../lib/protocol/transport';
import { extractProfileFields, findTopCard, isStandInPage } from '../../lib/linkedin/profile-extract';
import { panelShouldBeDark } from '../../lib/linkedin/page-theme';
import { profileIdFromUrl, profileUrl } from '../../lib/model/profile-url';
import {
  isParsed,
  missingOf,
  readFreshProfile,
  unnamedProfile,
  waitForFreshProfile,
} from '../../lib/linkedin/profile-watch';
import { watchLocation } from '../../lib/linkedin/location-watch';
import { UNAVAILABLE_PROFILE_ID } from '../../lib/linkedin/selectors';
import { type ListBadges, type ListPerson, showListBadges } from './list-badges';

/**
 * The content script on LinkedIn: reads the profile, tells the background which profile this tab
 * shows, and places the panel's frame. No UI and no data of Kindred's live here: the panel is an
 * extension page (entrypoints/panel) that asks the background for what it shows.
 *
 * It relies on nothing of WXT's content-script context (`ctx`), which the page could shut down with a
 * forged `…:wxt:content-script-started` event; the build puts a stand-in in its place
 * (build/content-script-context.ts). Its own AbortController ends it, and only when the extension
 * context is really gone (the extension was updated, reloaded or removed).
 */
export default defineContentScript({
  // All of LinkedIn, not only /in/*: a person usually reaches a profile by in-page navigation from
  // the feed or a search, which never loads the content script again. Off profiles it only listens.
  matches: ['*://*.linkedin.com/*'],
  // Loaded before the page, so the panel can go in while the page is parsed (see the end of main);
  // Chrome's default (document_idle) injected it 100–200 ms after the DOM was complete.
  runAt: 'document_start',

  main() {
    const life = new AbortController();
    let frame: FrameHost | null = null;
    let pageView: AbortController | null = null;
    let shown: { id: string; name: string } | null = null;
    /** What the tab shows now, as last announced; and the frame's look. */
    let current: { profile: SeenProfile; reading: boolean; floating: boolean } | null = null;
    let reannounced = false;
    let keeper: MutationObserver | null = null;
    // Read while the extension is alive: after an update this content script can no longer ask.
    const reloadText = i18n.t('panel.needsReload');

    /** False once the extension was updated, reloaded or removed under this page. */
    const alive = () => {
      try {
        return Boolean(browser.runtime?.id);
      } catch {
        return false;
      }
    };
    const stop = () => {
      if (life.signal.aborted) return;
      life.abort();
      pageView?.abort();
      keeper?.disconnect();
      early?.disconnect();
      // Its frame died with the extension: say so where the panel was, in words.
      frame?.needsReload(reloadText);
    };
    const checkAlive = () => alive() || (stop(), false);
    /** On a list: its badges, and the tagging popover open for one of its people. */
    let list: ListBadges | null = null;
    let popover: { frame: FrameHost; person: ListPerson } | null = null;
    const pageIsDark = () => panelShouldBeDark(document, matchMedia('(prefers-color-scheme: dark)').matches);

    /** Tells the background what the tab shows, then the frame to look again. */
    const announce = async () => {
      const now = current;
      const frameToken = frame?.token;
      if (!now || !frameToken) return;
      try {
        // What the top card did not yield, for the options page's layout health (counted locally).
        const missing = missingOf(now.profile);
        await sendToBackground({ type: 'recordSeen', profile: now.profile, frameToken, ...(missing && { missing }) });
      } catch (error) {
        if (!checkAlive()) return;
        console.warn('Kindred:', error);
      }
      if (now !== current || !frame) return;
      frame.show({
        dark: pageIsDark(),
        floating: now.floating,
        reading: now.reading,
      });
    };

    /**
     * Shows the panel for `profile`. It sits in the page right after the profile's top card, so it
     * covers nothing of LinkedIn's; where no top card is recognised it floats in a corner.
     */
    const showPanel = (profile: SeenProfile, reading: boolean) => {
      if (!checkAlive()) return;
      const [src, origins] = panelSource();
      frame ??= createFrameHost(src, origins, () => {
        // The background lost this tab's binding (a private tab's, after a worker restart): once per view.
        if (reannounced) return;
        reannounced = true;
        void announce();
      });
      const { host } = frame;
      const topCard = profile.name ? findTopCard(document) : null;
      const place = () => frame?.place(topCard?.isConnected ? topCard : null);
      place();
      // LinkedIn re-renders parts of the page and can drop our element with them: put it back. It also
      // hides and shows <main> (aria-hidden) around its sign-in modal: the panel moves out and back.
      keeper?.disconnect();
      keeper = new MutationObserver((records) => {
        if (!host.isConnected || records.some((record) => record.type === 'attributes')) place();
      });
      keeper.observe(document.body, { childList: true, subtree: true, attributeFilter: ['aria-hidden'] });
      current = { profile, reading, floating: !topCard?.isConnected };
      void announce();
    };

    /** The panel page's address and the origins its frame may answer from. */
    const panelSource = () => {
      const src = browser.runtime.getURL('/panel.html');
      const { protocol, origin } = new URL(src);
      return [src, [origin, `${protocol}//${browser.runtime.id}`]] as const;
    };

    /** Closes a list's popover; `refocus`: the focus goes back to the card's control (Escape, close). */
    const closeCard = (refocus: boolean) => {
      if (!popover) return;
      const { frame: gone, person } = popover;
      popover = null;
      gone.remove();
      if (refocus) person.control.focus();
    };

    /**
     * The tagging UI for a listed person, opened by the person (a real click or key on the card's control,
     * or the keyboard command): the panel page in a frame over the list, below the card, bound like the
     * profile panel to this tab with its own token. The person's id and name come from the card.
     */
    const openCard = (person: ListPerson) => {
      if (!checkAlive()) return;
      const again = popover?.person.host === person.host;
      closeCard(false);
      if (again) return; // the control toggles its popover
      const [src, origins] = panelSource();
      const profile: SeenProfile = {
        id: person.id,
        url: profileUrl(person.id),
        name: person.name,
        headline: '',
        company: '',
        location: '',
      };
      const bind = () => sendToBackground({ type: 'recordSeen', profile, frameToken: card.token });
      const card = createFrameHost(
        src,
        origins,
        () => void bind().catch(console.warn),
        (said) => {
          if (popover?.frame !== card) return;
          if (said === 'close') closeCard(true);
          else if (said === 'changed') list?.refresh([person.id]);
          else card.focus();
        },
      );
      popover = { frame: card, person };
      const box = person.host.getBoundingClientRect();
      card.popAt(box.bottom + 6, Math.max(8, Math.min(box.left, innerWidth - 336)));
      card.focus();
      bind().then(() => card.show({ dark: pageIsDark(), floating: false, reading: false, card: true }), console.warn);
    };
    // Escape on the page (the focus on the card's control), or a click elsewhere, closes the popover.
    document.addEventListener(
      'keydown',
      (event) => event.key === 'Escape' && popover && event.isTrusted && closeCard(true),
      { signal: life.signal },
    );
    document.addEventListener(
      'pointerdown',
      (event) =>
        popover && event.target !== popover.person.host && event.target !== popover.frame.host && closeCard(false),
      { capture: true, signal: life.signal },
    );

    const removePanel = () => {
      keeper?.disconnect();
      keeper = null;
      current = null;
      frame?.remove();
      frame = null;
    };

    /** One page view per person: a new person aborts the previous view's waiting and observers. */
    const show = async (url: string, staleNames: ReadonlySet<string>) => {
      if (!checkAlive()) return;
      // LinkedIn's page for a profile not available to the member is nobody's profile.
      const read = profileIdFromUrl(url);
      const id = read === UNAVAILABLE_PROFILE_ID ? null : read;
      if (id && id === shown?.id) return; // a sub-page of the same person (contact info, details, …)
      pageView?.abort();
      // Another person: the panel lets go of the previous one now, not a round trip to the background later.
      if (shown && id !== shown.id) frame?.leave();
      const view = new AbortController();
      pageView = view;
      reannounced = false;
      shown = id ? { id, name: '' } : null;
      // Not a profile (a list, the feed, a company): no panel and nothing stored, whatever the title
      // still says; the people it lists get their badges, for this page view only.
      if (!id) {
        removePanel();
        view.signal.addEventListener('abort', () => {
          closeCard(false);
          list = null;
        });
        list = showListBadges((ids) => sendToBackground({ type: 'listTags', ids }), view.signal, {
          open: openCard,
          dark: pageIsDark,
        });
        return;
      }
      const now = readFreshProfile(document, url, staleNames);
      // Nothing readable yet (the page is still rendering, or it is not a profile): no new panel until it
      // is; a panel already there (in-page navigation) stays, reading, so the frame is not loaded again.
      if (now) showPanel(now, !now.name);
      else if (frame) showPanel(unnamedProfile(id), true);
      if (now?.name) {
        shown = { id, name: now.name };
        return;
      }
      const later = await waitForFreshProfile(document, url, staleNames, { signal: view.signal });
      if (view.signal.aborted) return;
      if (later) {
        shown = { id, name: later.name };
        return showPanel(later, false);
      }
      // Still nothing readable. A sign-in wall, "profile not found" or a check page gets no panel; a
      // layout no strategy reads gets one in the corner, with the id, where the user can type the name.
      if (isStandInPage(document)) return removePanel();
      showPanel(unnamedProfile(id), false);
    };

    watchLocation((newUrl) => {
      // The page tidying its own address while it loads (no page view yet): the first view reads it.
      if (!shown && document.readyState === 'loading') return;
      // Whatever the page shows at this moment belongs to the page being left.
      const stale = new Set([shown?.name ?? '', extractProfileFields(document).name]);
      stale.delete('');
      void show(newUrl.href, stale);
    }, life.signal);

    // The "focus the panel" keyboard command, relayed by the background to the active tab: the frame
    // takes focus here, the panel page (which gets the same message) moves it to its first control.
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id || (message as { type?: unknown })?.type !== 'focus-panel') return;
      // On a list: the card that has the focus gets its popover (or the open popover the focus).
      const person = list?.focused();
      if (frame) frame.focus();
      else if (person) openCard(person);
      else popover?.frame.focus();
    };
    browser.runtime.onMessage.addListener(onMessage);
    life.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener?.(onMessage));
    // A page that stays open across an extension update: noticed when the person comes back to it.
    for (const type of ['visibilitychange', 'focus', 'pageshow'])
      window.addEventListener(type, checkAlive, { signal: life.signal });
    const watchdog = setInterval(checkAlive, 5000);
    life.signal.addEventListener('abort', () => clearInterval(watchdog));

    const start = () => void show(location.href, new Set());
    /** Reads the complete page again and shows what more it says about the person already shown. */
    const refresh = () => {
      if (!shown?.name) return start();
      const now = readFreshProfile(document, location.href, new Set());
      if (now?.name && profileIdFromUrl(location.href) === shown.id) showPanel(now, false);
    };
    // Chromium lays out and paints a large page before it is fully parsed, so a panel put in at
    // DOMContentLoaded would push the laid-out profile down. Placed while the page is still being
    // parsed, as soon as the top card is complete, it has everything after it laid out below it.
    let checked = 0;
    const early =
      document.readyState === 'loading' && profileIdFromUrl(location.href)
        ? new MutationObserver(() => {
            // At most every 20 ms: the parser adds nodes in many small batches on a large page.
            if (performance.now() - checked < 20) return;
            checked = performance.now();
            const card = findTopCard(document);
            if (card && isParsed(card)) {
              early!.disconnect();
              start();
            }
          })
        : null;
    if (document.readyState !== 'loading') return start();
    early?.observe(document, { childList: true, subtree: true });
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        early?.disconnect();
        refresh();
      },
      { signal: life.signal },
    );
  },
});
