import { i18n } from '#i18n';
import type { FieldHealth } from '../../lib/model/layout-health';

const fieldText = (field: FieldHealth['field']) =>
  field === 'headline'
    ? i18n.t('options.health.fields.headline')
    : field === 'company'
      ? i18n.t('options.health.fields.company')
      : i18n.t('options.health.fields.location');

/** Says plainly when Kindred often could not read a field of LinkedIn's profiles (lib/model/layout-health.ts). */
export function LayoutHealthNotice({ warnings }: { warnings: FieldHealth[] }) {
  return (
    <section class="card" role="status" aria-labelledby="health-heading">
      <h2 id="health-heading">{i18n.t('options.health.heading')}</h2>
      {warnings.map(({ field, missed, of }) => (
        <p key={field}>{i18n.t('options.health.warning', [fieldText(field), String(missed), String(of)])}</p>
      ))}
      <p class="muted">{i18n.t('options.health.hint')}</p>
    </section>
  );
}
