import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { formatNumber } from '../../../lib/i18n';
import { errorText } from '../../../lib/model/error-text';
import type { PageClient } from '../../../lib/protocol/page-client';
import type { SnapshotInfo } from '../../../lib/storage/snapshot';

interface SafetyNetProps {
  client: Pick<PageClient, 'watchSnapshot' | 'restoreSnapshot' | 'storagePersisted'>;
}

/** What was here before the last replace-import or delete-all, to restore; and whether storage is kept. */
export function SafetyNet({ client }: SafetyNetProps) {
  const [snapshot, setSnapshot] = useState<SnapshotInfo | null | undefined>(undefined);
  const [persisted, setPersisted] = useState<boolean | null | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => client.watchSnapshot(setSnapshot), [client]);
  useEffect(() => {
    void client.storagePersisted().then(setPersisted, () => setPersisted(null));
  }, [client]);

  async function restore() {
    setMessage(await restoreSnapshot(client));
  }

  return (
    <section aria-labelledby="safety-heading" class="card">
      <h2 id="safety-heading">{i18n.t('safetyNet.heading')}</h2>
      <p>
        {persisted === undefined
          ? i18n.t('common.loading')
          : persisted
            ? i18n.t('safetyNet.persisted')
            : persisted === false
              ? i18n.t('safetyNet.notPersisted')
              : i18n.t('safetyNet.persistenceUnknown')}
      </p>
      {snapshot && (
        <div class="row">
          <p>{describeSnapshot(snapshot)}</p>
          <button type="button" onClick={restore}>
            {i18n.t('safetyNet.restore')}
          </button>
        </div>
      )}
      {snapshot === null && <p class="muted">{i18n.t('safetyNet.none')}</p>}
      <p role="status">{message}</p>
    </section>
  );
}

/** Restores the snapshot; says how it went, in a sentence for the status line. */
export async function restoreSnapshot(client: Pick<PageClient, 'restoreSnapshot'>): Promise<string> {
  try {
    const { contacts } = await client.restoreSnapshot({});
    return i18n.t('safetyNet.restored', contacts, [formatNumber(contacts)]);
  } catch (error) {
    return i18n.t('safetyNet.failed', [errorText(error)]);
  }
}

export function describeSnapshot(snapshot: SnapshotInfo): string {
  const when = new Date(snapshot.at).toLocaleString(i18n.t('meta.locale'), { dateStyle: 'medium', timeStyle: 'short' });
  const contacts = i18n.t('common.contacts', snapshot.contacts, [formatNumber(snapshot.contacts)]);
  return snapshot.reason === 'delete-all'
    ? i18n.t('safetyNet.beforeDeleteAll', [contacts, when])
    : i18n.t('safetyNet.beforeReplace', [contacts, when]);
}
