import { useEffect, useState } from 'preact/hooks';
import type { Balance } from '../lib/balance';
import type { ImportMode, ImportReport } from '../lib/import-kindred';
import { BalanceView } from './BalanceView';
import { DeleteAll } from './DeleteAll';
import { ImportExport } from './ImportExport';

export interface OptionsData {
  loadBalance: () => Promise<Balance>;
  importKindred: (text: string, mode: ImportMode) => Promise<ImportReport>;
  exportJson: () => Promise<string>;
  exportCsv: () => Promise<string>;
  deleteAll: () => Promise<unknown>;
}

/** The full page: the network's balance, import and export, and deleting everything. */
export function OptionsApp({ data }: { data: OptionsData }) {
  const [balance, setBalance] = useState<Balance | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((n) => n + 1);

  useEffect(() => {
    void data.loadBalance().then(setBalance);
  }, [version]);

  const importAndReload = async (text: string, mode: ImportMode) => {
    const report = await data.importKindred(text, mode);
    reload();
    return report;
  };

  return (
    <main class="options">
      <header>
        <h1>Kindred</h1>
        <p class="muted">Why your network exists. Everything here stays in this browser.</p>
      </header>
      <section aria-labelledby="balance-heading" class="card">
        <h2 id="balance-heading">Balance</h2>
        {balance ? <BalanceView balance={balance} /> : <p class="muted">Loading…</p>}
      </section>
      <ImportExport
        contactCount={balance?.known ?? 0}
        importKindred={importAndReload}
        exportJson={data.exportJson}
        exportCsv={data.exportCsv}
      />
      <DeleteAll
        contactCount={balance?.known ?? 0}
        taggedCount={balance?.tagged ?? 0}
        deleteAll={data.deleteAll}
        onDeleted={reload}
      />
    </main>
  );
}
