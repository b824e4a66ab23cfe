import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDB } from '../../../tests/support/db-helpers';
import { clientOnDatabase } from '../../../tests/support/fake-client';
import { useLocale } from '../../../tests/support/test-i18n';
import type { KindredDB } from '../../../lib/storage/db';
import type { PageClient } from '../../../lib/protocol/page-client';
import { useWatch } from '../../shared/use-watch';
import { TaxonomyEditor } from './TaxonomyEditor';

let db: KindredDB;
afterEach(() => {
  cleanup();
  db.close();
});

function Page({ client }: { client: PageClient }) {
  const taxonomy = useWatch(
    () => client.watchTaxonomy,
    [],
    (error) => {
      throw error;
    },
  );
  return taxonomy ? <TaxonomyEditor taxonomy={taxonomy} client={client} /> : <p>Loading…</p>;
}

const rhythm = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('a tag’s keep-in-touch rhythm on the Tags tab', () => {
  it('shows the defaults and saves a change or none', async () => {
    db = freshDB();
    render(<Page client={clientOnDatabase(db)} />);
    await screen.findByRole('combobox', { name: 'Keep in touch with Mentor' });
    expect(rhythm('Keep in touch with Mentor').value).toBe('90');
    expect(rhythm('Keep in touch with Way-shower').value).toBe('180');
    expect(rhythm('Keep in touch with Peer').value).toBe('60');
    expect(rhythm('Keep in touch with Industry contact').value).toBe('');
    expect(rhythm('Keep in touch with Shared purpose').value).toBe('');
    expect(rhythm('Keep in touch with Mentor').selectedOptions[0]!.textContent).toBe('Every 90 days');

    fireEvent.change(rhythm('Keep in touch with Industry contact'), { target: { value: '365' } });
    await waitFor(async () => expect((await db.taxonomy.get('industry'))?.rhythmDays).toBe(365));
    fireEvent.change(rhythm('Keep in touch with Mentor'), { target: { value: '' } });
    await waitFor(async () => expect((await db.taxonomy.get('mentor'))?.rhythmDays).toBeUndefined());
    await waitFor(() => expect(rhythm('Keep in touch with Mentor').value).toBe(''));
  });

  it('speaks Dutch', async () => {
    useLocale('nl');
    db = freshDB();
    render(<Page client={clientOnDatabase(db)} />);
    const select = await screen.findByRole('combobox', { name: 'Contact houden met Mentor' });
    expect((select as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Elke 90 dagen');
  });
});
