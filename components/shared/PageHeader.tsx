import { i18n } from '#i18n';

/** Kindred's name over the page's tagline: the popup's and the options page's header. */
export function PageHeader({ tagline, taglineClass }: { tagline: string; taglineClass: string }) {
  return (
    <header>
      <h1>{i18n.t('app.name')}</h1>
      <p class={taglineClass}>{tagline}</p>
    </header>
  );
}
