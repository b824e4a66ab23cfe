import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { PageClient } from '../../lib/protocol/page-client';
import { useWatch } from '../shared/use-watch';
import { BalanceView } from '../shared/BalanceView';
import { CompanySpreadView } from '../shared/CompanySpreadView';
import { ConnectionsImport } from './data/ConnectionsImport';
import { ContactsTable } from './contacts/ContactsTable';
import { SamePersonOffers } from './contacts/SamePersonOffers';
import { DeleteAll } from './data/DeleteAll';
import { SafetyNet } from './data/SafetyNet';
import { SyncSettings } from './data/SyncSettings';
import { ImportExport } from './data/ImportExport';
import { PageHeader } from '../shared/PageHeader';
import { ReconnectList } from '../shared/ReconnectList';
import { type TabDef, Tabs } from '../shared/Tabs';
import { TaxonomyEditor } from './tags/TaxonomyEditor';
import { UntaggedQueue } from './queue/UntaggedQueue';
import { LayoutHealthNotice } from './LayoutHealthNotice';
import type { Filters } from './contacts/ContactsFilterBar';
import { Welcome } from './Welcome';
import { GuidedReview } from './review/GuidedReview';
import { PurposeEditor } from './overview/PurposeEditor';
import { BalanceTrend } from './overview/BalanceTrend';
import { PurposeLine } from '../shared/PurposeLine';
import { Diagnosis } from '../shared/Diagnosis';
import { SHARED_PURPOSE_ID, onMission } from '../../lib/model/review';

const TAB_IDS = ['overview', 'review', 'contacts', 'queue', 'tags', 'data'] as const;
/** The hash that opens the page on the welcome (on install, and from the link at the page's foot). */
const WELCOME = 'welcome';

/** The tabs with their labels in the user's language. */
function tabs(): TabDef[] {
  const labels: Record<(typeof TAB_IDS)[number], string> = {
    overview: i18n.t('options.tabs.overview'),
    review: i18n.t('review.tab'),
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
  const [welcome, setWelcome] = useState(initialTab === WELCOME);
  /** The contacts tab's filter when another tab sends the person there (the people on your mission). */
  const [contactsFilter, setContactsFilter] = useState<Partial<Filters> | undefined>(undefined);
  const onError = (failure: unknown) => setError(String(failure));

  useEffect(() => {
    const onHash = () => {
      const hash = location.hash.slice(1);
      if (hash === WELCOME) setWelcome(true);
      else if (TAB_IDS.some((id) => id === hash)) setTab(hash);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  function select(id: string) {
    setTab(id);
    if (id !== 'contacts') setContactsFilter(undefined);
    history.replaceState(null, '', `#${id}`);
  }

  function closeWelcome(next: string) {
    setWelcome(false);
    select(next);
    document.getElementById(`tab-${next}`)?.focus();
  }

  return (
    <main class="options">
      <PageHeader tagline={i18n.t('options.tagline')} taglineClass="muted" />
      {error && (
        <p role="alert" class="error">
          {i18n.t('common.loadError', [error])}
        </p>
      )}
      {welcome && <Welcome onDismiss={() => closeWelcome(tab)} onImport={() => closeWelcome('data')} />}
      <Tabs tabs={tabs()} selected={tab} onSelect={select}>
        {tab === 'overview' ? (
          <OverviewTab
            client={client}
            onError={onError}
            onShowMission={() => {
              select('contacts');
              setContactsFilter({ purpose: SHARED_PURPOSE_ID });
            }}
          />
        ) : tab === 'review' ? (
          <ReviewTab client={client} onError={onError} />
        ) : tab === 'contacts' ? (
          <ContactsTab client={client} onError={onError} initialFilter={contactsFilter} />
        ) : tab === 'queue' ? (
          <QueueTab client={client} onError={onError} />
        ) : tab === 'tags' ? (
          <TagsTab client={client} onError={onError} />
        ) : (
          <DataTab client={client} onError={onError} />
        )}
      </Tabs>
      <footer class="options-foot">
        <button
          type="button"
          class="link"
          onClick={() => {
            setWelcome(true);
            history.replaceState(null, '', `#${WELCOME}`);
          }}
        >
          {i18n.t('welcome.reopen')}
        </button>
      </footer>
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

function OverviewTab({ client, onError, onShowMission }: TabProps & { onShowMission: () => void }) {
  const balance = useWatch(() => client.watchBalance, [], onError);
  const insight = useWatch(() => client.watchInsight, [], onError);
  const health = useWatch(() => client.watchLayoutHealth, [], onError);
  const statement = useWatch(() => client.watchPurposeStatement, [], onError);
  const snapshots = useWatch(() => client.watchBalanceSnapshots, [], onError);
  // This month's balance is noted the first time a Kindred page notices the month (once per month).
  useEffect(() => void client.recordBalanceSnapshot({}).catch(() => undefined), []);
  if (!balance || !insight || statement === undefined || !snapshots) return <Loading />;
  return (
    <div class="overview">
      {health && health.length > 0 && <LayoutHealthNotice warnings={health} />}
      <div class="card purpose-card">
        <PurposeLine statement={statement} onMission={onMission(balance)} onShow={onShowMission} />
        <PurposeEditor statement={statement} client={client} />
        <Diagnosis balance={balance} id="overview-diagnosis" />
      </div>
      <section class="card" aria-labelledby="balance-heading">
        <h2 id="balance-heading">{i18n.t('options.balance.heading')}</h2>
        <BalanceView balance={balance} />
      </section>
      <div class="card">
        <ReconnectList client={client} onError={onError} />
      </div>
      <div class="card">
        <CompanySpreadView spread={insight.spread} />
      </div>
      <div class="card">
        <BalanceTrend snapshots={snapshots} />
      </div>
    </div>
  );
}

/** The guided review (seed 001): every contact, the tags, and the balance for the diagnosis at the end. */
function ReviewTab(props: TabProps) {
  const data = useContactsAndTaxonomy(props);
  const balance = useWatch(() => props.client.watchBalance, [], props.onError);
  if (!data || !balance) return <Loading />;
  return (
    <div class="card">
      <h2>{i18n.t('review.heading')}</h2>
      <p class="muted">{i18n.t('review.intro')}</p>
      <GuidedReview {...data} balance={balance} client={props.client} />
    </div>
  );
}

/** Every contact and the taxonomy, for the contacts table and the queue; undefined until both are read. */
function useContactsAndTaxonomy({ client, onError }: TabProps) {
  const contacts = useWatch(() => client.watchContacts, [], onError);
  const taxonomy = useWatch(() => client.watchTaxonomy, [], onError);
  return contacts && taxonomy ? { contacts, taxonomy } : undefined;
}

function ContactsTab(props: TabProps & { initialFilter?: Partial<Filters> }) {
  const data = useContactsAndTaxonomy(props);
  if (!data) return <Loading />;
  return (
    <section class="card" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{i18n.t('options.contacts.heading')}</h2>
      <SamePersonOffers client={props.client} />
      <ContactsTable {...data} client={props.client} initialFilter={props.initialFilter} />
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
