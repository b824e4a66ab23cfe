import { i18n } from '#i18n';
import { errorText } from '../../lib/model/error-text';

/**
 * "I saved it": after Export JSON, the one way an export counts as a backup (the popup's reminder goes
 * quiet). Kindred downloads through an `<a download>` link, which has no event for a finished, failed
 * or cancelled download (that would take the `downloads` permission): Kindred cannot know, so it asks,
 * and a cancelled download never counts. Used by the popup and the options page alike.
 */
export function ConfirmSaved({
  recordExport,
  onConfirmed,
  onError,
}: {
  recordExport: (input: Record<string, never>) => Promise<unknown>;
  onConfirmed: () => void;
  onError: (message: string) => void;
}) {
  async function confirm() {
    try {
      await recordExport({});
      onConfirmed();
    } catch (error) {
      onError(errorText(error));
    }
  }
  return (
    <button type="button" onClick={() => void confirm()}>
      {i18n.t('popup.confirmSaved')}
    </button>
  );
}
