import { Disclosure } from '../../shared/Disclosure';
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../../lib/i18n';
import type { ImportMode, ImportReport, InvalidContactsReport } from '../../../lib/storage/import-kindred';
import { ImportCancelledError, type PageClient } from '../../../lib/protocol/page-client';
import { FileInput, Progress, importProgress } from './Progress';
import { withNodes } from '../../shared/with-nodes';
import { errorText } from '../../../lib/model/error-text';
import { ConfirmSaved } from '../../shared/ConfirmSaved';

export interface ImportExportProps {
  /** Contacts now in the database, for the replace confirmation. */
  contactCount: number;
  client: Pick<
    PageClient,
    'importFile' | 'exportJson' | 'exportCsv' | 'restoreSnapshot' | 'recordExport' | 'setSync' | 'wipeSyncEverywhere'
  >;
  /** Sync is on: a replace asks whether to replace in every browser or only here. */
  syncOn?: boolean;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string; fraction: number; cancel?: AbortController }
  | { kind: 'cancelled' }
  | { kind: 'restored'; contacts: number }
  | { kind: 'confirm-replace'; file: File }
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'invalid'; file: File; report: InvalidContactsReport }
  | { kind: 'nothing' }
  /** `backup`: a Kindred JSON file, which counts as a backup once the person says it was saved. */
  | { kind: 'exported'; fileName: string; backup: boolean }
  | { kind: 'backup-confirmed' }
  | { kind: 'error'; message: string };

