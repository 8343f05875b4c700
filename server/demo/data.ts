/**
 * The demo meeting's content, taken from the seed reports: seed 000 (the reference meeting of
 * 31 March 2021: agenda, the satisfaction scale with its remarks, the break-out insights) and seed
 * 004 (the chat tips). Participant names are invented first names.
 */
import { SEED_SCALE_LEVELS } from '../../shared/domain/activities';
import type { OrgType } from '../../shared/domain/roles';

export const DEMO_TITLE = 'Begeleidingsgroep Participatie in Aardgasvrije Wijken';
export const DEMO_DATE = '2021-03-31';

export const DEMO_AGENDA = [
  {
    key: 'inleiding',
    title: 'Inleiding',
    body: 'Welkom bij de eerste bijeenkomst van de begeleidingsgroep in 2021. We kijken waar de groep staat, horen updates en gaan in break-outs dieper in op koplopers en lokaal eigendom.',
  },
  {
    key: 'plaatsbepaling',
    title: 'Gezamenlijke plaatsbepaling',
    body: 'Hoe tevreden of ontevreden ben je over de stand van participatie in de aardgasvrije transitie? De transitie is breder dan het PAW: het gaat om alle wijken en gemeenten die aardgasvrij moeten worden.',
  },
  { key: 'update-paw', title: 'Update van het Programma Aardgasvrije Wijken', body: '' },
  { key: 'update-ofl', title: 'Update OFL', body: '' },
  {
    key: 'verdieping',
    title: 'Verdieping Koplopers en lokaal eigendom',
    body: 'In break-outs beantwoorden we met post-its vier vragen:\n• Wat kunnen koplopers betekenen voor de aardgasvrije transitie?\n• Hoe leggen ze verbindingen met de bredere buurt?\n• Hoe werken koplopers en betrokken instituties samen?\n• Wat zou hierin beter of anders moeten?',
  },
  {
    key: 'signaleren',
    title: 'Signaleren van nieuwe praktijken',
    body: 'Korte interviews met twee deelnemers over hun moedige praktijk.',
  },
  {
    key: 'afsluiting',
    title: 'Afsluiting',
    body: 'De volgende bijeenkomst is op 8 juli van 13:00 tot 16:00.',
  },
] as const;

export type AgendaKey = (typeof DEMO_AGENDA)[number]['key'];

export const DEMO_PEOPLE: { name: string; orgType: OrgType }[] = [
  { name: 'Ans', orgType: 'bewonersinitiatief' },
  { name: 'Bram', orgType: 'gemeente' },
  { name: 'Carmen', orgType: 'bewonersinitiatief' },
  { name: 'Dirk', orgType: 'rijk' },
  { name: 'Esther', orgType: 'maatschappelijke_organisatie' },
  { name: 'Frank', orgType: 'bewonersinitiatief' },
  { name: 'Gerda', orgType: 'gemeente' },
  { name: 'Hamid', orgType: 'bewonersinitiatief' },
  { name: 'Ilse', orgType: 'maatschappelijke_organisatie' },
  { name: 'Joost', orgType: 'gemeente' },
  { name: 'Kim', orgType: 'bewonersinitiatief' },
  { name: 'Lotte', orgType: 'anders' },
  { name: 'Maarten', orgType: 'rijk' },
  { name: 'Nadia', orgType: 'bewonersinitiatief' },
];

/**
 * The scale (seed 000: "Helemaal niet/beetje tevreden", "Enigszins tevreden", "Zeer tevreden"):
 * each remark as a participant's answer with its level; the others answer without a remark.
 */
