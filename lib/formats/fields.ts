import * as v from 'valibot';

/**
 * Field schemas shared by Kindred files and the messages the background accepts. They live here, not
 * in lib/protocol, because lib/formats may import only lib/model (and lib/protocol may import lib/formats).
 */

export const Dimension = v.picklist(['purpose', 'relationship'], 'must be "purpose" or "relationship"');
export const TagLabel = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('must not be empty'),
  v.maxLength(60, 'must be at most 60 characters'),
);
export const Color = v.pipe(v.string(), v.hexColor('must be a colour like #2f855a'));
export const TagId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a tag id (lower-case letters, digits and dashes)'),
);

/** "profile.name: must be at most 200 characters; …" for the first few problems. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], limit = 3): string {
  const described = issues.slice(0, limit).map((issue) => {
    const path = (issue.path ?? [])
      .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
      .join('')
      .replace(/^\./, '');
    // valibot reports an unexpected key as "expected never"; say it in words.
    const message = issue.expected === 'never' ? 'unexpected field' : issue.message;
    return path ? `${path}: ${message}` : message;
  });
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return described.join('; ') + more;
}
