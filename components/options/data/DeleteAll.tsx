import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../../lib/i18n';
import { errorText } from '../../../lib/model/error-text';
import type { PageClient } from '../../../lib/protocol/page-client';
import { restoreSnapshot } from './SafetyNet';

interface DeleteAllProps {
  contactCount: number;
  taggedCount: number;
  client: Pick<PageClient, 'deleteAll' | 'restoreSnapshot' | 'deleteAllSynced'>;
  /** Sync is on: ask whether to delete in every browser or only here. */
  syncOn?: boolean;
}

/** Deleting everything says exactly what will be lost and asks once more. */
export function DeleteAll({ contactCount, taggedCount, client, syncOn = false }: DeleteAllProps) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const [undoable, setUndoable] = useState(false);
  const [busy, setBusy] = useState(false);

  function start() {
    // A new deletion: what the previous one said (and its undo) no longer describes the data.
    setMessage('');
    setUndoable(false);
    setConfirming(true);
  }

  async function confirm(everywhere?: boolean) {
    setBusy(true);
    try {
      if (everywhere === undefined) await client.deleteAll({});
      else await client.deleteAllSynced({ everywhere });
      setConfirming(false);
      setMessage(i18n.t('deleteAll.done'));
      setUndoable(true);
    } catch (error) {
      setMessage(i18n.t('deleteAll.failed', [errorText(error)]));
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    setUndoable(false);
    setMessage(await restoreSnapshot(client));
  }

  return (
    <section aria-labelledby="delete-heading" class="card danger-zone">
      <h2 id="delete-heading">{i18n.t('deleteAll.heading')}</h2>
      <p class="muted">{i18n.t('deleteAll.intro')}</p>
      {!confirming ? (
        <button type="button" class="danger" onClick={start}>
          {i18n.t('deleteAll.start')}
        </button>
      ) : (
        <div
          role="alertdialog"
          aria-labelledby="delete-confirm-title"
          aria-describedby="delete-confirm-text"
          class="confirm"
        >
          <h3 id="delete-confirm-title">{i18n.t('deleteAll.confirm.title')}</h3>
          <p id="delete-confirm-text">
            {i18n.t('deleteAll.confirm.text', contactCount, [formatNumber(contactCount), formatNumber(taggedCount)])}
          </p>
          {syncOn ? (
            <>
              <p>{i18n.t('sync.scope.intro')}</p>
              <button type="button" class="danger" disabled={busy} onClick={() => void confirm(true)}>
                {i18n.t('sync.scope.deleteEverywhere')}
              </button>
              <button type="button" class="danger" disabled={busy} onClick={() => void confirm(false)}>
                {i18n.t('sync.scope.deleteHere')}
              </button>
            </>
          ) : (
            <button type="button" class="danger" disabled={busy} onClick={() => void confirm()}>
              {i18n.t('deleteAll.confirm.delete')}
            </button>
          )}
          <button type="button" onClick={() => setConfirming(false)}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      )}
      <p role="status">{message}</p>
      {undoable && (
        <button type="button" onClick={undo}>
          {i18n.t('safetyNet.undo')}
        </button>
      )}
    </section>
  );
}
