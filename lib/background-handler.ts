import * as v from 'valibot';
import type { KindredDB } from './db';
import {
  type ContentToBackgroundMessage,
  type ContentToBackgroundReplies,
  ContentToBackgroundSchema,
  type Reply,
  describeIssues,
} from './messages';
import { StoreError, getContactView, recordSeen, setNote, setPanelCollapsed, setTag } from './store';

export interface MessageSender {
  /** The extension that sent the message; for content scripts and pages of ours, our own id. */
  id?: string;
}

/**
 * Answers one message to the background. Anything not from this extension or not matching the
 * protocol gets an error and changes nothing.
 */
export async function handleContentToBackground(
  db: KindredDB,
  raw: unknown,
  sender: MessageSender,
  ownExtensionId: string,
  now: Date = new Date(),
): Promise<Reply<unknown>> {
  if (sender.id !== ownExtensionId) {
    return { ok: false, error: 'Kindred only accepts messages from its own pages.' };
  }
  const parsed = v.safeParse(ContentToBackgroundSchema, raw);
  if (!parsed.success) return { ok: false, error: `Invalid message: ${describeIssues(parsed.issues)}` };
  try {
    return { ok: true, value: await apply(db, parsed.output, now.toISOString()) };
  } catch (error) {
    if (error instanceof StoreError) return { ok: false, error: error.message };
    return { ok: false, error: `Kindred could not save this: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function apply(
  db: KindredDB,
  message: ContentToBackgroundMessage,
  now: string,
): Promise<ContentToBackgroundReplies[ContentToBackgroundMessage['type']]> {
  switch (message.type) {
    case 'seen-profile':
      return recordSeen(db, message.profile, now);
    case 'get-contact':
      return getContactView(db, message.contactId);
    case 'set-tag':
      return setTag(db, message.contactId, message.tagId, message.on, now);
    case 'set-note':
      return setNote(db, message.contactId, message.note, now);
    case 'set-panel-collapsed':
      return setPanelCollapsed(db, message.collapsed).then(() => null);
  }
}
