import { useState } from 'preact/hooks';
import type { ImportMode, ImportReport } from '../lib/import-kindred';

export interface ImportExportProps {
  /** Contacts now in the database, for the replace confirmation. */
  contactCount: number;
  importKindred: (text: string, mode: ImportMode) => Promise<ImportReport>;
  exportJson: () => Promise<string>;
  exportCsv: () => Promise<string>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'confirm-replace'; file: File }
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'exported'; fileName: string }
  | { kind: 'error'; message: string };

/** Kindred's own JSON in (merge or replace) and out (JSON and CSV). */
export function ImportExport({ contactCount, importKindred, exportJson, exportCsv }: ImportExportProps) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function runImport(chosen: File, chosenMode: ImportMode) {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'imported', report: await importKindred(await chosen.text(), chosenMode) });
    } catch (error) {
      setState({ kind: 'error', message: `Import failed: ${messageOf(error)} Nothing was changed.` });
    }
  }

  function onImport(event: Event) {
    event.preventDefault();
    if (!file) return setState({ kind: 'error', message: 'Choose a Kindred export file first.' });
    if (mode === 'replace') return setState({ kind: 'confirm-replace', file });
    void runImport(file, mode);
  }

  async function runExport(action: () => Promise<string>) {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'exported', fileName: await action() });
    } catch (error) {
      setState({ kind: 'error', message: `Export failed: ${messageOf(error)}` });
    }
  }

  const busy = state.kind === 'busy';
  return (
    <section aria-labelledby="import-export-heading" class="card">
      <h2 id="import-export-heading">Import and export</h2>
      <div class="row">
        <button type="button" onClick={() => runExport(exportJson)} disabled={busy}>
          Export JSON
        </button>
        <button type="button" onClick={() => runExport(exportCsv)} disabled={busy}>
          Export CSV
        </button>
        <span class="muted">JSON keeps everything and imports back; CSV is for spreadsheets.</span>
      </div>
      <form onSubmit={onImport} class="import-form">
        <label>
          Kindred export file (JSON)
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </label>
        <fieldset>
          <legend>How to import</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            Merge into my data (tags are combined, the newer note wins)
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
            Replace all my data with the file
          </label>
        </fieldset>
        <button type="submit" disabled={busy}>
          Import
        </button>
      </form>
      {state.kind === 'confirm-replace' && (
        <div role="alertdialog" aria-labelledby="replace-title" aria-describedby="replace-text" class="confirm">
          <h3 id="replace-title">Replace all your data?</h3>
          <p id="replace-text">
            Your {contactCount} {contactCount === 1 ? 'contact' : 'contacts'}, with every tag and note, will be replaced by
            the contents of “{state.file.name}”. This cannot be undone; export first if you are unsure.
          </p>
          <button type="button" class="danger" onClick={() => runImport(state.file, 'replace')}>
            Replace everything
          </button>
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            Cancel
          </button>
        </div>
      )}
      <ImportOutcome state={state} />
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
  if (state.kind === 'exported') return <p role="status">Saved {state.fileName}</p>;
  if (state.kind === 'busy') return <p role="status">Working…</p>;
  if (state.kind !== 'imported') return <p role="status" />;
  const { report } = state;
  return (
    <div role="status">
      <p>{describeReport(report)}</p>
      {report.conflicts.length > 0 && (
        <details>
          <summary>
            {report.conflicts.length === 1
              ? '1 note differed: the newer one was kept'
              : `${report.conflicts.length} notes differed: the newer ones were kept`}
          </summary>
          <ul>
            {report.conflicts.map((conflict) => (
              <li key={conflict.contactId}>
                <strong>{conflict.name}</strong>: kept “{conflict.kept}”, replaced “{conflict.discarded}”
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function describeReport(report: ImportReport): string {
  const parts = [`${report.added} added`, `${report.updated} updated`];
  if (report.mode === 'merge') parts.push(`${report.unchanged} unchanged`);
  else parts.push(`${report.removed} removed`);
  if (report.tagsAdded > 0) parts.push(`${report.tagsAdded} new ${report.tagsAdded === 1 ? 'tag' : 'tags'}`);
  return `Imported: ${parts.join(', ')}.`;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
