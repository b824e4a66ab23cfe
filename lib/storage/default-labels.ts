import { DEFAULT_TAXONOMY, type Tag } from '../model/taxonomy';
import type { KindredDB } from './db';
import { isShippedDefaultText } from '../model/default-tag-texts';

/**
 * Default tags follow the browser's language until the person renames them: an untouched default
 * tag is stored with an empty label and description, and read in the language of the page reading it
 * (`db.defaultTaxonomy()`). A label or description written equal to the default one (in the current
 * language or in any language Kindred shipped it in, e.g. an export being imported again) is stored empty as well, so an export
 * (which writes labels as shown) imports back to the same stored tags.
 *
 * Databases created before this stored the labels; the version 10 migration (./db.ts) empties the ones
 * equal to a default.
 */
export function followDefaultLabels(db: KindredDB): void {
  const defaults = () => new Map(db.defaultTaxonomy().map((tag) => [tag.id, tag]));
  const english = new Map(DEFAULT_TAXONOMY.map((tag) => [tag.id, tag]));
  const isDefault = (id: string, field: 'label' | 'description', value: unknown) =>
    typeof value === 'string' &&
    (value === defaults().get(id)?.[field] ||
      value === english.get(id)?.[field] ||
      isShippedDefaultText(id, field, value));

  db.taxonomy.hook('reading', (tag: Tag) => {
    if (!tag || (tag.label !== '' && tag.description !== '')) return tag;
    const shown = defaults().get(tag.id) ?? english.get(tag.id);
    if (!shown) return tag;
    return {
      ...tag,
      label: tag.label === '' ? shown.label : tag.label,
      description: tag.description === '' ? shown.description : tag.description,
    };
  });
  // Writes go through a middleware rather than the creating and updating hooks: those change the very
  // object a caller passed (e.g. the shared default tags), this stores changed copies.
  db.use({
    stack: 'dbcore',
    name: 'defaultLabels',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'taxonomy') return table;
        return {
          ...table,
          mutate(request) {
            if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
            const values = (request.values as Tag[]).map((tag) =>
              isDefault(tag.id, 'label', tag.label) || isDefault(tag.id, 'description', tag.description)
                ? {
                    ...tag,
                    label: isDefault(tag.id, 'label', tag.label) ? '' : tag.label,
                    description: isDefault(tag.id, 'description', tag.description) ? '' : tag.description,
                  }
                : tag,
            );
            return table.mutate({ ...request, values });
          },
        };
      },
    }),
  });
}
