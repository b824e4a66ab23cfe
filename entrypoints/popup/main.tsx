import './style.css';
import { render } from 'preact';
import { downloadText } from '../../components/download';
import { PopupApp } from '../../components/PopupApp';
import { computeBalance } from '../../lib/balance';
import { openKindredDB } from '../../lib/db';
import { exportFileName } from '../../lib/export-format';
import { exportAll, loadBalanceInput } from '../../lib/store';

const db = openKindredDB();

async function loadBalance() {
  const { input, taxonomy } = await loadBalanceInput(db);
  return computeBalance(input, taxonomy);
}

async function exportJson() {
  const now = new Date();
  const fileName = exportFileName(now);
  downloadText(fileName, JSON.stringify(await exportAll(db, now), null, 2));
  return fileName;
}

render(<PopupApp loadBalance={loadBalance} exportJson={exportJson} />, document.getElementById('app')!);
