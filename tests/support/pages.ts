/** Small LinkedIn-like pages of our own, in the 2024 logged-in layout, for any person. */
export interface Person {
  id: string;
  name: string;
  headline: string;
  company: string;
  location: string;
}

export const JANE: Person = {
  id: 'jane-doe',
  name: 'Jane Doe',
  headline: 'Flex specialist helping leaders build hybrid teams',
  company: 'Flexa',
  location: 'London, England, United Kingdom',
};

export const SAM: Person = {
  id: 'sam-lee-42',
  name: 'Sam Lee',
  headline: 'Community builder at Timewise',
  company: 'Timewise',
  location: 'Manchester, England, United Kingdom',
};

export function person(index: number): Person {
  return {
    id: `person-${index}`,
    name: `Person Number${index}`,
    headline: `Headline of person ${index}`,
    company: `Company ${index}`,
    location: 'Amsterdam, North Holland, Netherlands',
  };
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The profile's top card and a bit of the page around it, as LinkedIn rendered it in 2024. */
export function topCard(p: Person, { selfLinks = true } = {}): string {
  const about = selfLinks ? `/in/${p.id}/overlay/about-this-profile/` : '#';
  const contactInfo = selfLinks ? `/in/${p.id}/overlay/contact-info/` : '#';
  return `
  <section class="artdeco-card pv-top-card" data-member-id="1">
    <div class="ph5 pb5">
      <div class="mt2 relative">
        <div>
          <a href="${about}" aria-label="${escape(p.name)} has verifications">
            <h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">${escape(p.name)}</h1>
          </a>
          <span class="dist-value">2nd</span>
        </div>
        <div class="text-body-medium break-words" data-generated-suggestion-target="urn:li:fsu_profileActionDelegate:1">
          ${escape(p.headline)}
        </div>
        <ul class="pv-text-details__right-panel">
          <li><button type="button" aria-label="Current company: ${escape(p.company)}. Click to skip to experience card">
            <span class="hoverable-link-text"><div>${escape(p.company)}</div></span>
          </button></li>
        </ul>
        <div class="mt2">
          <span class="text-body-small inline t-black--light break-words">${escape(p.location)}</span>
          <a href="${contactInfo}" id="top-card-text-details-contact-info">Contact info</a>
        </div>
      </div>
      <div class="pv-top-card-v2-ctas">
        <button type="button" class="artdeco-button">Message</button>
        <button type="button" class="artdeco-button">More</button>
      </div>
    </div>
  </section>
  <section class="artdeco-card"><h2>About</h2><p>Lorem ipsum about ${escape(p.name)}.</p></section>`;
}

export function profilePage(p: Person): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(p.name)} | LinkedIn</title></head>
<body>
  <header id="global-nav"><nav><a href="/feed/">Home</a> <a href="/mynetwork/">My Network</a></nav></header>
  <div class="application-outlet"><main class="scaffold-layout__main" id="main">${topCard(p)}</main></div>
  <aside id="msg-overlay" style="position:fixed;right:16px;bottom:0;width:288px;height:48px;background:#fff;border:1px solid #ccc">Messaging</aside>
</body>
</html>`;
}

/** LinkedIn as these people's profile pages, each at `/in/<id>/` and its sub-pages; anything else is a 404. */
export function profilePages(...people: Person[]): (url: URL) => string | undefined {
  const byId = new Map(people.map((p) => [p.id, p]));
  return (url) => {
    const p = byId.get(/^\/in\/([^/]+)/.exec(url.pathname)?.[1] ?? '');
    return p ? profilePage(p) : undefined;
  };
}

/**
 * A profile page of LinkedIn's size: the saved 2024 pages are about 600 KB with thousands of elements
 * (experience, education, skills, recommendations). Chromium parses, lays out and paints such a page
 * in several steps.
 */
export function largeProfilePage(p: Person): string {
  const section = (i: number) =>
    `<section class="artdeco-card pv-profile-card"><div class="pvs-header"><h2><span aria-hidden="true">Experience ${i}</span><span class="visually-hidden">Experience ${i}</span></h2></div>
      <ul class="pvs-list">${Array.from({ length: 5 }, (_, j) => `<li class="pvs-list__item"><div class="display-flex"><img width="48" height="48" alt="" src="data:,"><div><span class="t-bold">Role ${j} at Company ${i}</span><span class="t-14 t-normal">Full-time · ${j + 1} yrs</span><p class="t-14">Led a team of ${j + 3} people working on flexible work, hiring and purpose-driven projects across Europe and Asia.</p></div></div></li>`).join('')}</ul></section>`;
  return profilePage(p).replace('</main>', `${Array.from({ length: 400 }, (_, i) => section(i)).join('\n')}</main>`);
}

export const FEED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Feed | LinkedIn</title></head>
<body><main id="main"><h2>Feed</h2><p>Posts</p></main></body></html>`;
