import { describe, expect, it } from 'vitest';
import { isMemberUrnId, profileIdFromUrl, profileUrl } from './profile-url';

describe('profileIdFromUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-doe/', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe', 'jane-doe'],
    ['https://linkedin.com/in/jane-doe/', 'jane-doe'],
    ['http://www.linkedin.com/in/jane-doe/', 'jane-doe'],
    ['https://de.linkedin.com/in/jane-doe', 'jane-doe'],
    ['https://se.linkedin.com/in/jane-doe/?originalSubdomain=se', 'jane-doe'],
    ['https://www.linkedin.com/in/Jane-Doe/', 'jane-doe'],
    ['https://www.linkedin.com/IN/jane-doe/', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe/?trk=people-guest', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe#experience', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe/overlay/contact-info/', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe/detail/skills/', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe/recent-activity/all/', 'jane-doe'],
    ['https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b3c/', 'jürgen-müller-1a2b3c'],
    ['https://www.linkedin.com/in/J%C3%9CRGEN/', 'jürgen'],
    ['https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F/', '张伟'],
    ['https://www.linkedin.com/in/rajarshi-sengupta-87b0bb2/', 'rajarshi-sengupta-87b0bb2'],
  ])('%s → %s', (url, id) => {
    expect(profileIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/linkedin/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/search/results/people/?keywords=in',
    'https://example.com/in/jane-doe/',
    'https://linkedin.com.evil.example/in/jane-doe/',
    'https://www.linkedin.com/in/%E0%A4%A/',
    'https://www.linkedin.com/in/%3Cscript%3E/',
    'https://www.linkedin.com/in/../',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('%s is not a profile', (url) => {
    expect(profileIdFromUrl(url)).toBeNull();
  });
});

describe('member-id URLs (/in/ACoAA…)', () => {
  const urn = 'ACoAAB3xYzQ8wLk5NmRt7VbP2sHd9FgJc4Ke1Uo';

  it.each([
    `https://www.linkedin.com/in/${urn}`,
    `https://www.linkedin.com/in/${urn}/`,
    `https://nl.linkedin.com/in/${urn}/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A${urn}`,
    `https://www.linkedin.com/in/${urn}/overlay/contact-info/`,
    `https://www.linkedin.com/in/${urn}/recent-activity/all/#top`,
  ])('%s keeps the case of the member id', (url) => {
    expect(profileIdFromUrl(url)).toBe(urn);
  });

  it('tells member ids from vanity slugs', () => {
    expect(isMemberUrnId(urn)).toBe(true);
    expect(isMemberUrnId('ACwAAAbCdEfGhIjKlMnOpQrStUvWxYz01234567')).toBe(true); // Sales Navigator
    expect(isMemberUrnId(urn.toLowerCase())).toBe(true); // as older versions stored it
    for (const slug of ['jane-doe', 'acoaa', 'ACoAA-jane', 'acoaab-smith-12', 'marta-kowal-87b0bb2', '张伟']) {
      expect(isMemberUrnId(slug)).toBe(false);
    }
  });

  it('still lower-cases vanity slugs', () => {
    expect(profileIdFromUrl('https://www.linkedin.com/in/ACoAA-Jane-Doe/')).toBe('acoaa-jane-doe');
  });
});

describe('profileUrl', () => {
  it('round-trips through profileIdFromUrl', () => {
    for (const id of ['jane-doe', 'jürgen-müller-1a2b3c', '张伟', 'ACoAAB3xYzQ8wLk5NmRt7VbP2sHd9FgJc4Ke1Uo']) {
      expect(profileIdFromUrl(profileUrl(id))).toBe(id);
    }
  });
});
