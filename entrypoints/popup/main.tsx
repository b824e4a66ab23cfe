import '../../components/shared/theme.css';
import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { uiLocale } from '../../lib/i18n';
import { openPageClient } from '../../lib/protocol/page-client';
import { PopupApp } from '../../components/popup/PopupApp';

// The pages are written lang="en"; the texts come in the user's language (locales/*.yml).
document.documentElement.lang = uiLocale();

render(
  <PopupApp client={openPageClient()} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
