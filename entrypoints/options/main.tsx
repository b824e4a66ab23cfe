import '../../components/shared/theme.css';
import './style.css';
import { render } from 'preact';
import { uiLocale } from '../../lib/i18n';
import { openPageClient } from '../../lib/protocol/page-client';
import { OptionsApp } from '../../components/options/OptionsApp';

// The pages are written lang="en"; the texts come in the user's language (locales/*.yml).
document.documentElement.lang = uiLocale();

// Asks the browser to keep Kindred's data under storage pressure (a Window API, so here and not in the
// background). Chrome grants it to an extension with `unlimitedStorage` without asking; Firefox grants
// extensions with `unlimitedStorage` persistent storage itself (see wxt.config.ts). The Data tab shows
// the outcome (navigator.storage.persisted()).
void navigator.storage?.persist?.().catch(() => undefined);

render(<OptionsApp initialTab={location.hash.slice(1)} client={openPageClient()} />, document.getElementById('app')!);
