import '../popup/style.css';
import './style.css';
import { render } from 'preact';
import { deleteAllData, exportCsv, exportJson, importKindred, loadBalance } from '../../app/page-client';
import { OptionsApp } from '../../components/OptionsApp';

render(
  <OptionsApp data={{ loadBalance, importKindred, exportJson, exportCsv, deleteAll: deleteAllData }} />,
  document.getElementById('app')!,
);
