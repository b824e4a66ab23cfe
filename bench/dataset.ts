import type { Contact } from '../lib/model/contact';
import { buildExport } from '../lib/formats/export-format';
import { DEFAULT_TAXONOMY } from '../lib/model/taxonomy';

/**
 * A seeded, realistic network for the benchmark: the same seed gives the same people, so runs compare.
 * Nothing is downloaded.
 */
const FIRST = [
  'Anna',
  'Bram',
  'Chloé',
  'Daan',
  'Emma',
  'Fatima',
  'Gijs',
  'Hannah',
  'Ibrahim',
  'Julia',
  'Kenji',
  'Lotte',
  'Mohammed',
  'Noor',
  'Olivia',
  'Pieter',
  'Priya',
  'Quinten',
  'Rosa',
  'Sven',
  'Tess',
  'Umar',
  'Valentina',
  'Wei',
  'Xander',
  'Yara',
  'Zoë',
  'James',
  'Maria',
  'Sofia',
  'Lucas',
  'Aisha',
  'Mateo',
  'Ines',
  'Jonas',
  'Mila',
  'Sanne',
  'Thijs',
  'Eva',
  'Ravi',
];
const LAST = [
  'de Vries',
  'Jansen',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Bos',
  'Okafor',
  'Nguyen',
  'García',
  'Müller',
  'Rossi',
  'Kowalski',
  'Haddad',
  'Iyer',
  'Tanaka',
  'Silva',
  'Johnson',
  'Andersson',
  'Dubois',
  'Novak',
  'Yilmaz',
  'Chen',
  'Kim',
  'Patel',
  'Brown',
  'Lind',
];
const ROLES = [
  'Product Manager',
  'Software Engineer',
  'Head of People',
  'Designer',
  'Data Scientist',
  'Founder',
  'Consultant',
  'Researcher',
  'Account Executive',
  'Teacher',
  'Nurse',
  'Policy Advisor',
  'Community Builder',
  'CFO',
  'Recruiter',
];
const COMPANIES = [
  'Flexa',
  'Timewise',
  'Acme',
  'Globex',
  'Initech',
  'Purpose Co',
  'Tidewater Labs',
  'Gemeente Utrecht',
  'Philips',
  'ING',
  'Booking.com',
  'Adyen',
  'Rabobank',
  'UMC Utrecht',
  'Triodos Bank',
  'Ocean Cleanup',
  'Mollie',
  'Picnic',
  'Coolblue',
  'ASML',
];
const CITIES = [
  'Amsterdam, North Holland, Netherlands',
  'Utrecht, Netherlands',
  'London, England, United Kingdom',
  'Auckland, New Zealand',
  'Berlin, Germany',
  'Rotterdam, South Holland, Netherlands',
];

/** mulberry32: small, fast, good enough for test data. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateContacts(count: number, seed = 42): Contact[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  // A few employers dominate, as in real networks.
  const company = () => COMPANIES[Math.min(COMPANIES.length - 1, Math.floor(-Math.log(1 - random()) * 4))]!;
  const purposes = DEFAULT_TAXONOMY.filter((t) => t.dimension === 'purpose').map((t) => t.id);
  const relationships = DEFAULT_TAXONOMY.filter((t) => t.dimension === 'relationship').map((t) => t.id);
  const start = Date.parse('2019-01-01T00:00:00.000Z');
  const span = Date.parse('2026-11-01T00:00:00.000Z') - start;
  return Array.from({ length: count }, (_, index) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const id = `${first}-${last}-${index.toString(36)}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9-]+/g, '-');
    const works = company();
    const created = new Date(start + random() * span).toISOString();
    const tagged = random() < 0.3;
    const seen =
      random() < 0.5
        ? new Date(
            Date.parse(created) + random() * (Date.parse('2026-11-20T00:00:00.000Z') - Date.parse(created)),
          ).toISOString()
        : '';
    return {
      id,
      url: `https://www.linkedin.com/in/${id}/`,
      name: `${first} ${last}`,
      headline: `${pick(ROLES)} at ${works}`,
      company: works,
      location: pick(CITIES),
      purposes: tagged ? [...new Set([pick(purposes), ...(random() < 0.3 ? [pick(purposes)] : [])])] : [],
      relationships: tagged && random() < 0.8 ? [pick(relationships)] : [],
      note:
        tagged && random() < 0.2
          ? `Met at ${pick(['a conference', 'a meetup', 'work', 'university'])}; talk about ${pick(['flex work', 'hiring', 'purpose', 'AI'])}.`
          : '',
      createdAt: created,
      updatedAt: created,
      lastSeenAt: seen,
    };
  });
}

export function kindredFile(contacts: Contact[]): string {
  return JSON.stringify(buildExport(DEFAULT_TAXONOMY, contacts, new Date('2026-11-22T10:00:00.000Z')));
}

/** LinkedIn's current Connections.csv for the same people. */
export function connectionsCsv(contacts: Contact[]): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const rows = contacts.map((c) => {
    const [first, ...rest] = c.name.split(' ');
    const date = new Date(c.createdAt);
    const month = date.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
    const on = `${String(date.getUTCDate()).padStart(2, '0')} ${month} ${date.getUTCFullYear()}`;
    return [first ?? '', rest.join(' '), c.url, '', c.company, c.headline.split(' at ')[0] ?? '', on]
      .map(quote)
      .join(',');
  });
  return `Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`;
}
