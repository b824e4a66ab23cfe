import { i18n } from '#i18n';
import { LIMITS } from '../../lib/model/contact';
import { fold } from '../../lib/model/text';

/** Where the page's layout was not recognised, the user can say who this is. */
export function NameField({ id, onSave }: { id: string; onSave: (name: string) => void }) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const typed = fold((event.currentTarget.elements.namedItem('name') as HTMLInputElement).value);
        if (typed) onSave(typed);
      }}
    >
      <p class="muted">{i18n.t('panel.nameUnread', [id])}</p>
      <label>
        <span class="label">{i18n.t('panel.name')}</span>
        <input type="text" name="name" maxLength={LIMITS.name} />
      </label>
      <button type="submit" class="save-name">
        {i18n.t('panel.saveName')}
      </button>
    </form>
  );
}
