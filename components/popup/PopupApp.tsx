import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { formatNumber } from '../../lib/i18n';
import type { Balance } from '../../lib/model/balance';
import { backupReminderDays } from '../../lib/model/backup-reminder';
import type { CompanySpread } from '../../lib/model/company-spread';
import { DEFAULT_RECONNECT_DAYS, type ReconnectEntry } from '../../lib/model/reconnect';
import { BalanceView } from '../shared/BalanceView';
import { CompanySpreadView } from '../shared/CompanySpreadView';
import { ReconnectList } from '../shared/ReconnectList';
import { errorText } from '../../lib/model/error-text';

export interface Insight {
  spread: CompanySpread;
  reconnect: { total: number; entries: ReconnectEntry[] };
}

interface PopupAppProps {
  loadBalance: () => Promise<Balance>;
  loadInsight: () => Promise<Insight>;
  /** The last export's time, or the install time before the first export. */
  loadUnsavedSince: () => Promise<string>;
  openOptions: () => void;
  now?: () => Date;
  /** Builds and downloads the export; resolves with the file name. */
  exportJson: () => Promise<string>;
}

type ExportState = { kind: 'idle' | 'busy' } | { kind: 'done'; fileName: string } | { kind: 'error'; message: string };

export function PopupApp({
  loadBalance,
  loadInsight,
  loadUnsavedSince,
  exportJson,
  openOptions,
  now = () => new Date(),
}: PopupAppProps) {
  const [balance, setBalance] = useState<Balance | null>(null);
  const [insight, setInsight] = useState<Insight | null>(null);
  const [unsavedSince, setUnsavedSince] = useState('');
  const [loadError, setLoadError] = useState('');
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });

  useEffect(() => {
    // The balance first: the reconnect list and companies come after it has painted.
    loadBalance().then(
      (loaded) => {
        setBalance(loaded);
        loadInsight().then(setInsight, () => undefined);
      },
      (error: unknown) => setLoadError(String(error)),
    );
    loadUnsavedSince().then(setUnsavedSince, () => undefined);
  }, []);

  const reminderDays = balance && exportState.kind !== 'done' ? backupReminderDays(balance.tagged, unsavedSince, now()) : null;

  async function onExport() {
    setExportState({ kind: 'busy' });
    try {
      setExportState({ kind: 'done', fileName: await exportJson() });
    } catch (error) {
      setExportState({ kind: 'error', message: errorText(error) });
    }
  }

  return (
    <main class="popup">
      <header>
        <h1>{i18n.t('app.name')}</h1>
        <p class="tagline">{i18n.t('popup.tagline')}</p>
      </header>
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
          <button type="button" onClick={openOptions}>
            {i18n.t('popup.openOptions')}
          </button>
        </div>
        <p class="muted" role="status">
          {exportState.kind === 'done'
            ? i18n.t('common.savedFile', [exportState.fileName])
            : exportState.kind === 'error'
              ? i18n.t('common.exportFailed', [exportState.message])
              : i18n.t('popup.privacy')}
        </p>
      </footer>
    </main>
  );
}
