import type { Tag } from '../../lib/model/taxonomy';

interface TagButtonProps {
  tag: Tag;
  pressed: boolean;
  disabled?: boolean;
  /** The key that toggles it, shown on the button but not part of its name. */
  shortcut?: string;
  onToggle: (tag: Tag, pressed: boolean) => void;
}

/** A toggle whose accessible name is the tag's label; the colour dot is decoration. */
export function TagButton({ tag, pressed, disabled, shortcut, onToggle }: TagButtonProps) {
  return (
    <button
      type="button"
      class="tag"
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      disabled={disabled}
      title={tag.description}
      style={{ '--tag-color': tag.color }}
      onClick={() => onToggle(tag, !pressed)}
    >
      <span class="dot" aria-hidden="true" />
      {tag.label}
      {shortcut && <kbd aria-hidden="true">{shortcut.toUpperCase()}</kbd>}
    </button>
  );
}
