import { i18n } from '#i18n';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  CORRECTABLE_FIELDS,
  type Contact,
  type CorrectableField,
  type SeenProfile,
  isCorrected,
  tagField,
} from '../../lib/model/contact';
import type { ContactView } from '../../lib/storage/contact-view';
import type { Tag } from '../../lib/model/taxonomy';
import type { ContentClient } from '../../lib/protocol/client';
import { CorrectionsForm, NamesakeQuestion } from './Corrections';
import { KeepInTouch } from './KeepInTouch';
import { NameField } from './NameField';
import { SamePerson } from './SamePerson';
import { NoteField, useNote } from './NoteField';
import { TagToggles, selectedIds, tagForKey } from './TagToggles';
import { messageOf, statusText, useSave } from './useSave';

interface TagPanelProps {
  /** What the page shows of the person. Give the component `key={profile.id}` so a new person starts fresh. */
  profile: SeenProfile;
  /** The content script passes a messaging client to the background. */
  client: ContentClient;
  /** True while the page has not shown who this is yet (in-page navigation still rendering). */
  reading?: boolean;
  /** True when the panel floats in a corner because the page's layout was not recognised. */
  floating?: boolean;
  /** Dark colours: LinkedIn's dark theme, or the system's when the page does not say. */
  dark?: boolean;
  /** Changes when the user asks to focus the panel (the keyboard command): it opens and takes focus. */
  focusRequest?: number;
  /** Milliseconds of typing pause before a note is saved. */
  noteDelay?: number;
  /**
   * A list's tagging popover: a close button instead of hiding, never hidden, and Escape closes it
   * (the content script gives the focus back to the card).
   */
  onClose?: () => void;
  /**
   * Changes when the background says the person changed in the database (another tab, the options page,
   * the popup, another browser): the panel reads them again and shows what is stored.
   */
  lookAgain?: number;
  /** Reading them again found other tags than the panel showed (a list's popover: the card's badge). */
  onStoredTagsChange?: () => void;
}

