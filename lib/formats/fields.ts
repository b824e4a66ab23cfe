import * as v from 'valibot';
import { isValidContactId } from '../model/contact';
import { isMemberId } from '../model/profile-url';
import { TAG_LIMITS } from '../model/taxonomy';
import { MAX_RHYTHM_DAYS } from '../model/rhythm';

/**
 * The checked shape of each value that crosses a border: a file being imported or a message to the
 * background. Both validate with these, so a value one accepts the other accepts too.
 */

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
export const Dimension = v.picklist(['purpose', 'relationship'], 'must be "purpose" or "relationship"');
export const TagLabel = v.pipe(
  v.string(),
  // A NUL or a line break in a label (a hand-made file, a message) is nothing a person could see or type.
  // eslint-disable-next-line no-control-regex
  v.transform((label) => label.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/ {2,}/g, ' ')),
  v.trim(),
  v.nonEmpty('must not be empty'),
  v.maxLength(TAG_LIMITS.label, `must be at most ${TAG_LIMITS.label} characters`),
);
export const Color = v.pipe(v.string(), v.hexColor('must be a colour like #2f855a'));
/** A profile id, or the name-only id of a contact imported without a profile URL. */
export const ContactId = v.pipe(v.string(), v.check(isValidContactId, 'must be a contact id'));
export const MemberId = v.pipe(v.string(), v.check(isMemberId, 'must be a LinkedIn member id (ACoAA…)'));
export const TagId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a tag id (lower-case letters, digits and dashes)'),
);

/** "profile.name: must be at most 200 characters; …" for the first few problems. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], limit = 3): string {
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return issues.slice(0, limit).map(describeIssue).join('; ') + more;
}

/** "connectedOn: must be a date like 2024-10-09", "contacts[0].password: unexpected field". */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issuePath(issue);
  return path ? `${path}: ${issueMessage(issue)}` : issueMessage(issue);
}

/** Where the problem is: "contacts[0].purposes[1]", or '' for the value itself. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
}

export function issueMessage(issue: v.BaseIssue<unknown>): string {
  // valibot reports an unexpected key as "expected never"; say it in words.
  if (issue.expected === 'never') return 'unexpected field';
  // …and a missing one as 'Invalid key: Expected "id" but received undefined'.
  if (issue.kind === 'schema' && issue.input === undefined && /^"/.test(issue.expected ?? '')) return 'is missing';
  return issue.message;
}

// Keep in touch (lib/model/rhythm.ts).
/** A tag's rhythm: every 1…3650 days. */
export const TagRhythm = v.pipe(
  v.number(),
  v.integer('must be a whole number of days'),
  v.minValue(1, 'must be at least 1 day'),
  v.maxValue(MAX_RHYTHM_DAYS, `must be at most ${MAX_RHYTHM_DAYS} days`),
);
/** A person's rhythm override: 0…3650 days, 0 meaning no rhythm for this person. */
export const PersonRhythm = v.pipe(
  v.number(),
  v.integer('must be a whole number of days'),
  v.minValue(0, 'must be 0 (no rhythm) or more days'),
  v.maxValue(MAX_RHYTHM_DAYS, `must be at most ${MAX_RHYTHM_DAYS} days`),
);
