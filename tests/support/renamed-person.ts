import { JANE, type Person, profilePage } from './pages';

/**
 * Jane Doe before and after she changed her LinkedIn URL (/in/jane-doe → /in/jane-doe-flexa). Both pages
 * carry her member id, as the top card's "connections" link does on LinkedIn; it stays when the URL changes.
 */
export const MEMBER = 'ACoAAB8mNq2VxRt5YwZ3pLk7HsJd4FgCe9UbT1i';
export const BEFORE: Person = JANE;
export const RENAMED: Person = { ...JANE, id: 'jane-doe-flexa' };
export const MOVED_TEXT =
  'Kindred knew this person as linkedin.com/in/jane-doe, their earlier LinkedIn address, and moved their tags and note here.';

/** The 2024 top card with the link LinkedIn puts under the name: "500+ connections", by member id. */
export function withMemberLink(p: Person): string {
  return profilePage(p).replace(
    '<div class="pv-top-card-v2-ctas">',
    `<a href="/search/results/people/?connectionOf=%5B%22${MEMBER}%22%5D&network=%5B%22F%22%5D">500+ connections</a>
      <div class="pv-top-card-v2-ctas">`,
  );
}

const people = new Map<string, Person>([BEFORE, RENAMED].map((p) => [p.id, p]));
/** LinkedIn's pages for both URLs. */
export const renamedPages = (url: URL): string | undefined => {
  const id = /^\/in\/([^/]+)/.exec(url.pathname)?.[1];
  const p = id ? people.get(id) : undefined;
  return p ? withMemberLink(p) : undefined;
};

/** The same pages without the member id (the top card without its "connections" link). */
export const withoutMemberLink = (url: URL): string | undefined => {
  const id = /^\/in\/([^/]+)/.exec(url.pathname)?.[1];
  const p = id ? people.get(id) : undefined;
  return p ? profilePage(p) : undefined;
};
