import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import { CORRECTABLE_FIELDS, type Contact, type CorrectableField, LIMITS } from '../../lib/model/contact';
import { fold } from '../../lib/model/text';

const label = (field: CorrectableField) =>
  field === 'name' ? i18n.t('panel.name') : field === 'headline' ? i18n.t('panel.headline') : i18n.t('panel.company');

/**
 * The person's corrections of what the page got wrong: name, headline and company, each with "Use
 * LinkedIn's" where it is corrected. Opened by the panel's Edit button; Escape or Cancel closes it and
 * gives focus back to that button.
 */
export function CorrectionsForm({
  shown,
  contact,
  onSave,
  onUseLinkedIn,
  onClose,
}: {
  /** What the panel shows now for each field. */
  shown: Record<CorrectableField, string>;
  contact: Contact | null;
  /** Only the fields whose value changed. */
  onSave: (changes: Partial<Record<CorrectableField, string>>) => void;
  onUseLinkedIn: (field: CorrectableField) => void;
  onClose: () => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input')?.focus(), []);
  return (
    <form
      ref={form}
      class="corrections"
      aria-labelledby="kindred-corrections-heading"
      onKeyDown={(event) => {
        // Inside the form keys type text: the panel's tag shortcuts must not fire.
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const changes: Partial<Record<CorrectableField, string>> = {};
        for (const field of CORRECTABLE_FIELDS) {
          const input = event.currentTarget.elements.namedItem(field) as HTMLInputElement;
          const value = fold(input.value);
          if (value && value !== shown[field]) changes[field] = value;
        }
        onSave(changes);
      }}
    >
      <h3 id="kindred-corrections-heading" class="label">
        {i18n.t('panel.editHeading')}
      </h3>
      {CORRECTABLE_FIELDS.map((field) => {
        const page = contact?.pageValues?.[field];
        return (
          <div class="correction" key={field}>
            <label>
              <span class="label">{label(field)}</span>
              <input
                type="text"
                name={field}
                defaultValue={shown[field]}
                maxLength={LIMITS[field]}
                required={field === 'name'}
              />
            </label>
            {page !== undefined && (
              <button
                type="button"
                class="use-linkedin"
                aria-label={i18n.t('panel.useLinkedInLabel', [label(field).toLowerCase(), page])}
                onClick={() => onUseLinkedIn(field)}
              >
                {i18n.t('panel.useLinkedIn')}
              </button>
            )}
          </div>
        );
      })}
      <div class="actions">
        <button type="submit">{i18n.t('panel.saveCorrections')}</button>
        <button type="button" onClick={onClose}>
          {i18n.t('panel.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Is this the <name> from your LinkedIn export?": merged only on Yes. */
export function NamesakeQuestion({ name, onAnswer }: { name: string; onAnswer: (same: boolean) => void }) {
  return (
    <div class="namesake" role="group" aria-labelledby="kindred-namesake-q" aria-describedby="kindred-namesake-hint">
      <p id="kindred-namesake-q">{i18n.t('panel.namesakeQuestion', [name])}</p>
      <p id="kindred-namesake-hint" class="muted">
        {i18n.t('panel.namesakeHint')}
      </p>
      <div class="actions">
        <button type="button" class="namesake-yes" onClick={() => onAnswer(true)}>
          {i18n.t('panel.namesakeYes')}
        </button>
        <button type="button" class="namesake-no" onClick={() => onAnswer(false)}>
          {i18n.t('panel.namesakeNo')}
        </button>
      </div>
    </div>
  );
}
