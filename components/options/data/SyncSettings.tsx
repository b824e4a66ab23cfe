import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { formatNumber } from '../../../lib/i18n';
import { errorText } from '../../../lib/model/error-text';
import type { PageClient } from '../../../lib/protocol/page-client';
import type { SyncStatus } from '../../../lib/storage/sync-store';

interface SyncSettingsProps {
  client: Pick<PageClient, 'watchSync' | 'setSync'>;
}

type Status = SyncStatus & { enabled: boolean };

/** "Sync across my browsers": off by default; where the data goes, what does not go, and how it went. */
export function SyncSettings({ client }: SyncSettingsProps) {
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => client.watchSync(setStatus), [client]);

  async function toggle(on: boolean) {
    try {
      await client.setSync({ on });
      setMessage('');
    } catch (error) {
      setMessage(i18n.t('sync.failed', [errorText(error)]));
    }
  }

  return (
    <section aria-labelledby="sync-heading" class="card">
      <h2 id="sync-heading">{i18n.t('sync.heading')}</h2>
      <label>
        <input
          type="checkbox"
          checked={status?.enabled ?? false}
          disabled={status === undefined}
          onChange={(event) => void toggle((event.target as HTMLInputElement).checked)}
        />{' '}
        {i18n.t('sync.toggle')}
      </label>
      <p class="muted">{i18n.t('sync.where')}</p>
      <p class="muted">{i18n.t('sync.what')}</p>
      {status?.enabled && <SyncReport status={status} />}
      <p role="status">{message}</p>
    </section>
  );
}

function SyncReport({ status }: { status: Status }) {
  const kb = (bytes: number) => formatNumber(Math.ceil(bytes / 1024));
  const merge = status.lastMerge;
  const lines: string[] = [];
  lines.push(
    status.lastSyncAt
      ? i18n.t('sync.lastSync', [
          new Date(status.lastSyncAt).toLocaleString(i18n.t('meta.locale'), {
            dateStyle: 'medium',
            timeStyle: 'short',
          }),
        ])
      : i18n.t('sync.notYet'),
  );
  if (status.bytesUsed !== undefined && status.quotaBytes) {
    lines.push(i18n.t('sync.bytes', [kb(status.bytesUsed), kb(status.quotaBytes)]));
  }
  if (merge) {
    lines.push(
      merge.wiped
        ? i18n.t('sync.mergeWiped')
        : i18n.t('sync.merge', [
            i18n.t('common.contacts', merge.contacts + merge.removed, [formatNumber(merge.contacts + merge.removed)]),
            i18n.t('sync.tagCount', merge.tags, [formatNumber(merge.tags)]),
            merge.fields.map(fieldName).join(', ') || '—',
          ]),
    );
  }
  return (
    <div aria-live="polite">
      <ul class="sync-status">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {(status.contactsLeft ?? 0) > 0 && (
        <p role="note">{i18n.t('sync.contactsLeft', status.contactsLeft!, [formatNumber(status.contactsLeft!)])}</p>
      )}
      {(status.notesLeft ?? 0) > 0 && (
        <p role="note">{i18n.t('sync.notesLeft', status.notesLeft!, [formatNumber(status.notesLeft!)])}</p>
      )}
      {(status.tagsLeft ?? 0) > 0 && (
        <p role="note">{i18n.t('sync.tagsLeft', status.tagsLeft!, [formatNumber(status.tagsLeft!)])}</p>
      )}
      {status.error && (
        <p role="alert">
          {status.error === 'newer-version' ? i18n.t('sync.newerVersion') : i18n.t('sync.writeFailed', [status.error])}
        </p>
      )}
    </div>
  );
}

/** A synced field's name as the status line says it. */
function fieldName(field: string): string {
  const names: Record<string, () => string> = {
    tags: () => i18n.t('sync.fields.tags'),
    name: () => i18n.t('sync.fields.name'),
    'fix-name': () => i18n.t('sync.fields.fix_name'),
    'fix-headline': () => i18n.t('sync.fields.fix_headline'),
    'fix-company': () => i18n.t('sync.fields.fix_company'),
    note: () => i18n.t('sync.fields.note'),
    touches: () => i18n.t('sync.fields.touches'),
    rhythmDays: () => i18n.t('sync.fields.rhythmDays'),
    snoozedUntil: () => i18n.t('sync.fields.snoozedUntil'),
  };
  return names[field]?.() ?? field;
}
