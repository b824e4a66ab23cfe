import { describe, expect, it } from 'vitest';
import { SHIPPED_DEFAULT_TEXTS, isShippedDefaultText } from '../../lib/model/default-tag-texts';
import { DEFAULT_TAXONOMY, defaultTagKey } from '../../lib/model/taxonomy';
import { chromeMessages } from '../support/test-i18n';

describe('the default tags’ shipped texts', () => {
  it.each(['en', 'nl'] as const)('%s equals the locale file', (locale) => {
    const messages = chromeMessages(locale);
    const message = (key: string) => messages[key.replace(/\./g, '_')]?.message;
    for (const { id } of DEFAULT_TAXONOMY) {
      expect(SHIPPED_DEFAULT_TEXTS[locale][id]).toEqual({
        label: message(defaultTagKey(id, 'label')),
        description: message(defaultTagKey(id, 'description')),
      });
    }
  });

  it('recognises a default text in either language, and nothing else', () => {
    expect(isShippedDefaultText('growth', 'label', 'Career resilience')).toBe(true);
    expect(isShippedDefaultText('growth', 'label', 'Veerkracht in mijn loopbaan')).toBe(true);
    expect(isShippedDefaultText('peer', 'description', 'Uit mijn community of practice.')).toBe(true);
    expect(isShippedDefaultText('growth', 'label', 'Groei')).toBe(false);
    expect(isShippedDefaultText('growth', 'label', 'Mentor')).toBe(false);
    expect(isShippedDefaultText('alumni', 'label', 'Alumni')).toBe(false);
  });
});
