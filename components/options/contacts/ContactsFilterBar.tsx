import { i18n } from '#i18n';
import { formatNumber } from '../../../lib/i18n';
import type { ContactFilter } from '../../../lib/model/contact-query';
import { DIMENSIONS, type Dimension, type Tag, tagsOf } from '../../../lib/model/taxonomy';
import { TagOptions, dimensionLabel } from './TagOptions';

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
      {DIMENSIONS.map((dimension) => (
        <TagFilter
          key={dimension}
          dimension={dimension}
          taxonomy={taxonomy}
          value={filters[dimension]}
          onChange={onChange}
        />
      ))}
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
  dimension: Dimension;
  taxonomy: Tag[];
  value: string;
  onChange: (change: Partial<Filters>) => void;
}) {
  const { dimension } = props;
  const anyLabel = dimension === 'purpose' ? i18n.t('contacts.anyPurpose') : i18n.t('contacts.anyRelationship');
  return (
    <label class="ct-field">
      <span>{dimensionLabel(dimension)}</span>
      <select value={props.value} onChange={(event) => props.onChange({ [dimension]: event.currentTarget.value })}>
        <option value="">{anyLabel}</option>
        <TagOptions tags={tagsOf(props.taxonomy, dimension, { includeArchived: true })} />
      </select>
    </label>
  );
}