export const DEMO_SCALE: { level: number; note: string }[] = [
  {
    level: 0,
    note: 'De dialoog, in de begeleidingsgroep en in het land, is goed, maar het zijn bubbels. Het moet een maatschappelijk gedragen gesprek worden om de samenlevingstransitie voor iedereen voor elkaar te krijgen.',
  },
  {
    level: 1,
    note: 'Het woord ‘participatie’ is in deze context lastig omdat al besloten is dat er aardgasvrije wijken komen.',
  },
  {
    level: 0,
    note: 'Zolang men zegt ‘vanaf nu mag aardgasvrij niet meer’ zonder duidelijk te maken wat dan wel, kun je niet op participatie rekenen.',
  },
  {
    level: 1,
    note: 'Commerciële bedrijven zien een burger als klant waar ze facturen naar kunnen sturen, en niet als participant. De individuele gebruiker moet empowered worden om alle rollen en functies te vervullen die voorheen in handen waren van grote machten.',
  },
  {
    level: 2,
    note: 'Bij gemeenten neemt het besef toe dat een ambtenaar die aan de energietransitie werkt, samenwerkt met andere transities in dat gebied. Er is te weinig ruimte om te onderzoeken wat integraal werken betekent en welke rol bewoners hebben. Corona maakt dat extra lastig.',
  },
  {
    level: 2,
    note: 'Er is kritiek op het PAW dat er te weinig gestructureerd geleerd werd. Er zijn dingen ondernomen om dat goed op orde te krijgen, zoals de reflectieve monitor, en de samenwerking van de Participatiecoalitie met het PAW richting een kennisagenda.',
  },
  {
    level: 2,
    note: 'Er zijn verschillende niveaus, processen en doelen van participatie. Participatie in een project in één straat is iets anders dan participatie in een beleidsontwikkeling, waar je in een kleine groep werkt voor een grote groep voor een langere termijn.',
  },
  { level: 3, note: 'Het gesprek gaat van wijk naar straat naar woning (maar zonder passend aanbod).' },
  { level: 1, note: '' },
  { level: 2, note: '' },
  { level: 1, note: '' },
  { level: 2, note: '' },
];
export const DEMO_SCALE_LEVELS = [...SEED_SCALE_LEVELS];

/** Seed 001: statements and the question about frameworks, prepared (not yet opened). */
export const DEMO_STATEMENTS = [
  'Vrolijk aan de slag, die kaders komen later wel',
  'Zonder heldere kaders geen goede samenwerking',
];
export const DEMO_KADERS = [
  'Gelijkwaardigheid',
  'Vertrouwen',
  'Transparantie',
  'Duidelijke rollen',
  'Budget',
];

/** Seed 004: "Tips (top 10) uit de chat", best first. */
export const DEMO_TIPS = [
  "Ik heb als ambtenaar een interne klankbordgroep Dorpsgericht werken om juist met collega's vanuit alle afdelingen te bekijken hoe we de participatie nog beter kunnen maken. Zij zijn ook de ogen en oren in hun afdeling.",
  "Interne medewerkers laten ervaren wat participatie betekent en hoe bewoners goede input leveren. Gewoon mee doen dus. Van de start collega's betrekken en meenemen in het (ontwikkel)traject. Dilemma's en vraagstukken voorleggen en bespreekbaar maken.",
  'In Zwolle hebben we een COP van initiatieven en ambtenaren van het energietransitieteam. Dat helpt de mensen bij de gemeente ontzettend om de participatie op de agenda te zetten.',
  'Eerlijkheid is ook heel belangrijk in participatie. En timing. Want als er echt niets meer te kiezen is, dan ben je te laat met participatie begonnen! Eerlijkheid = van meet af aan open zijn over waar bewoners wel en waar niet over mee kunnen denken, doen en beslissen.',
  "Maak het aantrekkelijk voor collega's om actief mee te werken aan participatie door tijd en budget intern beschikbaar te stellen in de verschillende afdelingsbegrotingen.",
  'Door binnen naar buiten te halen. De straat op met goede interviews op straat. Interview werkvelden waarin je samen aan de slag gaat.',
  "Wij hebben het afgelopen jaar een groep van experts vanuit NEN op het vlak van participatie gefaciliteerd om een toetsingskader te schrijven. Dat gaat niet over 'hoe doe je participatie', maar 'hoe krijg ik inzicht in de kwaliteit van (voorgenomen) participatietrajecten'.",
  'Start open en zet niet direct jouw participatiestrategie strak neer: vraag hoe de mensen in een wijk mee willen doen. Misschien is dat wel een gezamenlijke moestuin. Begin daar. En bouw dan uit tot je een keer bij de energietransitie komt.',
  'Zoek mensen in de wijk die iets met duurzaamheid doen of hebben gedaan. Motiveer die om iets gezamenlijks van de grond te trekken. Toon als gemeente dat je er stevig achter staat.',
  "Kunnen we 'participatie' beschouwen als 'samenwerken'? Iedere partij in een opgave heeft een rol, kennis, ervaring en belangen. Burgers zijn nu ook een partij. En met burgers aan tafel ontstaan juist zoveel nieuwe kansen en inzichten.",
];

