import './style.css';
import { render } from 'preact';
import { uiLocale } from '../../lib/i18n';
import { browser } from 'wxt/browser';
import { exportJson, loadBalance, loadInsight, loadUnsavedSince } from '../../lib/protocol/page-client';
import { PopupApp } from '../../components/popup/PopupApp';

// The pages are written lang="en"; the texts come in the user's language (locales/*.yml).
document.documentElement.lang = uiLocale();

render(
  <PopupApp
    loadBalance={loadBalance}
    loadInsight={() => loadInsight(undefined, 3)}
    loadUnsavedSince={loadUnsavedSince}
    exportJson={exportJson}
    openOptions={() => void browser.runtime.openOptionsPage()}
  />,
  document.getElementById('app')!,
);
