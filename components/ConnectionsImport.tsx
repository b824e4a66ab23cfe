import { useState } from 'preact/hooks';
import type { ConnectionsReport } from '../lib/import-connections';

interface ConnectionsImportProps {
  importConnections: (text: string) => Promise<ConnectionsReport>;
}

type State =
  | { kind: 'idle' | 'busy' }
  | { kind: 'done'; report: ConnectionsReport }
  | { kind: 'error'; message: string };

/** LinkedIn's own Connections.csv in, so the balance can count the whole network. */
export function ConnectionsImport({ importConnections }: ConnectionsImportProps) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!file) return setState({ kind: 'error', message: 'Choose your Connections.csv first.' });
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', report: await importConnections(await file.text()) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({ kind: 'error', message: `Import failed: ${message} Nothing was changed.` });
    }
  }

  return (
    <section aria-labelledby="connections-heading" class="card">
      <h2 id="connections-heading">Import LinkedIn connections</h2>
      <p class="muted">
        In LinkedIn, open Settings → Data privacy → Get a copy of your data, choose Connections, and import the
        Connections.csv you receive. Existing tags and notes are kept; untagged connections count as known contacts.
      </p>
      <form onSubmit={onSubmit} class="import-form">
        <label>
          Connections.csv
          <input type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={state.kind === 'busy'}>
          Import connections
        </button>
      </form>
      {state.kind === 'error' && (
        <p role="alert" class="error">
          {state.message}
        </p>
      )}
      <div role="status">
        {state.kind === 'busy' && <p>Importing…</p>}
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
        <details>
          <summary>
            {report.skipped.length === 1 ? '1 row skipped' : `${report.skipped.length} rows skipped`}
          </summary>
          <ul>
            {report.skipped.slice(0, 100).map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

export function describeConnectionsReport(report: ConnectionsReport): string {
  const parts = [`${report.added} added`, `${report.updated} updated`, `${report.unchanged} unchanged`];
  let text = `Imported connections: ${parts.join(', ')}.`;
  if (report.matchedByName > 0) text += ` ${report.matchedByName} matched by name.`;
  if (report.nameOnly > 0) {
    text += ` ${report.nameOnly} without a profile URL ${report.nameOnly === 1 ? 'is' : 'are'} kept under their name until you open their profile.`;
  }
  return text;
}
