// Inlined, not a web-accessible file: nothing for LinkedIn's page to probe, and no fetch before the panel shows.
import panelCss from './style.css?inline';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createPanelHost } from './panel-host';
import { TagPanel } from '../../components/panel/TagPanel';
import type { SeenProfile } from '../../lib/model/contact';
import { messageClient } from '../../lib/protocol/client';
import { CONTENT_OPERATIONS } from '../../lib/protocol/operation-names';
import { sendToBackground } from '../../lib/protocol/transport';
import { extractProfileFields, findTopCard, isStandInPage } from '../../lib/linkedin/profile-extract';
import { panelShouldBeDark } from '../../lib/linkedin/page-theme';
import { profileIdFromUrl } from '../../lib/model/profile-url';
import { isParsed, readFreshProfile, unnamedProfile, waitForFreshProfile } from '../../lib/linkedin/profile-watch';

const client = messageClient(CONTENT_OPERATIONS, sendToBackground);

export default defineContentScript({
  // All of LinkedIn, not only /in/*: a person usually reaches a profile by in-page navigation from
  // the feed or a search, which never loads the content script again. Off profiles it only listens.
  matches: ['*://*.linkedin.com/*'],
  cssInjectionMode: 'manual',
  // Loaded before the page, so the panel can go in while the page is parsed (see the end of main);
  // Chrome's default (document_idle) injected it 100–200 ms after the DOM was complete.
  runAt: 'document_start',

  main(ctx) {
    let panel: ReturnType<typeof createPanelHost> | null = null;
    let pageView: AbortController | null = null;
    let shown: { id: string; name: string } | null = null;
    let keeper: MutationObserver | null = null;
    let repaint: (() => void) | null = null;
    let focusRequests = 0;

    /**
     * Renders the panel for `profile`. It sits in the page right after the profile's top card, so it
     * covers nothing of LinkedIn's; where no top card is recognised it floats in a corner.
     */
    const renderPanel = (profile: SeenProfile, reading: boolean) => {
      panel ??= createPanelHost(panelCss);
      const { host, container } = panel;
      const topCard = profile.name ? findTopCard(document) : null;
      const place = () => {
        if (topCard?.isConnected) {
          if (topCard.nextElementSibling !== host) topCard.after(host);
        } else if (!host.isConnected) {
          document.body.append(host);
        }
      };
      place();
      // LinkedIn re-renders parts of the page and can drop our element with them: put it back.
      keeper?.disconnect();
      keeper = new MutationObserver(() => host.isConnected || place());
      keeper.observe(document.body, { childList: true, subtree: true });
      repaint = () =>
        render(
          <TagPanel
            key={profile.id}
            profile={profile}
            client={client}
            reading={reading}
            floating={!topCard?.isConnected}
            dark={panelShouldBeDark(document, matchMedia('(prefers-color-scheme: dark)').matches)}
            focusRequest={focusRequests}
          />,
          container,
        );
      repaint();
    };

    const removePanel = () => {
      keeper?.disconnect();
      keeper = null;
      repaint = null;
      if (!panel) return;
      render(null, panel.container);
      panel.host.remove();
      panel = null;
    };

    /** One page view per person: a new person aborts the previous view's waiting and observers. */
    const show = async (url: string, staleNames: ReadonlySet<string>) => {
      const id = profileIdFromUrl(url);
      if (id && id === shown?.id) return; // a sub-page of the same person (contact info, details, …)
      pageView?.abort();
      const view = new AbortController();
      pageView = view;
      shown = id ? { id, name: '' } : null;
      if (!id) return removePanel();
      const now = readFreshProfile(document, url, staleNames);
      // Nothing readable yet (the page is still rendering, or it is not a profile): no panel until it is.
      if (!now) removePanel();
      else renderPanel(now, !now.name);
      if (now?.name) {
        shown = { id, name: now.name };
        return;
      }
      const later = await waitForFreshProfile(document, url, staleNames, { signal: view.signal });
      if (view.signal.aborted) return;
      if (later) {
        shown = { id, name: later.name };
        return renderPanel(later, false);
      }
      // Still nothing readable. A sign-in wall, "profile not found" or a check page gets no panel; a
      // layout no strategy reads gets one in the corner, with the id, where the user can type the name.
      if (isStandInPage(document)) return removePanel();
      renderPanel(unnamedProfile(id), false);
    };

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      // The page tidying its own address while it loads (no page view yet): the first view reads it.
      if (!shown && document.readyState === 'loading') return;
      // Whatever the page shows at this moment belongs to the page being left.
      const stale = new Set([shown?.name ?? '', extractProfileFields(document).name]);
      stale.delete('');
      void show(newUrl.href, stale);
    });
    // The "focus the panel" keyboard command, relayed by the background to the active tab.
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id || (message as { type?: unknown })?.type !== 'focus-panel') return;
      focusRequests++;
      repaint?.();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      pageView?.abort();
      removePanel();
    });
    const start = () => void show(location.href, new Set());
    /** Reads the complete page again and shows what more it says about the person already shown. */
    const refresh = () => {
      if (!shown?.name) return start();
      const now = readFreshProfile(document, location.href, new Set());
      if (now?.name && profileIdFromUrl(location.href) === shown.id) renderPanel(now, false);
    };
    if (document.readyState !== 'loading') return start();
    // Chromium lays out and paints a large page before it is fully parsed, so a panel put in at
    // DOMContentLoaded would push the laid-out profile down. Placed while the page is still being
    // parsed, as soon as the top card is complete, it has everything after it laid out below it.
    let checked = 0;
    const early = profileIdFromUrl(location.href)
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
    early?.observe(document, { childList: true, subtree: true });
    ctx.onInvalidated(() => early?.disconnect());
    ctx.addEventListener(document, 'DOMContentLoaded', () => {
      early?.disconnect();
      refresh();
    });
  },
});
