import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Balance } from '../../lib/model/balance';
import type { Contact } from '../../lib/model/contact';
import type { OptionsData } from './options-data';
import { BalanceView } from '../shared/BalanceView';
import { CompanySpreadView } from '../shared/CompanySpreadView';
import { ConnectionsImport } from './data/ConnectionsImport';
import { ContactsTable } from './contacts/ContactsTable';
import { DeleteAll } from './data/DeleteAll';
import { ImportExport } from './data/ImportExport';
import type { Insight } from '../popup/PopupApp';
import { ReconnectList } from '../shared/ReconnectList';
import { type TabDef, Tabs } from '../shared/Tabs';
import { TaxonomyEditor } from './tags/TaxonomyEditor';
import { UntaggedQueue } from './queue/UntaggedQueue';
import { DEFAULT_RECONNECT_DAYS } from '../../lib/model/reconnect';
import type { Tag } from '../../lib/model/taxonomy';

const TAB_IDS = ['overview', 'contacts', 'queue', 'tags', 'data'] as const;

/** The tabs with their labels in the user's language. */
function tabs(): TabDef[] {
  const labels: Record<(typeof TAB_IDS)[number], string> = {
    overview: i18n.t('options.tabs.overview'),
    contacts: i18n.t('options.tabs.contacts'),
    queue: i18n.t('options.tabs.queue'),
    tags: i18n.t('options.tabs.tags'),
    data: i18n.t('options.tabs.data'),
  };
  return TAB_IDS.map((id) => ({ id, label: labels[id] }));
}

interface Loaded {
  balance: Balance;
  insight: Insight;
  contacts: Contact[];
  taxonomy: Tag[];
}

/** The full page: balance and reconnect list, every contact, the untagged queue, tags, and data. */
export function OptionsApp({ data, initialTab }: { data: OptionsData; initialTab?: string }) {
  const [tab, setTab] = useState<string>(TAB_IDS.some((id) => id === initialTab) ? initialTab! : 'overview');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [days, setDays] = useState(DEFAULT_RECONNECT_DAYS);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((n) => n + 1);

  useEffect(() => {
    Promise.all([data.loadBalance(), data.loadInsight(days), data.loadContacts(), data.loadTaxonomy()]).then(
      ([balance, insight, contacts, taxonomy]) => setLoaded({ balance, insight, contacts, taxonomy }),
      (failure: unknown) => setError(String(failure)),
    );
  }, [version, days]);

  function select(id: string) {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
  }

  const after =
    <A extends unknown[], R>(action: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await action(...args);
      reload();
      return result;
    };

  return (
    <main class="options">
      <header>
        <h1>{i18n.t('app.name')}</h1>
        <p class="muted">{i18n.t('options.tagline')}</p>
      </header>
      {error && (
        <p role="alert" class="error">
          {i18n.t('common.loadError', [error])}
        </p>
      )}
      <Tabs tabs={tabs()} selected={tab} onSelect={select}>
        {!loaded ? (
          <p class="muted">{i18n.t('common.loading')}</p>
        ) : tab === 'overview' ? (
          <div class="overview">
            <section class="card" aria-labelledby="balance-heading">
              <h2 id="balance-heading">{i18n.t('options.balance.heading')}</h2>
              <BalanceView balance={loaded.balance} />
            </section>
            <div class="card">
              <ReconnectList {...loaded.insight.reconnect} days={days} onDaysChange={setDays} />
            </div>
            <div class="card">
              <CompanySpreadView spread={loaded.insight.spread} />
            </div>
          </div>
        ) : tab === 'contacts' ? (
          <section class="card" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{i18n.t('options.contacts.heading')}</h2>
            <ContactsTable
              contacts={loaded.contacts}
              taxonomy={loaded.taxonomy}
              bulkSetTag={data.bulkSetTag}
              setNote={data.setNote}
              deleteContact={data.deleteContact}
              onChanged={reload}
            />
          </section>
        ) : tab === 'queue' ? (
          // The queue is a named region itself; the card only adds the heading.
          <div class="card">
            <h2>{i18n.t('options.queue.heading')}</h2>
            <p class="muted">{i18n.t('options.queue.intro')}</p>
            <UntaggedQueue contacts={loaded.contacts} taxonomy={loaded.taxonomy} setTag={data.setTag} onChanged={reload} />
          </div>
        ) : tab === 'tags' ? (
          <TaxonomyEditor
            taxonomy={loaded.taxonomy}
            addTag={data.addTag}
            updateTag={data.updateTag}
            reorderTags={data.reorderTags}
            onChanged={reload}
          />
        ) : (
          <>
            <ImportExport
              contactCount={loaded.balance.known}
              importKindred={after(data.importKindred)}
              exportJson={data.exportJson}
              exportCsv={data.exportCsv}
            />
            <ConnectionsImport importConnections={after(data.importConnections)} />
            <DeleteAll
              contactCount={loaded.balance.known}
              taggedCount={loaded.balance.tagged}
              deleteAll={data.deleteAll}
              onDeleted={reload}
            />
          </>
        )}
      </Tabs>
    </main>
  );
}
