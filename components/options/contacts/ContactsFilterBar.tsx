import { i18n } from '#i18n';
import { formatNumber } from '../../../lib/i18n';
import type { ContactFilter } from '../../../lib/model/contact-query';
import { type Tag, tagsOf } from '../../../lib/model/taxonomy';

export type Filters = Required<ContactFilter>;

export const NO_FILTERS: Filters = { search: '', purpose: '', relationship: '', untaggedOnly: false };

interface ContactsFilterBarProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
  /** All tags, archived ones included: a contact may still carry an archived tag. */
  taxonomy: Tag[];
  /** How many contacts pass the filters, and how many there are. */
  shown: number;
  total: number;
}

/** The search box, one tag filter per dimension, "untagged only", and the live count of what is shown. */
export function ContactsFilterBar({ filters, onChange, taxonomy, shown, total }: ContactsFilterBarProps) {
  return (
    <div class="ct-filters">
      <input
        type="search"
        class="ct-search"
        aria-label={i18n.t('contacts.searchLabel')}
        placeholder={i18n.t('contacts.searchPlaceholder')}
        value={filters.search}
        onInput={(event) => onChange({ search: event.currentTarget.value })}
      />
      <TagFilter
        label={i18n.t('contacts.purpose')}
        anyLabel={i18n.t('contacts.anyPurpose')}
        tags={tagsOf(taxonomy, 'purpose', { includeArchived: true })}
        value={filters.purpose}
        onChange={(purpose) => onChange({ purpose })}
      />
      <TagFilter
        label={i18n.t('contacts.relationship')}
        anyLabel={i18n.t('contacts.anyRelationship')}
        tags={tagsOf(taxonomy, 'relationship', { includeArchived: true })}
        value={filters.relationship}
        onChange={(relationship) => onChange({ relationship })}
      />
      <label class="ct-check-label">
        <input
          type="checkbox"
          checked={filters.untaggedOnly}
          onChange={(event) => onChange({ untaggedOnly: event.currentTarget.checked })}
        />
        {i18n.t('contacts.untaggedOnly')}
      </label>
      <p class="ct-count" role="status">
        {i18n.t('contacts.count', total, [formatNumber(shown), formatNumber(total)])}
      </p>
    </div>
  );
}

/** A select of one dimension's tags (archived ones marked), with "any" first. */
function TagFilter(props: {
  label: string;
  anyLabel: string;
  tags: Tag[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label class="ct-field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">{props.anyLabel}</option>
        {props.tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.archived ? i18n.t('contacts.archivedTag', [tag.label]) : tag.label}
          </option>
        ))}
      </select>
    </label>
  );
}
