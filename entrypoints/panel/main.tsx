import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { TagPanel } from '../../components/panel/TagPanel';
import type { SeenProfile } from '../../lib/model/contact';
import type { ContactView } from '../../lib/storage/contact-view';
import { type FromFrame, type LeavingFrame, type ToFrame, isLinkedInOrigin } from '../../lib/protocol/frame-messages';
import { messageClient } from '../../lib/protocol/client';
import { CONTENT_OPERATIONS } from '../../lib/protocol/operation-names';
import { sendToBackground } from '../../lib/protocol/transport';
import { uiLocale } from '../../lib/i18n';

/**
 * The tag panel, an extension page framed in LinkedIn's profile pages. Its DOM, its key events and
 * its storage are in the extension's origin: the page around it can see that a frame is there, not
 * what is in it. It never says which person it is about: the background tells it what its tab shows.
 */
document.documentElement.lang = uiLocale();

/**
 * The secret the content script gave this frame in its URL's hash, and told the background: every call
 * carries it, and the background serves only the frame that has it (lib/protocol/access.ts). A frame of
 * this page put in by anyone else has no token, or a wrong one, and is refused everything.
 */
const hash = new URLSearchParams(location.hash.slice(1));
const frameToken = hash.get('t') ?? '';
const client = messageClient(CONTENT_OPERATIONS, (message, options) =>
  sendToBackground({ ...message, frameToken } as typeof message, options),
);

const app = document.getElementById('app')!;
let profile: SeenProfile | null = null;
let stored: ContactView | null = null;
/**
 * Until the background has answered: the name the page shows, and its look, from the hash. Only shown
 * (the page shows that name itself), never used to ask for anything; and a frame someone else made gets
 * no further than this.
 */
let shell: string | null = hash.get('n') || null;
let look: Omit<ToFrame, 'kindred'> = {
  dark: hash.has('d') ? hash.get('d') === '1' : matchMedia('(prefers-color-scheme: dark)').matches,
  floating: hash.get('f') === '1',
  reading: false,
};
let focusRequests = 0;
let asked = 0;

const toParent = (message: FromFrame) =>
  // The height is no secret (the page sees the frame's size anyway); "*" because Firefox tells a frame
  // nothing reliable about its parent's origin.
  window.parent.postMessage(message, '*');

function paint() {
  render(
    profile ? (
      <TagPanel
        key={profile.id}
        profile={profile}
        client={client}
        stored={stored}
        reading={look.reading && !profile.name}
        floating={look.floating}
        dark={look.dark}
        focusRequest={focusRequests}
      />
    ) : (
      shell !== null && (
        // Loading, and asking nothing: no tags and no note until the background has said who this is.
        <TagPanel
          key=""
          profile={{ id: '', url: '', name: shell, headline: '', company: '', location: '' }}
          client={client}
          stored={null}
          floating={look.floating}
          dark={look.dark}
        />
      )
    ),
    app,
  );
}

function show(answer: { profile: SeenProfile | null; view: ContactView | null }) {
  ({ profile, view: stored } = answer);
  shell = null;
  paint();
  reportHeight();
}

/** Asks the background which profile this tab shows, and what is stored about it; only the latest answer counts. */
async function refresh() {
  const ticket = ++asked;
  const answer = await client.panelView({});
  if (ticket !== asked) return;
  show(answer);
  if (!answer.profile) toParent({ kindred: 'announce' });
}

/**
 * Asked once at start, without waiting for the content script's `view`: that waits for LinkedIn's page,
 * busy being parsed, to run the content script twice (the background's answer, then the frame's
 * `ready`), while the background has usually bound this tab to this frame's token already. Only the
 * person whose name the content script put in the hash is shown; anything else (a binding still being
 * replaced, a refusal) is left to the `view`. The name only filters: whom the panel shows, and its
 * data, come from the background as always.
 */
async function askEarly() {
  if (shell === null) return;
  const ticket = ++asked;
  const answer = await client.panelView({}).catch(() => null);
  if (ticket === asked && answer?.profile && answer.profile.name === shell) show(answer);
}

window.addEventListener('message', (event) => {
  // Only the window this frame is in, on LinkedIn; the page there can forge this too, so it only
  // changes the look and makes the panel ask the background again.
  if (event.source !== window.parent || !isLinkedInOrigin(event.origin)) return;
  const data = event.data as Partial<ToFrame> | Partial<LeavingFrame> | null;
  if (typeof data !== 'object' || data === null) return;
  if (data.kindred === 'leaving') {
    // Shows nobody until the next `view`; an answer still on its way is about the previous person.
    asked++;
    profile = null;
    shell = null;
    paint();
    return;
  }
  if (data.kindred !== 'view') return;
  look = { dark: data.dark === true, floating: data.floating === true, reading: data.reading === true };
  void refresh().catch(console.error);
});

// The keyboard command, from the background (a message the page cannot send): the content script
// focuses the frame, and the panel its first control.
browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
  if (sender.id !== browser.runtime.id || (message as { type?: unknown })?.type !== 'focus-panel') return;
  focusRequests++;
  paint();
});

// Sized to its content: the content script sets the frame's height to what is reported here. The
// loading shell's height is not: the frame keeps the room it was given until the panel has its tags.
let reported = -1;
function reportHeight() {
  if (!profile && shell !== null) return;
  const height = Math.ceil(app.getBoundingClientRect().height);
  if (height === reported) return;
  reported = height;
  toParent({ kindred: 'height', height });
}
new ResizeObserver(reportHeight).observe(app);
paint();
toParent({ kindred: 'ready' });
void askEarly();
