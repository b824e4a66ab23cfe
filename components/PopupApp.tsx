import { useEffect, useState } from 'preact/hooks';
import type { Balance } from '../lib/balance';
import { BalanceView } from './BalanceView';

interface PopupAppProps {
  loadBalance: () => Promise<Balance>;
  /** Builds and downloads the export; resolves with the file name. */
  exportJson: () => Promise<string>;
}

type ExportState = { kind: 'idle' | 'busy' } | { kind: 'done'; fileName: string } | { kind: 'error'; message: string };

export function PopupApp({ loadBalance, exportJson }: PopupAppProps) {
  const [balance, setBalance] = useState<Balance | null>(null);
  const [loadError, setLoadError] = useState('');
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });

  useEffect(() => {
    loadBalance().then(setBalance, (error: unknown) => setLoadError(String(error)));
  }, []);

  async function onExport() {
    setExportState({ kind: 'busy' });
    try {
      setExportState({ kind: 'done', fileName: await exportJson() });
    } catch (error) {
      setExportState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <main class="popup">
      <header>
        <h1>Kindred</h1>
        <p class="tagline">Why your network exists</p>
      </header>
      {loadError ? (
        <p class="error" role="alert">
          Kindred could not read its data: {loadError}
        </p>
      ) : balance ? (
        <BalanceView balance={balance} />
      ) : (
        <p class="muted">Loading…</p>
      )}
      <footer>
        <button type="button" class="primary" onClick={onExport} disabled={exportState.kind === 'busy'}>
          Export JSON
        </button>
        <p class="muted" role="status">
          {exportState.kind === 'done'
            ? `Saved ${exportState.fileName}`
            : exportState.kind === 'error'
              ? `Export failed: ${exportState.message}`
              : 'Your data stays on this computer.'}
        </p>
      </footer>
    </main>
  );
}