/** Kindred's own JSON in (merge or replace) and out (JSON and CSV). */
export function ImportExport({ contactCount, client, syncOn = false }: ImportExportProps) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [state, setState] = useState<State>({ kind: 'idle' });

  /** A replace with sync on: in every browser (this data becomes every browser's) or only here (sync off here first). */
  async function runReplace(chosen: File, everywhere: boolean) {
    if (!everywhere) await client.setSync({ on: false });
    await runImport(chosen, 'replace', false, everywhere);
  }

  async function runImport(chosen: File, chosenMode: ImportMode, skipInvalid = false, everywhere = false) {
    const cancel = new AbortController();
    const label = i18n.t('progress.importing');
    setState({ kind: 'busy', label, fraction: 0, cancel });
    try {
      const report = (await client.importFile(
        'kindred',
        chosen,
        { mode: chosenMode, skipInvalid },
        importProgress(cancel, setState),
        cancel.signal,
      )) as ImportReport | InvalidContactsReport;
      // Invalid contacts and no choice made yet: nothing was changed; the person decides.
      if (report.outcome === 'invalid-contacts') setState({ kind: 'invalid', file: chosen, report });
      else {
        if (everywhere) await client.wipeSyncEverywhere({});
        setState({ kind: 'imported', report });
      }
    } catch (error) {
      if (error instanceof ImportCancelledError) return setState({ kind: 'cancelled' });
      setState({ kind: 'error', message: i18n.t('common.importFailed', [messageOf(error)]) });
    }
  }

  async function undoReplace() {
    try {
      const { contacts } = await client.restoreSnapshot({});
      setState({ kind: 'restored', contacts });
    } catch (error) {
      setState({ kind: 'error', message: i18n.t('safetyNet.failed', [messageOf(error)]) });
    }
  }

  function onImport(event: Event) {
    event.preventDefault();
    if (!file) return setState({ kind: 'error', message: i18n.t('importExport.chooseFile') });
    if (mode === 'replace') return setState({ kind: 'confirm-replace', file });
    void runImport(file, mode);
  }

  async function runExport(
    action: (progress: (done: number, total: number) => void) => Promise<string>,
    backup: boolean,
  ) {
    const label = i18n.t('progress.exporting');
    setState({ kind: 'busy', label, fraction: 0 });
    try {
      setState({
        kind: 'exported',
        fileName: await action((done, total) => setState({ kind: 'busy', label, fraction: done / Math.max(total, 1) })),
        backup,
      });
    } catch (error) {
      setState({ kind: 'error', message: i18n.t('common.exportFailed', [messageOf(error)]) });
    }
  }

  const busy = state.kind === 'busy';
  return (
    <section aria-labelledby="import-export-heading" class="card">
      <h2 id="import-export-heading">{i18n.t('importExport.heading')}</h2>
      <div class="row">
        <button
          type="button"
          onClick={() => runExport((progress) => client.exportJson(progress), true)}
          disabled={busy}
        >
          {i18n.t('common.exportJson')}
        </button>
        <button type="button" onClick={() => runExport(() => client.exportCsv(), false)} disabled={busy}>
          {i18n.t('importExport.exportCsv')}
        </button>
        <span class="muted">{i18n.t('importExport.formatsHint')}</span>
      </div>
      <form onSubmit={onImport} class="import-form">
        <FileInput label={i18n.t('importExport.fileLabel')} accept=".json,application/json" onFile={setFile} />
        <fieldset>
          <legend>{i18n.t('importExport.mode.legend')}</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            {i18n.t('importExport.mode.merge')}
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
            {i18n.t('importExport.mode.replace')}
          </label>
        </fieldset>
        <button type="submit" disabled={busy}>
          {i18n.t('importExport.import')}
        </button>
      </form>
      {state.kind === 'confirm-replace' && (
        <div role="alertdialog" aria-labelledby="replace-title" aria-describedby="replace-text" class="confirm">
          <h3 id="replace-title">{i18n.t('importExport.confirm.title')}</h3>
          <p id="replace-text">
            {i18n.t('importExport.confirm.text', [
              i18n.t('common.contacts', contactCount, [formatNumber(contactCount)]),
              state.file.name,
            ])}
          </p>
          {syncOn ? (
            <>
              <p>{i18n.t('sync.scope.intro')}</p>
              <button type="button" class="danger" onClick={() => void runReplace(state.file, true)}>
                {i18n.t('sync.scope.replaceEverywhere')}
              </button>
              <button type="button" class="danger" onClick={() => void runReplace(state.file, false)}>
                {i18n.t('sync.scope.replaceHere')}
              </button>
            </>
          ) : (
            <button type="button" class="danger" onClick={() => runImport(state.file, 'replace')}>
              {i18n.t('importExport.confirm.replace')}
            </button>
          )}
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      )}
      {state.kind === 'invalid' && (
        <InvalidContacts
          report={state.report}
          onImportValid={() => runImport(state.file, state.report.mode, true)}
          onImportNothing={() => setState({ kind: 'nothing' })}
        />
      )}
      {state.kind === 'busy' && (
        <Progress
          label={state.label}
          fraction={state.fraction}
          onCancel={state.cancel && (() => state.cancel!.abort())}
        />
      )}
      <ImportOutcome state={state} />
      {state.kind === 'exported' && state.backup && (
        <ConfirmSaved
          recordExport={client.recordExport}
          onConfirmed={() => setState({ kind: 'backup-confirmed' })}
          onError={(message) => setState({ kind: 'error', message: i18n.t('common.exportFailed', [message]) })}
        />
      )}
      {state.kind === 'imported' && state.report.mode === 'replace' && (
        <button type="button" onClick={undoReplace}>
          {i18n.t('safetyNet.undo')}
        </button>
      )}
    </section>
  );
}

