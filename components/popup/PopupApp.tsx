import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../lib/i18n';
import type { PageClient } from '../../lib/protocol/page-client';
import { backupReminderDays } from '../../lib/model/backup-reminder';
import { DEFAULT_RECONNECT_DAYS } from '../../lib/model/reconnect';
import { BalanceView } from '../shared/BalanceView';
import { ConfirmSaved } from '../shared/ConfirmSaved';
import { CompanySpreadView } from '../shared/CompanySpreadView';
import { PageHeader } from '../shared/PageHeader';
import { ReconnectList } from '../shared/ReconnectList';
import { errorText } from '../../lib/model/error-text';
import { useWatch } from '../shared/use-watch';

interface PopupAppProps {
  client: Pick<PageClient, 'watchBalance' | 'watchInsight' | 'watchUnsavedSince' | 'exportJson' | 'recordExport'>;
  openOptions: () => void;
  now?: () => Date;
}

/** At most this many people to reconnect with in the popup; the options page lists them all. */
const RECONNECT_SHOWN = 3;

type ExportState =
  { kind: 'idle' | 'busy' | 'confirmed' } | { kind: 'done'; fileName: string } | { kind: 'error'; message: string };

export function PopupApp({ client, openOptions, now = () => new Date() }: PopupAppProps) {
  const [loadError, setLoadError] = useState('');
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });
  const balance = useWatch(
    () => client.watchBalance,
    [],
    (error) => setLoadError(String(error)),
  );
  // The reconnect list and companies come after the balance has painted.
  const insight = useWatch(
    () => (balance ? client.watchInsight(DEFAULT_RECONNECT_DAYS, RECONNECT_SHOWN) : () => () => undefined),
    [balance !== undefined],
    () => undefined,
  );
  const unsavedSince =
    useWatch(
      () => client.watchUnsavedSince,
      [],
      () => undefined,
    ) ?? '';

  // An export counts as a backup only once the person says the file was saved (../shared/ConfirmSaved.tsx).
  const reminderDays =
    balance && exportState.kind !== 'confirmed' ? backupReminderDays(balance.tagged, unsavedSince, now()) : null;

  async function onExport() {
    setExportState({ kind: 'busy' });
    try {
      setExportState({ kind: 'done', fileName: await client.exportJson() });
    } catch (error) {
      setExportState({ kind: 'error', message: errorText(error) });
    }
  }

  return (
    <main class="popup">
      <PageHeader tagline={i18n.t('popup.tagline')} taglineClass="tagline" />
      {loadError ? (
        <p class="error" role="alert">
          {i18n.t('common.loadError', [loadError])}
        </p>
      ) : balance ? (
        <>
          <BalanceView balance={balance} />
          {insight && balance.tagged > 0 && (
            <>
              <ReconnectList {...insight.reconnect} days={DEFAULT_RECONNECT_DAYS} />
              <CompanySpreadView spread={{ ...insight.spread, top: insight.spread.top.slice(0, 3) }} />
            </>
          )}
        </>
      ) : (
        <p class="muted">{i18n.t('common.loading')}</p>
      )}
      <footer>
        {reminderDays !== null && (
          <p class="reminder">{i18n.t('popup.backupReminder', reminderDays, [formatNumber(reminderDays)])}</p>
        )}
        <div class="actions">
          <button type="button" class="primary" onClick={onExport} disabled={exportState.kind === 'busy'}>
            {i18n.t('common.exportJson')}
          </button>
          {exportState.kind === 'done' && (
            <ConfirmSaved
              recordExport={client.recordExport}
              onConfirmed={() => setExportState({ kind: 'confirmed' })}
              onError={(message) => setExportState({ kind: 'error', message })}
            />
          )}
          <button type="button" onClick={openOptions}>
            {i18n.t('popup.openOptions')}
          </button>
        </div>
        <p class="muted" role="status">
          {exportState.kind === 'done'
            ? i18n.t('popup.exportStarted', [exportState.fileName])
            : exportState.kind === 'confirmed'
              ? i18n.t('popup.backupConfirmed')
              : exportState.kind === 'error'
                ? i18n.t('common.exportFailed', [exportState.message])
                : i18n.t('popup.privacy')}
        </p>
      </footer>
    </main>
  );
}
