import { useState } from 'preact/hooks';

interface DeleteAllProps {
  contactCount: number;
  taggedCount: number;
  deleteAll: () => Promise<unknown>;
  onDeleted: () => void;
}

/** Deleting everything says exactly what will be lost and asks once more. */
export function DeleteAll({ contactCount, taggedCount, deleteAll, onDeleted }: DeleteAllProps) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  async function confirm() {
    try {
      await deleteAll();
      setConfirming(false);
      setMessage('All Kindred data was deleted.');
      onDeleted();
    } catch (error) {
      setMessage(`Nothing was deleted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <section aria-labelledby="delete-heading" class="card danger-zone">
      <h2 id="delete-heading">Delete all data</h2>
      <p class="muted">Removes every contact, tag and note from this browser. Export first to keep a copy.</p>
      {!confirming ? (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Delete all data…
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="delete-confirm-title" aria-describedby="delete-confirm-text" class="confirm">
          <h3 id="delete-confirm-title">Delete everything?</h3>
          <p id="delete-confirm-text">
            You will lose {contactCount} {contactCount === 1 ? 'contact' : 'contacts'} ({taggedCount} tagged), every note,
            and any tags you renamed or added. This cannot be undone.
          </p>
          <button type="button" class="danger" onClick={confirm}>
            Delete everything
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
