import { i18n } from '#i18n';
import { useId } from 'preact/hooks';
import type { NewTag } from '../../../lib/storage/taxonomy-store';
import type { Dimension, Tag } from '../../../lib/model/taxonomy';
import { AddTagForm } from './AddTagForm';
import { nextColor, toColorValue } from './tag-colour';
import { groupText } from './tag-text';
import { ArchiveButton, type TagActions, TagRow } from './TagRow';

interface TagGroupProps extends TagActions {
  dimension: Dimension;
  active: Tag[];
  archived: Tag[];
  paletteId: string;
  onAdd: (fields: NewTag) => Promise<boolean>;
}

/** One dimension: its active tags in order, then the archived ones to restore, then the form to add one. */
export function TagGroup({
  dimension,
  active,
  archived,
  paletteId,
  onSave,
  onMove,
  onArchive,
  onRhythm,
  onAdd,
}: TagGroupProps) {
  const text = groupText(dimension);
  const headingId = useId();
  const all = [...active, ...archived];

  return (
    <div class="te-group" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{text.heading}</h3>
      {active.length > 0 ? (
        <ul class="te-list">
          <li class="te-columns" aria-hidden="true">
            <span>{i18n.t('taxonomy.columns.colour')}</span>
            <span>{i18n.t('taxonomy.columns.label')}</span>
            <span>{i18n.t('taxonomy.columns.description')}</span>
            <span>{i18n.t('tagRhythm.label')}</span>
          </li>
          {active.map((tag, index) => (
            <TagRow
              key={tag.id}
              tag={tag}
              text={text}
              others={all.filter((other) => other.id !== tag.id)}
              first={index === 0}
              last={index === active.length - 1}
              paletteId={paletteId}
              onSave={onSave}
              onMove={onMove}
              onArchive={onArchive}
              onRhythm={onRhythm}
            />
          ))}
        </ul>
      ) : (
        <p class="muted">{text.none}</p>
      )}
      {archived.length > 0 && (
        <>
          <h4 class="te-archived-heading">{i18n.t('taxonomy.archived')}</h4>
          <ul class="te-list te-archived">
            {archived.map((tag) => (
              <li key={tag.id} class="te-archived-row">
                <span class="te-dot" style={{ '--tag-color': toColorValue(tag.color) }} aria-hidden="true" />
                <span class="te-archived-label">{tag.label}</span>
                {tag.description && <span class="muted te-archived-description">{tag.description}</span>}
                <ArchiveButton tag={tag} onArchive={onArchive} />
              </li>
            ))}
          </ul>
        </>
      )}
      <AddTagForm
        dimension={dimension}
        existing={all}
        defaultColor={nextColor(all)}
        paletteId={paletteId}
        onAdd={onAdd}
      />
    </div>
  );
}
