import type { OrgType } from '../roles';

/**
 * The post-it colours, by name: a colour is never the only carrier of meaning (WCAG 1.4.1), so
 * every colour has a name that is shown and read out. Backgrounds are light, so the text on them
 * (#1b1f1c) has a contrast of at least 12:1.
 */
export const NOTE_COLOURS = ['geel', 'oranje', 'roze', 'paars', 'blauw', 'groen', 'grijs'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];

export const COLOUR_HEX: Record<NoteColour, string> = {
  geel: '#fff3a3',
  oranje: '#ffd8a8',
  roze: '#ffc9de',
  paars: '#e2d4ff',
  blauw: '#cfe6ff',
  groen: '#d3f2cf',
  grijs: '#e6e8e6',
};

/** With "colour by organisation type", the server picks the colour from the author's organisation. */
export const ORG_COLOUR: Record<OrgType, NoteColour> = {
  bewonersinitiatief: 'groen',
  gemeente: 'blauw',
  rijk: 'paars',
  maatschappelijke_organisatie: 'oranje',
  anders: 'roze',
};
/** Staff and people who did not say: grey is never an organisation's colour. */
export const NO_ORG_COLOUR: NoteColour = 'grijs';

export function colourForOrg(org: OrgType | null | undefined): NoteColour {
  return org ? ORG_COLOUR[org] : NO_ORG_COLOUR;
}
