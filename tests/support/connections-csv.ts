/**
 * A Connections.csv as LinkedIn writes it ("Notes:" preamble, then the header), with the values that
 * once made Kindred's own backup unrestorable (issue 13): an empty "Connected On", a date in Dutch
 * ("09 okt 2024"), a headline over 500 characters, a company over 200, and a row without a URL whose
 * name would make a name-only id over 250 characters.
 */
export const LONG_NAME_FIRST = 'Maximiliana'.repeat(14); // 154 characters
export const LONG_NAME_LAST = 'Vandenberghe-'.repeat(12).slice(0, -1); // 155 characters
const LONG_HEADLINE = 'Helping leaders build hybrid teams that last, one conversation at a time. '.repeat(9); // 657
const LONG_COMPANY = 'Flexa Worldwide Holding for Flexible Work and Hybrid Teams '.repeat(5); // 290

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const row = (cells: string[]) => cells.map(quote).join(',');

export const AWKWARD_CONNECTIONS_CSV = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  row(['Jane', 'Doe', 'https://www.linkedin.com/in/jane-doe', '', 'Flexa', 'Flex specialist', '']),
  row(['Sanne', 'de Vries', 'https://www.linkedin.com/in/sanne-de-vries', '', 'Timewise', 'Designer', '09 okt 2024']),
  row(['Sam', 'Lee', 'https://www.linkedin.com/in/sam-lee-42', '', LONG_COMPANY, LONG_HEADLINE, '14 Mar 2023']),
  row([LONG_NAME_FIRST, LONG_NAME_LAST, '', '', 'Acme', 'Engineer', '01 Feb 2022']),
].join('\n');
