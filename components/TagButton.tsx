import type { Tag } from '../lib/taxonomy';

interface TagButtonProps {
  tag: Tag;
  pressed: boolean;
  disabled?: boolean;
  onToggle: (tag: Tag, pressed: boolean) => void;
}

/** A toggle whose accessible name is the tag's label; the colour dot is decoration. */
export function TagButton({ tag, pressed, disabled, onToggle }: TagButtonProps) {
  return (
    <button
      type="button"
      class="tag"
      aria-pressed={pressed}
      disabled={disabled}
      title={tag.description}
      style={{ '--tag-color': tag.color }}
      onClick={() => onToggle(tag, !pressed)}
    >
      <span class="dot" aria-hidden="true" />
      {tag.label}
    </button>
  );
}
