import type { TabBinding } from '../storage/tab-profiles';
import type { ContentOperation, Message } from './operations';

/**
 * Who sent a message to the background, and what it may do. LinkedIn's page shares the DOM with the
 * content script and can make it (or a frame of ours) do anything the page can trigger, so rights
 * follow from what the browser says about the sender, never from what a message says about itself:
 * - `sender.id` is set by the browser: only our own code (content scripts, pages) carries our id.
 * - `sender.url` is the page a content script runs in, or the URL of our own extension page.
 * - `sender.tab` / `sender.frameId` are set by the browser and cannot be forged by the page.
 */
export interface MessageSender {
  /** The extension that sent the message; for our content scripts and pages, our own id. */
  id?: string;
  /** The page the message came from: a LinkedIn page for the content script, ours for popup and options. */
  url?: string;
  /** 0 for a tab's top document; the panel frame inside a LinkedIn page has another number. */
  frameId?: number;
  tab?: { id?: number; incognito?: boolean };
}

export interface Self {
  id: string;
  /** e.g. "chrome-extension://<id>/" */
  origin: string;
}

export type Caller =
  /** The popup, the options page: full access. */
  | { kind: 'page' }
  /** The tag panel, framed in a LinkedIn tab: reads and writes only the profile its tab shows. */
  | { kind: 'panel'; tabId: number; incognito: boolean }
  /** The content script in a LinkedIn tab: says what its tab shows, reads only that, writes nothing. */
  | { kind: 'content'; tabId: number; incognito: boolean; top: boolean }
  | { kind: 'stranger'; error: string };

/** The panel's page, as declared in web_accessible_resources. */
export const PANEL_PATH = '/panel.html';
const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:', 'safari-web-extension:'];
const LINKEDIN_HOST = /(^|\.)linkedin\.com$/;

export function identify(sender: MessageSender, self: Self): Caller {
  if (sender.id !== self.id) return { kind: 'stranger', error: 'Kindred only accepts messages from its own pages.' };
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return { kind: 'stranger', error: 'Kindred only accepts messages from its own pages.' };
  }
  const tabId = sender.tab?.id;
  const incognito = sender.tab?.incognito === true;
  if (EXTENSION_SCHEMES.includes(url.protocol)) {
    // Recognised by its path, not its origin: with use_dynamic_url Chrome loads the framed panel from a
    // per-session origin that differs from runtime.getURL('/'); Firefox MV2 uses the fixed one. Only our
    // own code carries our sender.id, so any extension URL here is one of our pages. The panel counts as
    // the panel only inside a tab's page (a subframe): opened on its own it is bound to nothing.
    if (url.pathname === PANEL_PATH) {
      if (tabId === undefined || !sender.frameId) {
        return { kind: 'stranger', error: 'The Kindred panel only works inside a LinkedIn profile page.' };
      }
      return { kind: 'panel', tabId, incognito };
    }
    if (sender.url!.startsWith(self.origin)) return { kind: 'page' };
    return { kind: 'stranger', error: 'Kindred only accepts messages from its own pages.' };
  }
  if (/^https?:$/.test(url.protocol) && LINKEDIN_HOST.test(url.hostname) && tabId !== undefined) {
    return { kind: 'content', tabId, incognito, top: sender.frameId === 0 };
  }
  return { kind: 'stranger', error: 'Kindred only accepts messages from its own pages.' };
}

/** The per-tab operations (the page-only ones are refused to every caller but pages before this). */
export type ContactMessage = Message<ContentOperation>;

export type Grant =
  | { ok: false; error: string }
  /**
   * `bind`: the tab now shows this profile. `write`: whether the message may change the database
   * (a seen profile that may not be written is answered by reading). `reply`: 'none' where the
   * caller gets no contact data back (the content script: nothing about the person needs to enter
   * LinkedIn's renderer process, which the page's scripts share).
   */
  | {
      ok: true;
      write: boolean;
      bind?: { tabId: number; binding: TabBinding; incognito: boolean };
      reply: 'full' | 'none';
    };

const NOT_BOUND = 'This panel now belongs to another profile: reload the page if it stays like this.';
const NOT_OURS = 'This is not the Kindred panel of this tab: reload the page if it stays like this.';

