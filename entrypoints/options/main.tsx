import '../../components/shared/theme.css';
import './style.css';
import { render } from 'preact';
import { uiLocale } from '../../lib/i18n';
import { openPageClient } from '../../lib/protocol/page-client';
import { OptionsApp } from '../../components/options/OptionsApp';

// The pages are written lang="en"; the texts come in the user's language (locales/*.yml).
document.documentElement.lang = uiLocale();

render(<OptionsApp initialTab={location.hash.slice(1)} client={openPageClient()} />, document.getElementById('app')!);
