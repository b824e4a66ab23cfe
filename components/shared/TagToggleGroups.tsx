import { i18n } from '#i18n';
import { type Contact, type TagField, tagField } from '../../lib/model/contact';
import { DIMENSIONS, type Dimension, type Tag, tagsOf } from '../../lib/model/taxonomy';
import { TagButton } from './TagButton';

interface TagToggleGroupsProps {
  /** The panel's groups sit under its h2; the untagged queue's under the person's name, an h3. */
  surface: 'panel' | 'queue';
  taxonomy: readonly Tag[];
  /** Whose tags are pressed; none while there is no one. */
  selected: Pick<Contact, TagField> | null;
  /** The key that toggles each tag, shown on its button. */
  shortcuts: ReadonlyMap<string, string>;
  onToggle: (tag: Tag, on: boolean) => void;
}

/** Every active tag as a toggle, purposes then relationships, each dimension a named group under its heading. */
export function TagToggleGroups({ surface, taxonomy, selected, shortcuts, onToggle }: TagToggleGroupsProps) {
  const queue = surface === 'queue';
  const Heading = queue ? 'h4' : 'h3';
  return (
    <>
      {DIMENSIONS.map((dimension) => {
        const heading = headingOf(surface, dimension);
        const pressed = selected ? selected[tagField(dimension)] : [];
        return (
          <div key={dimension} class={queue ? 'uq-group' : undefined} role="group" aria-label={heading}>
            <Heading class={queue ? undefined : 'label'}>{heading}</Heading>
            <div class={queue ? 'uq-tags' : 'tags'}>
              {tagsOf(taxonomy, dimension).map((tag) => (
                <TagButton
                  key={tag.id}
                  tag={tag}
                  pressed={pressed.includes(tag.id)}
                  shortcut={shortcuts.get(tag.id)}
                  onToggle={onToggle}
                />
              ))}
            </div>
          </div>
        );
      })}
    </>
  );
}

function headingOf(surface: 'panel' | 'queue', dimension: Dimension): string {
  if (surface === 'queue') return dimension === 'purpose' ? i18n.t('queue.purposes') : i18n.t('queue.relationships');
  return dimension === 'purpose' ? i18n.t('panel.purposes') : i18n.t('panel.relationships');
}
