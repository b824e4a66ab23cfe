import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { formatNumber } from '../../../lib/i18n';
import { errorText } from '../../../lib/model/error-text';
import { PURPOSE_STATEMENT_MAX } from '../../../lib/model/review';
import type { PageClient } from '../../../lib/protocol/page-client';

interface PurposeEditorProps {
  statement: string;
  client: Pick<PageClient, 'setPurposeStatement'>;
}

/** Seed 000's first question, answered in the person's own words and kept in the database. */
export function PurposeEditor({ statement, client }: PurposeEditorProps) {
  const [text, setText] = useState(statement);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  // Another page (or a restore) changed it: show the stored one unless the person is mid-edit.
  useEffect(() => setText((current) => (current.trim() === '' || status ? statement : current)), [statement]);
  const tooLong = text.trim().length > PURPOSE_STATEMENT_MAX;

  async function save(event: Event) {
    event.preventDefault();
    if (tooLong) return;
    setError('');
    try {
      await client.setPurposeStatement({ text });
      setStatus(i18n.t('purpose.saved'));
    } catch (failure) {
      setStatus('');
      setError(i18n.t('purpose.notSaved', [errorText(failure)]));
    }
  }

  return (
    <form class="purpose-editor" onSubmit={save}>
      <p class="muted" id="purpose-question">
        {i18n.t('purpose.question')}
      </p>
      <label for="purpose-text">{i18n.t('purpose.label')}</label>
      <textarea
        id="purpose-text"
        rows={3}
        value={text}
        placeholder={i18n.t('purpose.placeholder')}
        aria-describedby="purpose-question purpose-limit"
        aria-invalid={tooLong}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setStatus('');
        }}
      />
      <div class="row">
        <button type="submit" class="primary" disabled={tooLong || text.trim() === statement}>
          {i18n.t('purpose.save')}
        </button>
        <span id="purpose-limit" class={tooLong ? 'alert' : 'muted'}>
          {tooLong
            ? i18n.t('purpose.tooLong', [formatNumber(PURPOSE_STATEMENT_MAX)])
            : `${formatNumber(text.trim().length)} / ${formatNumber(PURPOSE_STATEMENT_MAX)}`}
        </span>
        <span role="status" class="muted">
          {status}
        </span>
      </div>
      <p class="alert" role="alert">
        {error}
      </p>
    </form>
  );
}
