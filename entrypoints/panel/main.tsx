import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { TagPanel } from '../../components/panel/TagPanel';
import type { SeenProfile } from '../../lib/model/contact';
import { type FromFrame, type LeavingFrame, type ToFrame, isLinkedInOrigin } from '../../lib/protocol/frame-messages';
import { messageClient } from '../../lib/protocol/client';
import { CONTENT_OPERATIONS } from '../../lib/protocol/operation-names';
import { sendToBackground } from '../../lib/protocol/transport';
import { uiLocale } from '../../lib/i18n';
import { LOOK_AGAIN } from '../../lib/protocol/panel-notices';

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
// The content script's hash: the frame's token (t), and the name and look it shows (not used here).
const frameToken = new URLSearchParams(location.hash.slice(1)).get('t') ?? '';
/** In a list's popover, what changes the card's badge: the card looks the person up again once it is stored. */
const CHANGES_TAGS: ReadonlySet<string> = new Set(['setTag', 'answerNamesake', 'undoNamesake']);
const client = messageClient(CONTENT_OPERATIONS, async (message, options) => {
  const reply = await sendToBackground({ ...message, frameToken } as typeof message, options);
  if (look.card && CHANGES_TAGS.has(message.type)) toParent({ kindred: 'changed' });
  return reply;
});

const app = document.getElementById('app')!;
const systemDark = matchMedia('(prefers-color-scheme: dark)');
let profile: SeenProfile | null = null;
let look: Omit<ToFrame, 'kindred'> = { dark: systemDark.matches, floating: false, reading: false };
let focusRequests = 0;
/** How often the background said the person changed in the database (the panel reads them again). */
let lookAgains = 0;
let asked = 0;

const toParent = (message: FromFrame) =>
  // The height is no secret (the page sees the frame's size anyway); "*" because Firefox tells a frame
  // nothing reliable about its parent's origin.
  window.parent.postMessage(message, '*');

function paint() {
  render(
    profile && (
      <TagPanel
        key={profile.id}
        profile={profile}
        client={client}
        reading={look.reading && !profile.name}
        floating={look.floating}
        dark={look.dark}
        focusRequest={focusRequests}
        lookAgain={lookAgains}
        {...(look.card && {
          onClose: () => toParent({ kindred: 'close' }),
          // Changed elsewhere while the popover is open: the card's badge looks the person up again too.
          onStoredTagsChange: () => toParent({ kindred: 'changed' }),
        })}
      />
    ),
    app,
  );
}

/** Asks the background which profile this tab shows; only the latest answer counts. */
async function refresh() {
  const ticket = ++asked;
  const { profile: shown } = await client.panelView({});
  if (ticket !== asked) return;
  profile = shown;
  paint();
  if (!shown) toParent({ kindred: 'announce' });
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
    paint();
    return;
  }
  if (data.kindred !== 'view') return;
  const opened = data.card === true && !look.card;
  look = {
    dark: data.dark === true,
    floating: data.floating === true,
    reading: data.reading === true,
    card: data.card === true,
  };
  // A list's popover opens with the focus on its first tag, so the tag keys work at once.
  if (opened) focusRequests++;
  void refresh().catch(console.error);
});

// The keyboard command, from the background (a message the page cannot send): the content script
// focuses the frame, and the panel its first control.
browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
  if (sender.id !== browser.runtime.id || (message as { type?: unknown })?.type !== 'focus-panel') return;
  focusRequests++;
  paint();
});

// The person this tab shows changed in the database (lib/storage/changed-people.ts): the panel reads
// them again. From the background only; it says nothing else.
browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
  if (sender.id !== browser.runtime.id || (message as { type?: unknown })?.type !== LOOK_AGAIN) return;
  lookAgains++;
  paint();
});

// Sized to its content: the content script sets the frame's height to what is reported here.
let reported = -1;
new ResizeObserver(() => {
  const height = Math.ceil(app.getBoundingClientRect().height);
  if (height === reported) return;
  reported = height;
  toParent({ kindred: 'height', height });
}).observe(app);
paint();
toParent({ kindred: 'ready' });
