import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Dimension, Tag } from '../../../lib/model/taxonomy';
import { errorText } from '../../../lib/model/error-text';
import type { PageClient } from '../../../lib/protocol/page-client';
import { TAG_PALETTE } from './tag-colour';
import { TagGroup } from './TagGroup';
import './TaxonomyEditor.css';

export interface TaxonomyEditorProps {
  /** Every tag, archived included, in display order (purposes first, then relationships). */
  taxonomy: Tag[];
  /**
   * `addTag` makes the id itself (the editor never shows ids); `reorderTags` gets every tag of the dimension
   * once, archived ones at the end. After each change the page's watched taxonomy passes the new one.
   */
  client: Pick<PageClient, 'addTag' | 'updateTag' | 'reorderTags' | 'setTagRhythm'>;
}

type Status = { kind: 'idle' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

/**
 * Where focus goes once the page has passed the changed taxonomy (the clicked control may be gone). The
 * taxonomy is watched, so a new one may still be the result of an earlier change: the request holds until
 * `landed` says the taxonomy shows this one.
 */
interface FocusRequest {
  key: string;
  from: Element | null;
  landed: (taxonomy: Tag[]) => boolean;
}

/** The options page's editor for the tag vocabulary: rename, recolour, reorder, archive, restore and add. */
export function TaxonomyEditor({ taxonomy, client }: TaxonomyEditorProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Moves show at once; consecutive moves build on the shown order until the page passes the new one.
  const [orderOverride, setOrderOverride] = useState<Partial<Record<Dimension, string[]>>>({});
  const pendingMoves = useRef(0);
  const focusRequest = useRef<FocusRequest | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const headingId = useId();

  const shownTaxonomy = useRef(taxonomy);
  useEffect(() => {
    if (taxonomy === shownTaxonomy.current) return;
    shownTaxonomy.current = taxonomy;
    if (pendingMoves.current === 0) setOrderOverride({});
  }, [taxonomy]);

  useEffect(() => {
    const request = focusRequest.current;
    if (!request) return;
    const active = document.activeElement;
    // Only take focus back when it was lost with the clicked control, never from where the user went since.
    if (!active || active === document.body || active === request.from) {
      const target = [...(sectionRef.current?.querySelectorAll<HTMLElement>('[data-focus-key]') ?? [])].find(
        (element) => element.dataset.focusKey === request.key,
      );
      if (target && target !== active) target.focus();
    }
    if (request.landed(taxonomy)) focusRequest.current = null;
  }, [taxonomy, orderOverride]);

  function requestFocus(key: string, landed: FocusRequest['landed']) {
    focusRequest.current = { key, from: document.activeElement, landed };
  }

  /** After a failed change nothing more will land: the request ends at the next render. */
  function endFocusRequest(key: string) {
    if (focusRequest.current?.key === key) focusRequest.current = { ...focusRequest.current, landed: () => true };
  }

  /** `failure` turns the error's message into the sentence shown. */
  async function perform(
    action: () => Promise<unknown>,
    success: string,
    failure: (message: string) => string = (message) => i18n.t('common.notSaved', [message]),
  ): Promise<boolean> {
    try {
      await action();
    } catch (error) {
      setStatus({ kind: 'error', message: failure(errorText(error)) });
      return false;
    }
    setStatus({ kind: 'done', message: success });
    return true;
  }

  function tagsIn(dimension: Dimension): { active: Tag[]; archived: Tag[] } {
    let tags = taxonomy.filter((tag) => tag.dimension === dimension);
    const override = orderOverride[dimension];
    if (override) {
      const rank = (tag: Tag) => {
        const index = override.indexOf(tag.id);
        return index === -1 ? override.length : index;
      };
      tags = tags
        .map((tag, index) => ({ tag, index }))
        .sort((a, b) => rank(a.tag) - rank(b.tag) || a.index - b.index)
        .map((x) => x.tag);
    }
    return { active: tags.filter((tag) => !tag.archived), archived: tags.filter((tag) => tag.archived) };
  }

  async function move(tag: Tag, direction: 'up' | 'down') {
    const { active, archived } = tagsIn(tag.dimension);
    const ids = active.map((t) => t.id);
    const from = ids.indexOf(tag.id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (from === -1 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    const order = [...ids, ...archived.map((t) => t.id)];
    const focusKey = `${tag.id}:${direction}`;
    requestFocus(focusKey, (shown) =>
      sameIds(
        shown.filter((t) => t.dimension === tag.dimension),
        order,
      ),
    );
    setOrderOverride((current) => ({ ...current, [tag.dimension]: order }));
    pendingMoves.current++;
    try {
      await client.reorderTags({ dimension: tag.dimension, ids: order });
    } catch (error) {
      pendingMoves.current--;
      endFocusRequest(focusKey);
      setOrderOverride((current) => ({ ...current, [tag.dimension]: undefined }));
      setStatus({ kind: 'error', message: i18n.t('taxonomy.notMoved', [errorText(error)]) });
      return;
    }
    pendingMoves.current--;
    setStatus({
      kind: 'done',
      message: direction === 'up' ? i18n.t('taxonomy.movedUp', [tag.label]) : i18n.t('taxonomy.movedDown', [tag.label]),
    });
  }

  async function setArchived(tag: Tag, archived: boolean) {
    const focusKey = `${tag.id}:${archived ? 'restore' : 'archive'}`;
    requestFocus(focusKey, (shown) => shown.some((t) => t.id === tag.id && t.archived === archived));
    const saved = await perform(
      () => client.updateTag({ tagId: tag.id, changes: { archived } }),
      archived ? i18n.t('taxonomy.archivedTag', [tag.label]) : i18n.t('taxonomy.restoredTag', [tag.label]),
      (message) => (archived ? i18n.t('taxonomy.notArchived', [message]) : i18n.t('taxonomy.notRestored', [message])),
    );
    if (!saved) endFocusRequest(focusKey);
  }

  return (
    <section class="card taxonomy-editor" aria-labelledby={headingId} ref={sectionRef}>
      <h2 id={headingId}>{i18n.t('taxonomy.heading')}</h2>
      <p class="muted te-intro">{i18n.t('taxonomy.intro')}</p>
      <datalist id={`${headingId}-palette`}>
        {TAG_PALETTE.map((color) => (
          <option key={color} value={color} />
        ))}
      </datalist>
      {(['purpose', 'relationship'] as const).map((dimension) => {
        const { active, archived } = tagsIn(dimension);
        return (
          <TagGroup
            key={dimension}
            dimension={dimension}
            active={active}
            archived={archived}
            paletteId={`${headingId}-palette`}
            onSave={(tag, changes) =>
              perform(() => client.updateTag({ tagId: tag.id, changes }), i18n.t('common.saved'))
            }
            onMove={move}
            onArchive={setArchived}
            onRhythm={(tag, rhythmDays) =>
              void perform(() => client.setTagRhythm({ tagId: tag.id, rhythmDays }), i18n.t('common.saved'))
            }
            onAdd={(fields) =>
              perform(
                () => client.addTag(fields),
                i18n.t('taxonomy.added', [fields.label]),
                (message) => i18n.t('taxonomy.notAdded', [message]),
              )
            }
          />
        );
      })}
      <p class="te-status muted" role="status">
        {status.kind === 'done' ? status.message : ''}
      </p>
      <p class="te-error alert" role="alert">
        {status.kind === 'error' ? status.message : ''}
      </p>
    </section>
  );
}

function sameIds(tags: Tag[], ids: string[]): boolean {
  return tags.length === ids.length && tags.every((tag, index) => tag.id === ids[index]);
}
