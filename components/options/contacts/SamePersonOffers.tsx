import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { shortProfileAddress } from '../../../lib/model/same-person';
import { errorText } from '../../../lib/model/error-text';
import type { PageClient } from '../../../lib/protocol/page-client';
import { useWatch } from '../../shared/use-watch';

type Done =
  { kind: 'merged'; keep: string; other: string } | { kind: 'undone' } | { kind: 'error'; message: string } | null;

/**
 * Contacts kept twice (one LinkedIn member under two URLs, e.g. both visited before Kindred read member
 * ids): each offered for merging into the one seen last, with undo. Nothing shows when there are none.
 */
export function SamePersonOffers({
  client,
}: {
  client: Pick<PageClient, 'watchSamePerson' | 'mergeSamePerson' | 'undoSamePerson'>;
}) {
  const pairs = useWatch(
    () => client.watchSamePerson,
    [],
    () => undefined,
  );
  const [done, setDone] = useState<Done>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, after: Done) {
    setBusy(true);
    try {
      await action();
      setDone(after);
    } catch (error) {
      setDone({ kind: 'error', message: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  if (!pairs?.length && !done) return null;
  return (
    <div class="same-person-offers">
      {pairs && pairs.length > 0 && (
        <ul aria-label={i18n.t('samePerson.offersLabel')}>
          {pairs.map(({ keep, other }) => (
            <li key={`${keep.id} ${other.id}`}>
              {i18n.t('samePerson.offer', [keep.name, shortProfileAddress(keep.id), shortProfileAddress(other.id)])}{' '}
              <button
                type="button"
                disabled={busy}
                aria-label={i18n.t('samePerson.mergeLabel', [
                  shortProfileAddress(other.id),
                  shortProfileAddress(keep.id),
                ])}
                onClick={() =>
                  void run(() => client.mergeSamePerson({ contactId: keep.id, otherId: other.id }), {
                    kind: 'merged',
                    keep: keep.id,
                    other: other.id,
                  })
                }
              >
                {i18n.t('samePerson.mergeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status">
        {done?.kind === 'merged' && (
          <>
            {i18n.t('samePerson.merged', [shortProfileAddress(done.other)])}{' '}
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => client.undoSamePerson({ contactId: done.keep }), { kind: 'undone' })}
            >
              {i18n.t('samePerson.undoMerge')}
            </button>
          </>
        )}
        {done?.kind === 'undone' && i18n.t('contacts.undone')}
      </p>
      {done?.kind === 'error' && (
        <p role="alert" class="error">
          {done.message}
        </p>
      )}
    </div>
  );
}