export function TagPanel({
  profile,
  client,
  reading = false,
  floating = false,
  dark = false,
  focusRequest = 0,
  noteDelay = 300,
  onClose,
  lookAgain = 0,
  onStoredTagsChange,
}: TagPanelProps) {
  const [view, setView] = useState<ContactView | null>(null);
  const [hidden, setCollapsed] = useState(false);
  const collapsed = hidden && !onClose;
  const { status, setStatus, save, started } = useSave(profile.id, client, setView);
  /** The view shown now, for answers that arrive after later renders. */
  const shown = useRef(view);
  shown.current = view;
  const note = useNote(noteDelay, (text, revert, urgent) => {
    const input = { contactId: profile.id, note: text };
    void save(() => (urgent ? client.setNote(input, { urgent }) : client.setNote(input)), revert);
  });
  const panel = useRef<HTMLElement>(null);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focusRequest) return;
    setCollapsed(false);
    // After the expanded body has rendered: the first tag, or the panel itself while it loads.
    requestAnimationFrame(() => (panel.current?.querySelector<HTMLElement>('.tag') ?? panel.current)?.focus());
  }, [focusRequest]);

  // A visit is recorded once the page shows who this is; before that (still rendering, or a page
  // Kindred cannot read) the stored state is only read, so nothing is stored under no name. A layout
  // effect, so the visit is recorded even when the user moves on before the next frame is painted.
  useLayoutEffect(() => {
    let current = true;
    const show = (loaded: ContactView) => {
      setView(loaded);
      setCollapsed(loaded.panelCollapsed);
      note.loaded(loaded.contact?.note ?? '');
    };
    (profile.name ? client.recordSeen({ profile }) : client.getContact({ contactId: profile.id })).then(
      (loaded) => {
        // Null only where the background keeps the contact from the caller (a content script).
        if (current && loaded) show(loaded);
      },
      (error: unknown) => current && setStatus({ kind: 'error', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [profile.id, profile.name, profile.headline, profile.company, profile.location]);

  // The person changed elsewhere: read them again. The panel's own changes go in order, so this read
  // is answered after every save started before it; a save started since may be missing from it, and
  // the answer is dropped (that save's answer, and the notice its write brings, are newer). The note
  // keeps what is typed and not saved yet (useNote), and the collapsed state is this panel's own.
  const lookedAgain = useRef(lookAgain);
  useEffect(() => {
    // Not at mount (the first load reads them): only when told since.
    if (lookAgain === lookedAgain.current) return;
    lookedAgain.current = lookAgain;
    let current = true;
    const before = started();
    client.getContact({ contactId: profile.id }).then(
      (stored) => {
        if (!current || started() !== before) return;
        const tagsChanged = tagsOf(shown.current) !== tagsOf(stored);
        setView(stored);
        note.loaded(stored.contact?.note ?? '');
        if (tagsChanged) onStoredTagsChange?.();
      },
      // Nothing new to show; the panel keeps what it shows (a failed save still says so).
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [lookAgain]);

  const contact = view?.contact ?? null;
  // A field the person corrected shows the correction; else what the page shows, or what is stored.
  const shownField = (field: CorrectableField) =>
    isCorrected(contact, field) ? contact![field] : profile[field] || contact?.[field] || '';
  const name = shownField('name');
  const headline = shownField('headline');
  const company = shownField('company');

  function toggle(tag: Tag, on: boolean) {
    if (!view) return;
    const before = view;
    setView(withTag(view, profile.id, tag, on));
    void save(
      () => client.setTag({ contactId: profile.id, tagId: tag.id, on }),
      () => setView(before),
    );
  }

  function closeEditor() {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  /** Saves the corrections one field after another (each is one small change), then closes the form. */
  function saveCorrections(changes: Partial<Record<CorrectableField, string>>) {
    closeEditor();
    const fields = CORRECTABLE_FIELDS.filter((field) => changes[field] !== undefined);
    if (fields.length === 0) return;
    void save(
      async () => {
        let saved: ContactView | null = null;
        for (const field of fields) {
          saved = await client.correctField({ contactId: profile.id, field, value: changes[field]! });
        }
        return saved;
      },
      () => undefined,
    );
  }

  function restoreLinkedIn(field: CorrectableField) {
    void save(
      () => client.correctField({ contactId: profile.id, field, value: null }),
      () => undefined,
    );
  }

  /** After a namesake merge or its undo, the note is the merged one, or the one from before. */
  function reloadNote() {
    return client.getContact({ contactId: profile.id }).then(
      (loaded) => note.loaded(loaded.contact?.note ?? ''),
      () => undefined,
    );
  }

  function answerNamesake(namesakeId: string, same: boolean) {
    void save(
      () => client.answerNamesake({ contactId: profile.id, namesakeId, same }),
      () => undefined,
    ).then(reloadNote);
  }

  function undoMerge() {
    void save(
      () => client.undoNamesake({ contactId: profile.id }),
      () => undefined,
    ).then(reloadNote);
  }

  function mergeSamePerson(otherId: string) {
    void save(
      () => client.mergeSamePerson({ contactId: profile.id, otherId }),
      () => undefined,
    ).then(reloadNote);
  }

  function undoSamePerson() {
    void save(
      () => client.undoSamePerson({ contactId: profile.id }),
      () => undefined,
    ).then(reloadNote);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (onClose && event.key === 'Escape') {
      event.preventDefault();
      return onClose();
    }
    if (!view || collapsed) return;
    const tag = tagForKey(event, view.taxonomy);
    if (!tag) return;
    event.preventDefault();
    toggle(tag, !selectedIds(view.contact, tag.dimension).includes(tag.id));
  }

  function toggleCollapsed() {
    const next = !collapsed;
    setCollapsed(next);
    client
      .setPanelCollapsed({ collapsed: next })
      .catch((error: unknown) => setStatus({ kind: 'error', message: messageOf(error) }));
  }

  const tagCount = contact ? contact.purposes.length + contact.relationships.length : 0;

  return (
    <section
      ref={panel}
      class={`panel${collapsed ? ' collapsed' : ''}${floating ? ' floating' : ''}${dark ? ' dark' : ''}`}
      role="region"
      aria-label="Kindred"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div class="bar">
        <span class="brand" aria-hidden="true">
          Kindred
        </span>
        {collapsed && <span class="muted">{i18n.t('panel.tagCount', tagCount)}</span>}
        {onClose ? (
          <button type="button" class="collapse" aria-label={i18n.t('list.close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        ) : (
          <button
            type="button"
            class="collapse"
            aria-expanded={!collapsed}
            aria-controls="kindred-body"
            aria-label={collapsed ? i18n.t('panel.show') : i18n.t('panel.hide')}
            onClick={toggleCollapsed}
          >
            <span aria-hidden="true">{collapsed ? '▴' : '▾'}</span>
          </button>
        )}
      </div>
      <div id="kindred-body" class="body" hidden={collapsed}>
        <h2 class="name">{name || profile.id}</h2>
        {!name && reading && <p class="muted">{i18n.t('panel.reading')}</p>}
        {!name && !reading && view && (
          <NameField
            id={profile.id}
            onSave={(typed) =>
              save(
                () => client.recordSeen({ profile: { ...profile, name: typed } }),
                () => undefined,
              )
            }
          />
        )}
        {headline && (
          <p class="headline">
            {headline}
            {isCorrected(contact, 'headline') && <span class="muted"> {i18n.t('panel.corrected')}</span>}
          </p>
        )}
        {company && (
          <p class="headline company">
            {company}
            {isCorrected(contact, 'company') && <span class="muted"> {i18n.t('panel.corrected')}</span>}
          </p>
        )}
        {isCorrected(contact, 'name') && <p class="muted">{`${i18n.t('panel.name')} ${i18n.t('panel.corrected')}`}</p>}
        {name && view && !editing && (
          <button
            type="button"
            class="edit"
            ref={editButton}
            aria-label={i18n.t('panel.editLabel')}
            onClick={() => setEditing(true)}
          >
            {i18n.t('panel.edit')}
          </button>
        )}
        {editing && view && (
          <CorrectionsForm
            shown={{ name, headline, company }}
            contact={contact}
            onSave={saveCorrections}
            onUseLinkedIn={restoreLinkedIn}
            onClose={closeEditor}
          />
        )}
        {view?.namesake && (
          <NamesakeQuestion name={view.namesake.name} onAnswer={(same) => answerNamesake(view.namesake!.id, same)} />
        )}
        {view?.canUndoNamesake && (
          <p class="merged">
            {i18n.t('panel.merged')}{' '}
            <button type="button" class="undo-merge" onClick={undoMerge}>
              {i18n.t('panel.undoMerge')}
            </button>
          </p>
        )}
        {view && <SamePerson view={view} onMerge={mergeSamePerson} onUndo={undoSamePerson} />}
        {view ? (
          <TagToggles taxonomy={view.taxonomy} contact={contact} onToggle={toggle} />
        ) : status.kind === 'error' ? null : (
          <p class="muted">{i18n.t('panel.loading')}</p>
        )}
        {view && <KeepInTouch contactId={profile.id} view={view} client={client} save={save} />}
        <NoteField note={note} disabled={!view} />
        <p class={`status${status.kind === 'error' ? ' error' : ''}`} role="status">
          {statusText(status)}
        </p>
      </div>
    </section>
  );
}

/** The person's tags, comparable as a string. */
function tagsOf(view: ContactView | null): string {
  const contact = view?.contact;
  return JSON.stringify([[...(contact?.purposes ?? [])].sort(), [...(contact?.relationships ?? [])].sort()]);
}

/** The view as it will be once the background has applied the toggle (shown before it answers). */
function withTag(view: ContactView, contactId: string, tag: Tag, on: boolean): ContactView {
  const field = tagField(tag.dimension);
  // Not stored yet: the background creates the contact; until it answers, only the tags matter.
  const contact = view.contact ?? ({ id: contactId, purposes: [], relationships: [] } as unknown as Contact);
  const ids = contact[field].filter((id) => id !== tag.id);
  return { ...view, contact: { ...contact, [field]: on ? [...ids, tag.id] : ids } };
}
