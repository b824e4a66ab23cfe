import { describe, expect, it } from 'vitest';
import { profileIdFromUrl, profileUrl } from './profile-url';

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

describe('profileUrl', () => {
  it('round-trips through profileIdFromUrl', () => {
    for (const id of ['jane-doe', 'jürgen-müller-1a2b3c', '张伟']) {
      expect(profileIdFromUrl(profileUrl(id))).toBe(id);
    }
  });
});
