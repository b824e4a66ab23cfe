import './style.css';
import { render } from 'preact';
import { type PanelClient, TagPanel } from '../../components/TagPanel';
import type { SeenProfile } from '../../lib/contact';
import { sendToBackground } from '../../lib/messaging';
import { extractProfileFields } from '../../lib/profile-extract';
import { profileIdFromUrl } from '../../lib/profile-url';
import { readFreshProfile, waitForFreshProfile } from '../../lib/profile-watch';

const client: PanelClient = {
  seen: (profile) => sendToBackground({ type: 'seen-profile', profile }),
  setTag: (contactId, tagId, on) => sendToBackground({ type: 'set-tag', contactId, tagId, on }),
  setNote: (contactId, note) => sendToBackground({ type: 'set-note', contactId, note }),
  setCollapsed: (collapsed) => sendToBackground({ type: 'set-panel-collapsed', collapsed }).then(() => undefined),
};

export default defineContentScript({
  // All of LinkedIn, not only /in/*: a person usually reaches a profile by in-page navigation from
  // the feed or a search, which never loads the content script again. Off profiles it only listens.
  matches: ['*://*.linkedin.com/*'],
  cssInjectionMode: 'ui',

  main(ctx) {
    type Ui = Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>>;
    let ui: Promise<Ui> | null = null;
    let pageView: AbortController | null = null;
    let shown: { id: string; name: string } | null = null;

    const mountUi = () =>
      createShadowRootUi(ctx, {
        name: 'kindred-panel',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        isolateEvents: true,
        onMount: (container) => container,
      }).then((created) => {
        created.mount();
        return created;
      });

    const renderPanel = async (profile: SeenProfile, signal: AbortSignal) => {
      ui ??= mountUi();
      const { uiContainer } = await ui;
      if (!signal.aborted) render(<TagPanel key={profile.id} profile={profile} client={client} />, uiContainer);
    };

    const removePanel = () => {
      const removing = ui;
      ui = null;
      void removing?.then((mounted) => {
        render(null, mounted.uiContainer);
        mounted.remove();
      });
    };

    /** One page view per person: a new person aborts the previous view's waiting and rendering. */
    const show = async (url: string, staleNames: ReadonlySet<string>) => {
      const id = profileIdFromUrl(url);
      if (id && id === shown?.id) return; // a sub-page of the same person (contact info, details, …)
      pageView?.abort();
      const view = new AbortController();
      pageView = view;
      if (!id) {
        shown = null;
        removePanel();
        return;
      }
      const now = readFreshProfile(document, url, staleNames);
      if (!now) return;
      shown = { id, name: now.name };
      await renderPanel(now, view.signal);
      if (now.name) return;
      const later = await waitForFreshProfile(document, url, staleNames, { signal: view.signal });
      if (!later?.name) return;
      shown = { id, name: later.name };
      await renderPanel(later, view.signal);
    };

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      // Whatever the page shows at this moment belongs to the page being left.
      const stale = new Set([shown?.name ?? '', extractProfileFields(document).name]);
      stale.delete('');
      void show(newUrl.href, stale);
    });
    ctx.onInvalidated(() => {
      pageView?.abort();
      removePanel();
    });
    void show(location.href, new Set());
  },
});
