import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { PageClient } from '../../lib/protocol/page-client';
import { useWatch } from '../shared/use-watch';
import { BalanceView } from '../shared/BalanceView';
import { CompanySpreadView } from '../shared/CompanySpreadView';
import { ConnectionsImport } from './data/ConnectionsImport';
import { ContactsTable } from './contacts/ContactsTable';
import { DeleteAll } from './data/DeleteAll';
import { SafetyNet } from './data/SafetyNet';
import { SyncSettings } from './data/SyncSettings';
import { ImportExport } from './data/ImportExport';
import { PageHeader } from '../shared/PageHeader';
import { ReconnectList } from '../shared/ReconnectList';
import { type TabDef, Tabs } from '../shared/Tabs';
import { TaxonomyEditor } from './tags/TaxonomyEditor';
import { UntaggedQueue } from './queue/UntaggedQueue';
import { DEFAULT_RECONNECT_DAYS } from '../../lib/model/reconnect';
import { LayoutHealthNotice } from './LayoutHealthNotice';

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

/** The full page: balance and reconnect list, every contact, the untagged queue, tags, and data. */
export function OptionsApp({ client, initialTab }: { client: PageClient; initialTab?: string }) {
  const [tab, setTab] = useState<string>(TAB_IDS.some((id) => id === initialTab) ? initialTab! : 'overview');
  const [error, setError] = useState('');
  const onError = (failure: unknown) => setError(String(failure));

  function select(id: string) {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
  }

  return (
    <main class="options">
      <PageHeader tagline={i18n.t('options.tagline')} taglineClass="muted" />
      {error && (
        <p role="alert" class="error">
          {i18n.t('common.loadError', [error])}
        </p>
      )}
      <Tabs tabs={tabs()} selected={tab} onSelect={select}>
        {tab === 'overview' ? (
          <OverviewTab client={client} onError={onError} />
        ) : tab === 'contacts' ? (
          <ContactsTab client={client} onError={onError} />
        ) : tab === 'queue' ? (
          <QueueTab client={client} onError={onError} />
        ) : tab === 'tags' ? (
          <TagsTab client={client} onError={onError} />
        ) : (
          <DataTab client={client} onError={onError} />
        )}
      </Tabs>
    </main>
  );
}

/**
 * Each tab watches only what it shows, so a change re-reads only that: a tag in the queue does not
 * re-run the overview's reconnect list, an import on the data tab does not re-read every contact.
 */
interface TabProps {
  client: PageClient;
  onError: (error: unknown) => void;
}

const Loading = () => <p class="muted">{i18n.t('common.loading')}</p>;

function OverviewTab({ client, onError }: TabProps) {
  const [days, setDays] = useState(DEFAULT_RECONNECT_DAYS);
  const balance = useWatch(() => client.watchBalance, [], onError);
  const insight = useWatch(() => client.watchInsight(days), [days], onError);
  const health = useWatch(() => client.watchLayoutHealth, [], onError);
  if (!balance || !insight) return <Loading />;
  return (
    <div class="overview">
      {health && health.length > 0 && <LayoutHealthNotice warnings={health} />}
      <section class="card" aria-labelledby="balance-heading">
        <h2 id="balance-heading">{i18n.t('options.balance.heading')}</h2>
        <BalanceView balance={balance} />
      </section>
      <div class="card">
        <ReconnectList {...insight.reconnect} days={days} onDaysChange={setDays} />
      </div>
      <div class="card">
        <CompanySpreadView spread={insight.spread} />
      </div>
    </div>
  );
}

/** Every contact and the taxonomy, for the contacts table and the queue; undefined until both are read. */
function useContactsAndTaxonomy({ client, onError }: TabProps) {
  const contacts = useWatch(() => client.watchContacts, [], onError);
  const taxonomy = useWatch(() => client.watchTaxonomy, [], onError);
  return contacts && taxonomy ? { contacts, taxonomy } : undefined;
}

function ContactsTab(props: TabProps) {
  const data = useContactsAndTaxonomy(props);
  if (!data) return <Loading />;
  return (
    <section class="card" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{i18n.t('options.contacts.heading')}</h2>
      <ContactsTable {...data} client={props.client} />
    </section>
  );
}

function QueueTab(props: TabProps) {
  const data = useContactsAndTaxonomy(props);
  if (!data) return <Loading />;
  return (
    // The queue is a named region itself; the card only adds the heading.
    <div class="card">
      <h2>{i18n.t('options.queue.heading')}</h2>
      <p class="muted">{i18n.t('options.queue.intro')}</p>
      <UntaggedQueue {...data} client={props.client} />
    </div>
  );
}

function TagsTab({ client, onError }: TabProps) {
  const taxonomy = useWatch(() => client.watchTaxonomy, [], onError);
  return taxonomy ? <TaxonomyEditor taxonomy={taxonomy} client={client} /> : <Loading />;
}

function DataTab({ client, onError }: TabProps) {
  const balance = useWatch(() => client.watchBalance, [], onError);
  const sync = useWatch(() => client.watchSync, [], onError);
  if (!balance) return <Loading />;
  return (
    <>
      <ImportExport contactCount={balance.known} client={client} syncOn={sync?.enabled} />
      <ConnectionsImport client={client} />
      <SyncSettings client={client} />
      <DeleteAll contactCount={balance.known} taggedCount={balance.tagged} client={client} syncOn={sync?.enabled} />
      <SafetyNet client={client} />
    </>
  );
}
