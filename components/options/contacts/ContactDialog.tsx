import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { type Contact, LIMITS } from '../../../lib/model/contact';
import { displayName } from '../../../lib/model/contact-query';
import { errorText } from '../../../lib/model/error-text';
import type { PageClient } from '../../../lib/protocol/page-client';

type Open = { kind: 'note'; contact: Contact } | { kind: 'delete'; contact: Contact } | null;

interface ContactDialogOptions {
  client: Pick<PageClient, 'setNote' | 'deleteContact'>;
  /** Shared with the bulk actions, so only one change runs at a time. */
  setBusy: (busy: boolean) => void;
  /** Tells the page's status line what was done, and how to undo it when it can be. */
  report: (message: string, undoId?: string | null) => void;
  /** Lets the table drop the deleted contact from its selection. */
  onDeleted: (contactId: string) => void;
  /** Where focus goes back to when the dialog closes. */
  onClose: () => void;
}

export interface ContactDialogState {
  open: Open;
  draft: string;
  setDraft: (draft: string) => void;
  error: string;
  openNote: (contact: Contact) => void;
  openDelete: (contact: Contact) => void;
  close: () => void;
  saveNote: () => Promise<void>;
  confirmDelete: () => Promise<void>;
}

/** The note editor or the delete confirmation for one contact: which is open, the draft, and the saving. */
export function useContactDialog(options: ContactDialogOptions): ContactDialogState {
  const { client, setBusy, report, onDeleted, onClose } = options;
  const [open, setOpen] = useState<Open>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');

  function openNote(contact: Contact) {
    setOpen({ kind: 'note', contact });
    setDraft(contact.note);
    setError('');
  }

  function openDelete(contact: Contact) {
    setOpen({ kind: 'delete', contact });
    setError('');
  }

  function close() {
    setOpen(null);
    setError('');
    onClose();
  }

  /** One change with the page busy: says what was done and closes, or keeps the dialog open and says why not. */
  async function change(run: () => Promise<string | [string, string | null]>, failed: (reason: string) => string) {
    setBusy(true);
    try {
      const done = await run();
      if (typeof done === 'string') report(done);
      else report(...done);
      close();
    } catch (failure) {
      setError(failed(errorText(failure)));
    } finally {
      setBusy(false);
    }
  }

  async function saveNote() {
    if (open?.kind !== 'note') return;
    const { contact } = open;
    await change(
      async () => {
        await client.setNote({ contactId: contact.id, note: draft });
        return i18n.t('contacts.noteSaved', [displayName(contact)]);
      },
      (reason) => i18n.t('common.notSaved', [reason]),
    );
  }

  async function confirmDelete() {
    if (open?.kind !== 'delete') return;
    const { contact } = open;
    await change(
      async () => {
        const { undoId } = await client.deleteContact({ contactId: contact.id });
        onDeleted(contact.id);
        return [i18n.t('contacts.deleted', [displayName(contact)]), undoId];
      },
      (reason) => i18n.t('contacts.notDeleted', [reason]),
    );
  }

  return { open, draft, setDraft, error, openNote, openDelete, close, saveNote, confirmDelete };
}

/**
 * Renders whichever dialog is open, and moves focus into it when it opens: the note's text box, or Cancel
 * in the delete confirmation. The keys keep the two apart, so switching from one to the other replaces the
 * element rather than reusing it.
 */
export function ContactDialog({ dialog, busy }: { dialog: ContactDialogState; busy: boolean }) {
  const titleId = useId();
  const focusRef = useRef<HTMLTextAreaElement | HTMLButtonElement | null>(null);
  const { open, close } = dialog;

  useEffect(() => {
    if (open) focusRef.current?.focus();
  }, [open]);

  if (!open) return null;
  const takeFocus = (element: HTMLTextAreaElement | HTMLButtonElement | null) => {
    focusRef.current = element;
  };
  const deleting = open.kind === 'delete';
  const action = deleting
    ? { class: 'danger', label: i18n.t('contacts.delete'), run: dialog.confirmDelete }
    : { class: 'primary', label: i18n.t('common.save'), run: dialog.saveNote };
  return (
    <div
      key={open.kind}
      class={deleting ? 'ct-dialog ct-danger' : 'ct-dialog'}
      role={deleting ? 'alertdialog' : 'dialog'}
      aria-labelledby={titleId}
      onKeyDown={(event) => event.key === 'Escape' && close()}
    >
      {deleting ? (
        <p id={titleId}>{i18n.t('contacts.confirmDelete', [displayName(open.contact)])}</p>
      ) : (
        <>
          <h3 id={titleId}>{i18n.t('contacts.editNote')}</h3>
          <label class="ct-note">
            <span>{i18n.t('contacts.noteFor', [displayName(open.contact)])}</span>
            <textarea
              ref={takeFocus}
              rows={4}
              maxLength={LIMITS.note}
              value={dialog.draft}
              onInput={(event) => dialog.setDraft(event.currentTarget.value)}
            />
          </label>
        </>
      )}
      <div class="ct-dialog-actions">
        <button type="button" class={action.class} disabled={busy} onClick={action.run}>
          {action.label}
        </button>
        <button type="button" ref={deleting ? takeFocus : undefined} onClick={close}>
          {i18n.t('common.cancel')}
        </button>
      </div>
      <p class="ct-error alert" role="alert">
        {dialog.error}
      </p>
    </div>
  );
}