/** Seed 004: "Wat is er nog meer in de chat gezegd?" (a selection). */
export const DEMO_CHAT_MORE = [
  'Zoek ook binnen je eigen gemeentelijke organisatie de mensen die participatie WEL leuk vinden. En ga met hen aan de slag!',
  'Gemeenten werken te veel vanuit de top-down strategie. Je komt bij de bewoner achter de voordeur, daar maakt de bewoner de dienst uit. Strategie moet dus bottom-up zijn.',
  'Iedereen heeft het over bewonersparticipatie maar niemand heeft het over eigenarenparticipatie.',
  'We hebben elke twee weken een coördinatiegroep van alle samenwerkende partners als gemeente, woningbouwcoöperatie en onze bewonerscoöperatie. Samen organiseren we webinars.',
  'Samen mee de straat op om in gesprek te gaan met bewoners! Laat bewonersinitiatieven hun drijfveren en projecten presenteren aan de ambtenaren.',
  'Samenwerken met initiatieven: koplopers mobiliseren ook weer de middengroepen.',
  'Er is geen één burger!',
  'Gemeenteraad kaders geven? Raad gééft kaders.',
  'De ervaring van de Woonbond is dat huurders nog niet of nauwelijks (kunnen) participeren in de wijkaanpak naar aardgasvrije wijken.',
  'Als kleine gemeente kunnen wij niets met de wijkgerichte aanpak. Zie het stuk https://klimaatverbond.nl/publicatie/whitepaper-van-klimaatakkoord-naar-keukentafel/. Super verhelderend!',
  'Wat geweldig! De participatiewet gecombineerd met de energietransitie: arbeidslozen helpen aan een baan, inclusief opleiding, die in de eigen buurt aan de slag kunnen!',
];

/** Seed 000's four break-out questions ("Verdieping Koplopers en lokaal eigendom"). */
export const DEMO_QUESTIONS = [
  'Wat kunnen koplopers betekenen voor de aardgasvrije transitie?',
  'Hoe leggen ze verbindingen met de bredere buurt?',
  'Hoe werken koplopers en betrokken instituties samen?',
  'Wat zou hierin beter of anders moeten?',
];

/**
 * Seed 000's break-out insights, clustered into the seed's themes with their headings, each under
 * the question (index into `DEMO_QUESTIONS`) whose board its post-its were written on. The demo
 * and the seed-000 verslag test put them on the boards, then cluster them on the synthesis.
 */
export const DEMO_INSIGHTS: { question: number; theme: string; notes: string[] }[] = [
  {
    question: 0,
    theme: '‘Koplopers’ gaat niet alleen over bewoners',
    notes: [
      'Andere rollen kunnen net zozeer koploper zijn: ambtenaren, bestuurders, professionals, ondernemers.',
      'Koplopers hoeven niet per se personen te zijn: denk aan de voetbalclub die de wijk helpt verduurzamen.',
      'Koplopers zijn (groepen van) mensen binnen wijken en instituties die proactief bijdragen aan een noodzakelijke transitie.',
    ],
  },
  {
    question: 0,
    theme: 'De waarde van koplopende bewoners',
    notes: [
      'Koplopers creëren werkelijke oplossingen en laten zien dat en hoe het kan.',
      'Koplopers geven vorm aan een nieuwe ordening tussen overheid, markt en samenleving.',
      'Wat koplopende bewoners doen is niet per definitie ‘goed’: ook bewoners kunnen particuliere doelen nastreven.',
    ],
  },
  {
    question: 1,
    theme: 'Koplopende bewoners en hun verbinding met de rest van de buurt',
    notes: [
      'Koplopers zijn niet per se representatief voor de buurt.',
      'Instituties hebben de verantwoordelijkheid voor inclusiviteit, niet de koplopers.',
      'Koplopers kennen de buurt als geen ander en vervullen een netwerkrol.',
    ],
  },
  {
    question: 2,
    theme: 'Samenwerking koplopende bewoners en instituties',
    notes: [
      'Koplopers dagen instanties uit om nieuwe routines te ontwikkelen.',
      'Instituties moeten veranderen richting koplopende bewoners, niet andersom.',
      'Goede samenwerking hangt nog vaak af van één ambtenaar.',
    ],
  },
  {
    question: 3,
    theme: 'Dominante assumpties in de energietransitie limiteren ruimte voor alternatieven',
    notes: [
      'Is grootschaligheid echt nodig? De warmtetransitie met koplopers doet het beter dan PAW als geheel.',
      'Gedistribueerd is een betere term dan kleinschalig.',
      'Er moet ruimte komen om te experimenteren, met bestuurlijke dekking.',
    ],
  },
];

/** A few lines in each demo room's chat (the rooms' own chat channels). */
export const DEMO_ROOM_CHAT: string[][] = [
  [
    'Zullen we bij vraag 1 beginnen? Ik zet de eerste post-it neer.',
    'Goed idee. Ook de voetbalclub kan een koploper zijn, vind ik.',
  ],
  [
    'Wie houdt de tijd in de gaten?',
    'Tip: het rapport van Platform31 over koplopers en instituties is de moeite waard.',
  ],
  ['Bij vraag 4 komen we steeds uit bij de vraag of grootschaligheid echt nodig is.'],
];
