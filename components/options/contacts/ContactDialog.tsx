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
  /** Tells the page's status line what was done. */
  report: (message: string) => void;
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

  async function saveNote() {
    if (open?.kind !== 'note') return;
    const { contact } = open;
    setBusy(true);
    try {
      await client.setNote({ contactId: contact.id, note: draft });
      report(i18n.t('contacts.noteSaved', [displayName(contact)]));
      close();
    } catch (failure) {
      setError(i18n.t('common.notSaved', [errorText(failure)]));
    } finally {
      setBusy(false);
    }
  }

  async function confirmDelete() {
    if (open?.kind !== 'delete') return;
    const { contact } = open;
    setBusy(true);
    try {
      await client.deleteContact({ contactId: contact.id });
      onDeleted(contact.id);
      report(i18n.t('contacts.deleted', [displayName(contact)]));
      close();
    } catch (failure) {
      setError(i18n.t('contacts.notDeleted', [errorText(failure)]));
    } finally {
      setBusy(false);
    }
  }

  return { open, draft, setDraft, error, openNote, openDelete, close, saveNote, confirmDelete };
}

/**
 * Renders whichever dialog is open, and moves focus into it when it opens. The keys keep the two apart, so
 * switching from one to the other replaces the element rather than reusing it.
 */
export function ContactDialog({ dialog, busy }: { dialog: ContactDialogState; busy: boolean }) {
  const titleId = useId();
  const focusRef = useRef<HTMLTextAreaElement | HTMLButtonElement | null>(null);
  const { open, close } = dialog;

  useEffect(() => {
    if (open) focusRef.current?.focus();
  }, [open]);

  if (open?.kind === 'note') {
    return (
      <div
        key="note"
        class="ct-dialog"
        role="dialog"
        aria-labelledby={titleId}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <h3 id={titleId}>{i18n.t('contacts.editNote')}</h3>
        <label class="ct-note">
          <span>{i18n.t('contacts.noteFor', [displayName(open.contact)])}</span>
          <textarea
            ref={(element) => {
              focusRef.current = element;
            }}
            rows={4}
            maxLength={LIMITS.note}
            value={dialog.draft}
            onInput={(event) => dialog.setDraft(event.currentTarget.value)}
          />
        </label>
        <div class="ct-dialog-actions">
          <button type="button" class="primary" disabled={busy} onClick={dialog.saveNote}>
            {i18n.t('common.save')}
          </button>
          <button type="button" onClick={close}>
            {i18n.t('common.cancel')}
          </button>
        </div>
        <p class="ct-error" role="alert">
          {dialog.error}
        </p>
      </div>
    );
  }
  if (open?.kind === 'delete') {
    return (
      <div
        key="delete"
        class="ct-dialog ct-danger"
        role="alertdialog"
        aria-labelledby={titleId}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <p id={titleId}>{i18n.t('contacts.confirmDelete', [displayName(open.contact)])}</p>
        <div class="ct-dialog-actions">
          <button type="button" class="danger" disabled={busy} onClick={dialog.confirmDelete}>
            {i18n.t('contacts.delete')}
          </button>
          <button
            type="button"
            ref={(element) => {
              focusRef.current = element;
            }}
            onClick={close}
          >
            {i18n.t('common.cancel')}
          </button>
        </div>
        <p class="ct-error" role="alert">
          {dialog.error}
        </p>
      </div>
    );
  }
  return null;
}
