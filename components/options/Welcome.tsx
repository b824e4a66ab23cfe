import { i18n } from '#i18n';
import '../shared/network-review.css';
import { useEffect, useRef } from 'preact/hooks';

interface WelcomeProps {
  onDismiss: () => void;
  onImport: () => void;
}

/**
 * The first run (opened on install, reachable later from the page's foot): what Kindred does, that
 * everything stays in the browser, how to get Connections.csv, and that uninstalling deletes the data.
 */
export function Welcome({ onDismiss, onImport }: WelcomeProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section class="card welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading" ref={headingRef} tabIndex={-1}>
        {i18n.t('welcome.heading')}
      </h2>
      <p>{i18n.t('welcome.what')}</p>
      <p>
        <strong>{i18n.t('welcome.private')}</strong>
      </p>
      <h3>{i18n.t('welcome.importHeading')}</h3>
      <p>{i18n.t('welcome.importSteps')}</p>
      <p class="welcome-warning">{i18n.t('welcome.uninstall')}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onImport}>
          {i18n.t('welcome.goImport')}
        </button>
        <button type="button" onClick={onDismiss}>
          {i18n.t('welcome.dismiss')}
        </button>
      </div>
    </section>
  );
}
