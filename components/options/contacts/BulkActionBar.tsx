import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../../lib/i18n';
import { DIMENSIONS, type Tag, tagsOf } from '../../../lib/model/taxonomy';
import { TagOptions, dimensionLabel } from './TagOptions';

interface BulkActionBarProps {
  /** Selected contacts that still exist, and how many of them the filters hide. */
  selectedCount: number;
  hiddenCount: number;
  taxonomy: Tag[];
  busy: boolean;
  onApply: (tag: Tag, on: boolean) => void;
  onClear: () => void;
}

/**
 * Puts a tag on, or takes it off, every selected contact. Shown only while something is selected, but
 * stays mounted so the chosen tag is still there for the next selection.
 */
export function BulkActionBar({ selectedCount, hiddenCount, taxonomy, busy, onApply, onClear }: BulkActionBarProps) {
  const [tagId, setTagId] = useState('');
  if (selectedCount === 0) return null;
  // Any tag in the taxonomy, archived included, in case the chosen one was archived meanwhile.
  const tag = taxonomy.find((candidate) => candidate.id === tagId);
  const apply = (on: boolean) => tag && onApply(tag, on);
  return (
    <div class="ct-bulk" role="group" aria-label={i18n.t('contacts.bulk.label')}>
      <strong>
        {i18n.t('contacts.bulk.selected', [formatNumber(selectedCount)])}
        {hiddenCount > 0 && (
          <span class="ct-muted"> {i18n.t('contacts.bulk.notShown', [formatNumber(hiddenCount)])}</span>
        )}
      </strong>
      <label class="ct-field">
        <span>{i18n.t('contacts.bulk.tag')}</span>
        <select value={tagId} onChange={(event) => setTagId(event.currentTarget.value)}>
          <option value="">{i18n.t('contacts.bulk.chooseTag')}</option>
          {DIMENSIONS.map((dimension) => (
            <optgroup key={dimension} label={dimensionLabel(dimension)}>
              <TagOptions tags={tagsOf(taxonomy, dimension)} />
            </optgroup>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy || !tag} onClick={() => apply(true)}>
        {i18n.t('contacts.bulk.add')}
      </button>
      <button type="button" disabled={busy || !tag} onClick={() => apply(false)}>
        {i18n.t('contacts.bulk.remove')}
      </button>
      <button type="button" class="ct-link-button" onClick={onClear}>
        {i18n.t('contacts.bulk.clear')}
      </button>
    </div>
  );
}

/** What a bulk change did: how many changed, and how many already had (or did not have) the tag. */
export function bulkResultText(tag: Tag, on: boolean, changed: number, total: number): string {
  const unchanged = total - changed;
  const done = on
    ? i18n.t('contacts.bulk.added', [tag.label, contactsText(changed)])
    : i18n.t('contacts.bulk.removed', [tag.label, contactsText(changed)]);
  const rest =
    unchanged === 0
      ? ''
      : on
        ? i18n.t('contacts.bulk.alreadyHad', unchanged, [formatNumber(unchanged)])
        : i18n.t('contacts.bulk.didNotHave', unchanged, [formatNumber(unchanged)]);
  return rest ? `${done} ${rest}` : done;
}

function contactsText(n: number): string {
  return i18n.t('common.contacts', n, [formatNumber(n)]);
}
