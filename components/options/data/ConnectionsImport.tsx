import { Disclosure } from '../../shared/Disclosure';
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../../lib/i18n';
import type { ConnectionsReport } from '../../../lib/storage/import-connections';
import { errorText } from '../../../lib/model/error-text';
import { ImportCancelledError, type PageClient } from '../../../lib/protocol/page-client';
import { FileInput, Progress, importProgress } from './Progress';

interface ConnectionsImportProps {
  client: Pick<PageClient, 'importFile'>;
}

type State =
  | { kind: 'idle' | 'cancelled' }
  | { kind: 'busy'; label: string; fraction: number; cancel: AbortController }
  | { kind: 'done'; report: ConnectionsReport }
  | { kind: 'error'; message: string };

/** LinkedIn's own Connections.csv in, so the balance can count the whole network. */
export function ConnectionsImport({ client }: ConnectionsImportProps) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!file) return setState({ kind: 'error', message: i18n.t('connections.chooseFile') });
    const cancel = new AbortController();
    setState({ kind: 'busy', label: i18n.t('progress.importing'), fraction: 0, cancel });
    try {
      const report = await client.importFile(
        'connections',
        file,
        { mode: 'merge', skipInvalid: false },
        importProgress(cancel, setState),
        cancel.signal,
      );
      setState({ kind: 'done', report: report as ConnectionsReport });
    } catch (error) {
      if (error instanceof ImportCancelledError) return setState({ kind: 'cancelled' });
      const message = errorText(error);
      setState({ kind: 'error', message: i18n.t('common.importFailed', [message]) });
    }
  }

  return (
    <section aria-labelledby="connections-heading" class="card">
      <h2 id="connections-heading">{i18n.t('connections.heading')}</h2>
      <p class="muted">{i18n.t('connections.intro')}</p>
      <form onSubmit={onSubmit} class="import-form">
        <FileInput label={i18n.t('connections.fileLabel')} accept=".csv,text/csv" onFile={setFile} />
        <button type="submit" disabled={state.kind === 'busy'}>
          {i18n.t('connections.import')}
        </button>
      </form>
      {state.kind === 'busy' && (
        <Progress label={state.label} fraction={state.fraction} onCancel={() => state.cancel.abort()} />
      )}
      {state.kind === 'error' && (
        <p role="alert" class="error">
          {state.message}
        </p>
      )}
      <div role="status">
        {state.kind === 'busy' && <p>{i18n.t('connections.importing')}</p>}
        {state.kind === 'cancelled' && <p>{i18n.t('progress.cancelled')}</p>}
        {state.kind === 'done' && <ConnectionsOutcome report={state.report} />}
      </div>
    </section>
  );
}

function ConnectionsOutcome({ report }: { report: ConnectionsReport }) {
  return (
    <>
      <p>{describeConnectionsReport(report)}</p>
      {report.skipped.length > 0 && (
        <Disclosure
          summary={i18n.t('connections.skipped', report.skipped.length, [formatNumber(report.skipped.length)])}
        >
          <ul>
            {report.skipped.slice(0, SKIPPED_SHOWN).map((row) => (
              <li key={row.line}>{i18n.t('connections.skippedLine', [String(row.line), row.reason])}</li>
            ))}
            {report.skipped.length > SKIPPED_SHOWN && (
              <li>
                {i18n.t('connections.skippedMore', report.skipped.length - SKIPPED_SHOWN, [
                  formatNumber(report.skipped.length - SKIPPED_SHOWN),
                ])}
              </li>
            )}
          </ul>
        </Disclosure>
      )}
    </>
  );
}

/** Rows listed one by one; the rest are counted. */
const SKIPPED_SHOWN = 100;

function describeConnectionsReport(report: ConnectionsReport): string {
  const parts = [
    i18n.t('report.added', [formatNumber(report.added)]),
    i18n.t('report.updated', [formatNumber(report.updated)]),
    i18n.t('report.unchanged', [formatNumber(report.unchanged)]),
  ];
  const sentences = [i18n.t('report.connections', [parts.join(', ')])];
  if (report.matchedByName > 0) sentences.push(i18n.t('report.matchedByName', [formatNumber(report.matchedByName)]));
  if (report.nameOnly > 0) sentences.push(i18n.t('report.nameOnly', report.nameOnly, [formatNumber(report.nameOnly)]));
  if (report.unreadableDates > 0) {
    sentences.push(i18n.t('report.unreadableDates', report.unreadableDates, [formatNumber(report.unreadableDates)]));
  }
  return sentences.join(' ');
}
