import type { Contact } from '../../lib/model/contact';
import { isTypingTarget, tagShortcuts } from '../../lib/model/tag-keys';
import type { Dimension, Tag } from '../../lib/model/taxonomy';
import { TagToggleGroups } from '../shared/TagToggleGroups';

interface TagTogglesProps {
  taxonomy: Tag[];
  contact: Contact | null;
  onToggle: (tag: Tag, on: boolean) => void;
}

/** Every tag as a toggle, purposes then relationships, each showing the key that toggles it. */
export function TagToggles({ taxonomy, contact, onToggle }: TagTogglesProps) {
  return (
    <TagToggleGroups
      surface="panel"
      taxonomy={taxonomy}
      selected={contact}
      shortcuts={tagShortcuts(taxonomy)}
      onToggle={onToggle}
    />
  );
}

/**
 * The tag a key press inside the panel toggles: digits toggle relationships and letters purposes, as the
 * buttons show. None while the user types or holds a modifier (the page's and browser's own shortcuts).
 */
export function tagForKey(event: KeyboardEvent, taxonomy: readonly Tag[]): Tag | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return undefined;
  const shortcuts = tagShortcuts(taxonomy);
  return taxonomy.find((tag) => shortcuts.get(tag.id) === event.key.toLowerCase());
}

export function selectedIds(contact: Contact | null, dimension: Dimension): readonly string[] {
  if (!contact) return [];
  return dimension === 'purpose' ? contact.purposes : contact.relationships;
}