/**
 * The rules, given who the caller is and what its tab shows (`binding`: the profile and the panel
 * frame's token the content script announced; undefined when the tab has announced nothing yet).
 *
 * Why a token and not only the tab: `sender.tab` and `sender.frameId` say which tab a panel frame is
 * in, not who put it there. Firefox MV2 lets every site frame panel.html (it cannot restrict web-
 * accessible resources to LinkedIn), and LinkedIn's page can add a second frame of it or navigate
 * ours; such a frame would otherwise be served whatever its tab showed last. Only the content script
 * and the frame it made know the token (the frame's URL is in a closed shadow root, and a page cannot
 * read a cross-origin frame's URL), so a frame without it gets nothing.
 */
export function authorize(caller: Caller, message: ContactMessage, binding: TabBinding | undefined): Grant {
  if (caller.kind === 'stranger') return { ok: false, error: caller.error };
  if (message.type === 'panelView' && caller.kind !== 'panel') {
    return { ok: false, error: '"panelView" is only for the Kindred panel.' };
  }
  if (caller.kind === 'page') return { ok: true, write: true, reply: 'full' };
  if (message.type === 'listTags') return listTagsGrant(caller);
  const bound = binding?.profile;

  if (caller.kind === 'content') {
    if (message.type === 'recordSeen') {
      // Only the tab's own document says what the tab shows, not a frame inside it.
      if (!caller.top) return { ok: false, error: 'Only the top page of a tab can say which profile it shows.' };
      const { profile, frameToken } = message;
      // The tab's announcement names its frame: a binding without a token would serve no panel.
      if (!frameToken) return { ok: false, error: 'A tab says which profile it shows together with its frame.' };
      return {
        ok: true,
        // A visit is a write: recorded once the page shows who this is, and never from a private window.
        write: profile.name !== '' && !caller.incognito,
        bind: { tabId: caller.tabId, binding: { profile, frameToken }, incognito: caller.incognito },
        reply: 'none',
      };
    }
    if (message.type === 'getContact') {
      return bound?.id === message.contactId
        ? { ok: true, write: false, reply: 'full' }
        : { ok: false, error: 'A LinkedIn page may only read about the profile it shows.' };
    }
    return { ok: false, error: `"${message.type}" may not be sent from a LinkedIn page.` };
  }

  // The framed panel. Before anything else: is it the frame the tab's content script made? A tab that
  // has announced nothing (a private tab's binding, lost with a restarted worker) is told so by
  // panelView (the handler answers `profile: null`, and the panel asks its content script to announce
  // again); everything else needs the binding and its token.
  if (message.type === 'panelView' && !binding) return { ok: true, write: false, reply: 'full' };
  if (!binding) return { ok: false, error: NOT_BOUND };
  if (message.frameToken !== binding.frameToken) return { ok: false, error: NOT_OURS };
  if (message.type === 'panelView') return { ok: true, write: false, reply: 'full' };
  // It names the contact it shows, but that is never taken as authority: it must be the profile its
  // tab shows now. A change racing an in-page navigation is refused, not applied to the next person.
  if (message.type === 'setPanelCollapsed') return { ok: true, write: true, reply: 'full' };
  if (!bound) return { ok: false, error: NOT_BOUND };
  if (message.type === 'recordSeen') {
    if (message.profile.id !== bound.id) return { ok: false, error: NOT_BOUND };
    // The content script has recorded the visit. The panel adds only a name the person typed where the
    // page showed none; everything else about the profile is what the page showed.
    const typedName = bound.name === '' && message.profile.name !== '';
    return typedName
      ? {
          ok: true,
          write: true,
          bind: {
            tabId: caller.tabId,
            binding: { ...binding, profile: { ...bound, name: message.profile.name } },
            incognito: caller.incognito,
          },
          reply: 'full',
        }
      : { ok: true, write: false, reply: 'full' };
  }
  return message.contactId === bound.id
    ? { ok: true, write: message.type !== 'getContact', reply: 'full' }
    : { ok: false, error: NOT_BOUND };
}

/**
 * A list's badges: the content script names the people its tab's list shows and reads their tags'
 * labels and colours, nothing else (no names, notes or dates), and writes nothing. Only the top
 * document's content script reads a list: the one that found those people on the page. It cannot tell
 * a real card from one the page planted, so the answer may be about a slug the page chose; it stays in
 * the content script and in a closed shadow root, and the DOM shows the same host on every card, tagged
 * or not (what the page can still learn: README). The framed panel shows one profile, never a list.
 */
function listTagsGrant(caller: Exclude<Caller, { kind: 'stranger' | 'page' }>): Grant {
  if (caller.kind !== 'content') return { ok: false, error: '"listTags" is only for the content script of a list.' };
  if (!caller.top) return { ok: false, error: 'Only the top page of a tab can say which people its list shows.' };
  return { ok: true, write: false, reply: 'full' };
}
