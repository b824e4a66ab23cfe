import { i18n } from '#i18n';
import { fold } from '../../../lib/model/text';
import { type Dimension, TAG_LIMITS, type Tag } from '../../../lib/model/taxonomy';

export interface GroupText {
  heading: string;
  addHeading: string;
  none: string;
  duplicate: (label: string) => string;
  duplicateArchived: (label: string) => string;
}

/** Each dimension's sentences in full: languages differ in how "a purpose" or "an archived …" agree. */
export function groupText(dimension: Dimension): GroupText {
  return dimension === 'purpose'
    ? {
        heading: i18n.t('taxonomy.purpose.heading'),
        addHeading: i18n.t('taxonomy.purpose.add'),
        none: i18n.t('taxonomy.purpose.none'),
        duplicate: (label) => i18n.t('taxonomy.purpose.duplicate', [label]),
        duplicateArchived: (label) => i18n.t('taxonomy.purpose.duplicateArchived', [label]),
      }
    : {
        heading: i18n.t('taxonomy.relationship.heading'),
        addHeading: i18n.t('taxonomy.relationship.add'),
        none: i18n.t('taxonomy.relationship.none'),
        duplicate: (label) => i18n.t('taxonomy.relationship.duplicate', [label]),
        duplicateArchived: (label) => i18n.t('taxonomy.relationship.duplicateArchived', [label]),
      };
}

/** Why `typed` (already folded) cannot be a label beside `others`; empty when it can. */
export function labelProblem(typed: string, others: readonly Tag[], text: GroupText): string {
  if (!typed) return i18n.t('taxonomy.labelNeeded');
  if (typed.length > TAG_LIMITS.label) return i18n.t('taxonomy.labelTooLong', [TAG_LIMITS.label]);
  const same = others.find((tag) => fold(tag.label).toLocaleLowerCase() === typed.toLocaleLowerCase());
  if (!same) return '';
  return same.archived ? text.duplicateArchived(same.label) : text.duplicate(same.label);
}
