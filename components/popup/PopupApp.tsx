import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { PageClient } from '../../lib/protocol/page-client';
import { backupReminderDays } from '../../lib/model/backup-reminder';
import { BalanceView, Progress, SplitBar } from '../shared/BalanceView';
import { ConfirmSaved } from '../shared/ConfirmSaved';
import { PageHeader } from '../shared/PageHeader';
import { PurposeLine } from '../shared/PurposeLine';
import { formatNumber as n, translate, uiLocale } from '../../lib/i18n';
import { diagnose, diagnosisSentence, onMission } from '../../lib/model/review';
import { type BalanceSnapshot, describeTrend, monthOf, snapshotOf } from '../../lib/model/balance-history';
import type { Balance } from '../../lib/model/balance';
import { ReconnectList } from '../shared/ReconnectList';
import { errorText } from '../../lib/model/error-text';
import { useWatch } from '../shared/use-watch';

interface PopupAppProps {
  client: Pick<
    PageClient,
    | 'watchBalance'
    | 'watchUnsavedSince'
    | 'exportJson'
    | 'recordExport'
    | 'watchPurposeStatement'
    | 'watchBalanceSnapshots'
    | 'watchWeeklyWork'
    | 'recordBalanceSnapshot'
    // Keep in touch: the due list.
    | 'watchDue'
    | 'logTouch'
    | 'removeTouch'
    | 'snoozeContact'
  >;
  openOptions: () => void;
  now?: () => Date;
}

/** At most this many people to reconnect with in the popup; the options page lists them all. */
const RECONNECT_SHOWN = 3;

type ExportState =
  { kind: 'idle' | 'busy' | 'confirmed' } | { kind: 'done'; fileName: string } | { kind: 'error'; message: string };

/**
 * A glance, within the 600 px Chrome gives a popup: the purpose, the one-sentence diagnosis, the trend,
 * who is due and the week; the charts and full lists are on the options page ("Open overview").
 */
export function PopupApp({ client, openOptions, now = () => new Date() }: PopupAppProps) {
  const [loadError, setLoadError] = useState('');
  // This month's balance is noted the first time a Kindred page notices the month (once per month).
  useEffect(() => void client.recordBalanceSnapshot({}).catch(() => undefined), []);
  const statement = useWatch(
    () => client.watchPurposeStatement,
    [],
    () => undefined,
  );
  const snapshots = useWatch(
    () => client.watchBalanceSnapshots,
    [],
    () => undefined,
  );
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });
  const balance = useWatch(
    () => client.watchBalance,
    [],
    (error) => setLoadError(String(error)),
  );
  // The week (two small index reads) once the balance has painted.
  const week = useWatch(
    () => (balance ? client.watchWeeklyWork : () => () => undefined),
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
          {statement !== undefined && (
            <PurposeLine statement={statement} onMission={onMission(balance)} onWrite={openOptions} />
          )}
          {balance.tagged === 0 ? (
            <BalanceView balance={balance} />
          ) : (
            <section aria-labelledby="diagnosis-heading" class="diagnosis">
              <h2 id="diagnosis-heading">{i18n.t('glance.diagnosisLabel')}</h2>
              <p class="diagnosis-sentence">{diagnosisSentence(diagnose(balance), translate)}</p>
              <SplitBar balance={balance} />
              <Progress tagged={balance.tagged} known={balance.known} />
              {snapshots && (
                <TrendLine text={describeTrend(upToNow(snapshots, balance, now()), translate, uiLocale())} />
              )}
            </section>
          )}
          {/* Keep in touch: who is due, read at once beside the balance (its own indexed read). */}
          {balance.tagged > 0 && <ReconnectList client={client} limit={RECONNECT_SHOWN} now={now} />}
          {week && (
            <p class="weekly muted">
              {i18n.t('weekly.line', [
                i18n.t('weekly.tagged', week.tagged, [n(week.tagged)]),
                i18n.t('weekly.touches', week.touches, [n(week.touches)]),
              ])}
            </p>
          )}
        </>
      ) : (
        <p class="muted">{i18n.t('common.loading')}</p>
      )}
      <footer>
        {reminderDays !== null && (
          <p class="reminder">{i18n.t('popup.backupReminder', reminderDays, [n(reminderDays)])}</p>
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
            {i18n.t('glance.openOverview')}
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

/** "Since August 2026, your growth share rose from 22% to 31%." Nothing before there are two months. */
function TrendLine({ text }: { text: string }) {
  return text ? <p class="trend-line">{text}</p> : null;
}

/**
 * The months kept, this month's replaced by the balance as it is now: the trend ends where the diagnosis
 * above it stands, not where this month began.
 */
function upToNow(snapshots: readonly BalanceSnapshot[], balance: Balance, now: Date): BalanceSnapshot[] {
  const month = monthOf(now);
  return [...snapshots.filter((snapshot) => snapshot.month !== month), snapshotOf(balance, month)];
}
