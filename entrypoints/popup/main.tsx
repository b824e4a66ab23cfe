import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { exportJson, loadBalance, loadInsight, loadUnsavedSince } from '../../app/page-client';
import { PopupApp } from '../../components/PopupApp';

render(
  <PopupApp
    loadBalance={loadBalance}
    loadInsight={() => loadInsight()}
    loadUnsavedSince={loadUnsavedSince}
    exportJson={exportJson}
    openOptions={() => void browser.runtime.openOptionsPage()}
  />,
  document.getElementById('app')!,
);
