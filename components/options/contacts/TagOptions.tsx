import { i18n } from '#i18n';
import type { Dimension, Tag } from '../../../lib/model/taxonomy';

/** A dimension's name, as the tag filters and the bulk action's groups of tags show it. */
export function dimensionLabel(dimension: Dimension): string {
  return dimension === 'purpose' ? i18n.t('contacts.purpose') : i18n.t('contacts.relationship');
}

/** One option a tag, archived ones marked, for the selects of tags. */
export function TagOptions({ tags }: { tags: Tag[] }) {
  return (
    <>
      {tags.map((tag) => (
        <option key={tag.id} value={tag.id}>
          {tag.archived ? i18n.t('contacts.archivedTag', [tag.label]) : tag.label}
        </option>
      ))}
    </>
  );
}
