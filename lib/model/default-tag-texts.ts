import { DEFAULT_TAXONOMY } from './taxonomy';

/**
 * The default tags' label and description in each language Kindred has shipped them in, by tag id.
 * Kindred before schema version 10 stored these texts with every default tag, in the language the
 * database was created in; the version 10 migration (lib/storage/db.ts) recognises them here and stores
 * them empty, so the tags follow the browser's language (lib/storage/default-labels.ts). These texts
 * have not changed since the first release; tests/unit/default-tag-texts.test.ts checks the Dutch ones
 * against locales/nl.yml. A new language adds its own table.
 */
type Texts = Record<string, { label: string; description: string }>;

const DUTCH: Texts = {
  work: {
    label: 'Voor mijn werk',
    description: 'Klanten, opdrachtgevers en branchecontacten die mijn werkgever nodig heeft.',
  },
  growth: { label: 'Veerkracht in mijn loopbaan', description: 'Mensen die me energie geven, voeden en uitdagen.' },
  purpose: { label: 'Gedeelde purpose', description: 'Mensen met dezelfde professionele missie als ik.' },
  belonging: { label: 'Ergens bij horen', description: 'Mijn tribe: gedeelde ervaringen, overtuigingen en ambities.' },
  impact: { label: 'Maatschappelijke impact', description: 'Samen dragen we bij, verder dan onze eigen organisaties.' },
  mentor: { label: 'Mentor', description: 'Helpt me verder met ervaring en advies.' },
  'way-shower': { label: 'Wegwijzer', description: 'Een rolmodel dat laat zien wat er mogelijk is.' },
  peer: { label: 'Vakgenoot', description: 'Uit mijn community of practice.' },
  colleague: { label: 'Collega', description: 'Werkt of werkte met me samen.' },
  client: { label: 'Klant', description: 'Een klant of opdrachtgever.' },
  industry: { label: 'Branchecontact', description: 'Iemand uit mijn branche.' },
  mentee: { label: 'Mentee', description: 'Iemand die ik begeleid.' },
  sponsor: { label: 'Sponsor', description: 'Komt voor me op waar ik zelf niet bij ben.' },
  friend: { label: 'Vriend', description: 'Net zo goed een vriend als een contact.' },
};

const ENGLISH: Texts = Object.fromEntries(
  DEFAULT_TAXONOMY.map(({ id, label, description }) => [id, { label, description }]),
);

/** The shipped texts, per language. */
export const SHIPPED_DEFAULT_TEXTS: Readonly<Record<'en' | 'nl', Texts>> = { en: ENGLISH, nl: DUTCH };

/** Whether `value` is a default tag's shipped label or description in any language (so: not renamed). */
export function isShippedDefaultText(id: string, field: 'label' | 'description', value: string): boolean {
  return Object.values(SHIPPED_DEFAULT_TEXTS).some((texts) => texts[id]?.[field] === value);
}