function ImportOutcome({ state }: { state: State }) {
  if (state.kind === 'error') {
    return (
      <p role="alert" class="error">
        {state.message}
      </p>
    );
  }
  if (state.kind === 'exported') {
    // A JSON export is a backup only once the person says the file was saved (ConfirmSaved).
    const text = state.backup
      ? i18n.t('popup.exportStarted', [state.fileName])
      : i18n.t('common.savedFile', [state.fileName]);
    return <p role="status">{text}</p>;
  }
  if (state.kind === 'backup-confirmed') return <p role="status">{i18n.t('popup.backupConfirmed')}</p>;
  if (state.kind === 'busy') return <p role="status">{i18n.t('common.working')}</p>;
  if (state.kind === 'cancelled') return <p role="status">{i18n.t('progress.cancelled')}</p>;
  if (state.kind === 'restored') {
    return <p role="status">{i18n.t('safetyNet.restored', state.contacts, [formatNumber(state.contacts)])}</p>;
  }
  if (state.kind === 'nothing') return <p role="status">{i18n.t('importExport.invalid.nothing')}</p>;
  if (state.kind !== 'imported') return <p role="status" />;
  const { report } = state;
  return (
    <div role="status">
      <p>{describeReport(report)}</p>
      {report.tagsRenamed.map((tag) => (
        <p key={tag.to}>{i18n.t('importExport.tagRenamed', [tag.label])}</p>
      ))}
      {report.skippedCount > 0 && (
        <Disclosure summary={i18n.t('importExport.leftOut', report.skippedCount, [formatNumber(report.skippedCount)])}>
          <ProblemList problems={report.skipped} total={report.skippedCount} />
        </Disclosure>
      )}
      {report.conflicts.length > 0 && (
        <Disclosure
          summary={i18n.t('importExport.conflicts', report.conflicts.length, [formatNumber(report.conflicts.length)])}
        >
          <ul>
            {report.conflicts.map((conflict) => (
              <li key={conflict.contactId}>
                {withNodes(
                  (marks) => i18n.t('importExport.conflict', [marks[0]!, conflict.kept, conflict.discarded]),
                  [<strong>{conflict.name}</strong>],
                )}
              </li>
            ))}
          </ul>
        </Disclosure>
      )}
    </div>
  );
}

/** The contacts that cannot be imported, and the choice: the valid ones, or nothing. */
function InvalidContacts({
  report,
  onImportValid,
  onImportNothing,
}: {
  report: InvalidContactsReport;
  onImportValid: () => void;
  onImportNothing: () => void;
}) {
  return (
    <div role="alertdialog" aria-labelledby="invalid-title" aria-describedby="invalid-count" class="confirm">
      <h3 id="invalid-title">{i18n.t('importExport.invalid.title')}</h3>
      <p id="invalid-count">
        {i18n.t('importExport.invalid.count', report.invalidCount, [formatNumber(report.invalidCount)])}
      </p>
      <ProblemList problems={report.invalid} total={report.invalidCount} />
      <button type="button" onClick={onImportValid}>
        {i18n.t('importExport.invalid.importValid', report.validCount, [formatNumber(report.validCount)])}
      </button>
      <button type="button" onClick={onImportNothing}>
        {i18n.t('importExport.invalid.importNothing')}
      </button>
    </div>
  );
}

/** Which contact (its place in the file and its name), which field, why; then how many more. */
function ProblemList({ problems, total }: { problems: InvalidContactsReport['invalid']; total: number }) {
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const more = total - shown.length;
  return (
    <ul>
      {shown.map((record) => {
        const reasons = record.problems.map(({ field, reason }) => (field ? `${field}: ${reason}` : reason)).join('; ');
        const who = record.name || record.id;
        const position = formatNumber(record.index + 1);
        return (
          <li key={record.index}>
            {who
              ? i18n.t('importExport.invalid.record', [position, who, reasons])
              : i18n.t('importExport.invalid.recordUnnamed', [position, reasons])}
          </li>
        );
      })}
      {more > 0 && <li>{i18n.t('importExport.invalid.more', more, [formatNumber(more)])}</li>}
    </ul>
  );
}

/** Enough to see what is wrong; the rest are counted. */
const PROBLEMS_SHOWN = 20;

function describeReport(report: ImportReport): string {
  const parts = [
    i18n.t('report.added', [formatNumber(report.added)]),
    i18n.t('report.updated', [formatNumber(report.updated)]),
  ];
  if (report.mode === 'merge') parts.push(i18n.t('report.unchanged', [formatNumber(report.unchanged)]));
  else parts.push(i18n.t('report.removed', [formatNumber(report.removed)]));
  if (report.tagsAdded > 0) parts.push(i18n.t('report.newTags', report.tagsAdded, [formatNumber(report.tagsAdded)]));
  return i18n.t('report.kindred', [parts.join(', ')]);
}

function messageOf(error: unknown): string {
  const text = errorText(error);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
