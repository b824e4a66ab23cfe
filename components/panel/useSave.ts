import { i18n } from '#i18n';
import { useRef, useState } from 'preact/hooks';
import type { ContactView } from '../../lib/storage/contact-view';
import { errorText } from '../../lib/model/error-text';
import type { ContentClient } from '../../lib/protocol/client';

export type Status = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

/** The panel's saving: `save` runs one change and shows its answer in `view`, `status` says how it went. */
export function useSave(
  contactId: string,
  client: Pick<ContentClient, 'getContact'>,
  setView: (view: ContactView | null) => void,
) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const latestChange = useRef(0);

  /**
   * Runs one change. Only the answer to the latest change is shown: an earlier answer arriving late
   * would otherwise undo a click made since. After a failure the panel shows what is really stored.
   */
  async function save(action: () => Promise<ContactView | null>, revert: () => void) {
    const ticket = ++latestChange.current;
    // Sent first, synchronously: a save made as the panel is unmounted or the page torn down must leave
    // before anything else can stop it.
    const sending = action();
    setStatus({ kind: 'saving' });
    try {
      const saved = await sending;
      if (ticket !== latestChange.current) return;
      if (saved) setView(saved);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: messageOf(error) });
      if (ticket !== latestChange.current) return;
      client.getContact({ contactId }).then(
        (stored) => ticket === latestChange.current && setView(stored),
        () => ticket === latestChange.current && revert(),
      );
    }
  }

  /** How many changes were started so far: a read sent before the latest one may not show it yet. */
  const started = () => latestChange.current;

  return { status, setStatus, save, started };
}

export function statusText(status: Status): string {
  if (status.kind === 'error') return status.message;
  return status.kind === 'saving' ? i18n.t('panel.saving') : status.kind === 'saved' ? i18n.t('panel.saved') : '';
}

export function messageOf(error: unknown): string {
  return i18n.t('panel.notSaved', [errorText(error)]);
}
