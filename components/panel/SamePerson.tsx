import { i18n } from '#i18n';
import { shortProfileAddress } from '../../lib/model/same-person';
import type { ContactView } from '../../lib/storage/contact-view';

/**
 * One person under two LinkedIn addresses (the same member id): the offer to merge the other contact
 * into this one, or the move or merge Kindred just made, with its undo; on an old address of the person,
 * where Kindred keeps them now.
 */
export function SamePerson({
  view,
  onMerge,
  onUndo,
}: {
  view: ContactView;
  onMerge: (otherId: string) => void;
  onUndo: () => void;
}) {
  const change = view.samePersonChange;
  const other = view.samePerson;
  return (
    <>
      {view.knownAs && (
        <p class="merged known-as" role="note">
          {i18n.t('formerAddress.knownAs', [shortProfileAddress(view.knownAs)])}
        </p>
      )}
      {change && (
        <p class="merged same-person-change" role="note">
          {change.kind === 'moved'
            ? i18n.t('samePerson.moved', [shortProfileAddress(change.from)])
            : i18n.t('samePerson.merged', [shortProfileAddress(change.from)])}{' '}
          <button type="button" class="undo-same-person" onClick={onUndo}>
            {change.kind === 'moved' ? i18n.t('samePerson.undoMove') : i18n.t('samePerson.undoMerge')}
          </button>
        </p>
      )}
      {other && (
        <div
          class="namesake same-person"
          role="group"
          aria-labelledby="kindred-same-person-q"
          aria-describedby="kindred-same-person-hint"
        >
          <p id="kindred-same-person-q">{i18n.t('samePerson.question', [other.name, shortProfileAddress(other.id)])}</p>
          <p id="kindred-same-person-hint" class="muted">
            {i18n.t('samePerson.hint')}
          </p>
          <div class="actions">
            <button type="button" class="merge-same-person" onClick={() => onMerge(other.id)}>
              {i18n.t('samePerson.merge')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
