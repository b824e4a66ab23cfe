import '../popup/style.css';
import './style.css';
import { render } from 'preact';
import { uiLocale } from '../../lib/i18n';
import * as client from '../../lib/protocol/page-client';
import { OptionsApp } from '../../components/options/OptionsApp';

// The pages are written lang="en"; the texts come in the user's language (locales/*.yml).
document.documentElement.lang = uiLocale();

render(
  <OptionsApp
    initialTab={location.hash.slice(1)}
    data={{
      loadBalance: client.loadBalance,
      loadInsight: client.loadInsight,
      loadContacts: client.loadContacts,
      loadTaxonomy: client.loadAllTags,
      importKindred: client.importKindred,
      importConnections: client.importConnections,
      exportJson: client.exportJson,
      exportCsv: client.exportCsv,
      deleteAll: client.deleteAllData,
      setTag: client.setTag,
      bulkSetTag: client.bulkSetTag,
      setNote: client.setNote,
      deleteContact: client.deleteContact,
      addTag: client.addTag,
      updateTag: client.updateTag,
      reorderTags: client.reorderTags,
    }}
  />,
  document.getElementById('app')!,
);
