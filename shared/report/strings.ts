/**
 * The words that harvest functions and exports write into the verslag, per language. Dutch is the
 * default; plain B1 Dutch. (The client's UI strings live in `client/i18n`; these end up in the
 * document itself, rendered on the server and in the browser alike.)
 */
export type ReportLang = 'nl' | 'en';

export const REPORT_STRINGS = {
  nl: {
    titlePrefix: 'Verslag',
    meetingOn: (date: string) => `Bijeenkomst van ${date}.`,
    introduction: 'Inleiding',
    closing: 'Afsluiting',
    nextMeeting: 'De volgende bijeenkomst is op …',
    scaleAnswered: (n: number, q: string) =>
      n === 0
        ? `Op de vraag “${q}” is nog niet geantwoord.`
        : n === 1
          ? `Op de vraag “${q}” gaf 1 deelnemer antwoord:`
          : `Op de vraag “${q}” gaven ${n} deelnemers antwoord:`,
    levelCount: (label: string, n: number) => `${label}: ${n}`,
    scaleNotesIntro: 'De toelichtingen, per antwoord:',
    // [A11Y4] The same words as the screens: "Peiling", "Woordwolk", "Break-outs".
    // REPORT12: the first seven as before; later columns are only filled where they apply.
    csvColumns: [
      'Agendapunt',
      'Soort',
      'Vraag',
      'Onderdeel',
      'Aantal',
      'Tekst',
      'Naam',
      'Punten',
      'Gemiddelde plaats',
      'Tip',
      'Vastgepind',
      'Links',
    ],
    kindScale: 'Peiling',
    kindStatements: 'Stellingen',
    kindChoice: 'Keuze of rangorde',
    kindWords: 'Woordwolk',
    kindBreakout: 'Break-outs',
    csvLevelNote: 'toelichting',
    kindChat: 'Chat',
    chatMeeting: 'Chat met iedereen',
    chatRoom: (room: string) => `Chat in ${room}`,
    roleFacilitator: 'Gespreksleider',
    roleSecretary: 'Verslaglegger',
    yes: 'ja',
    no: 'nee',
  },
  en: {
    titlePrefix: 'Report',
    meetingOn: (date: string) => `Meeting of ${date}.`,
    introduction: 'Introduction',
    closing: 'Closing',
    nextMeeting: 'The next meeting is on …',
    scaleAnswered: (n: number, q: string) =>
      n === 0
        ? `Nobody has answered the question “${q}” yet.`
        : n === 1
          ? `1 participant answered the question “${q}”:`
          : `${n} participants answered the question “${q}”:`,
    levelCount: (label: string, n: number) => `${label}: ${n}`,
    scaleNotesIntro: 'The explanations, by answer:',
    csvColumns: [
      'Agenda item',
      'Type',
      'Question',
      'Part',
      'Count',
      'Text',
      'Name',
      'Points',
      'Average place',
      'Tip',
      'Pinned',
      'Links',
    ],
    kindScale: 'Poll',
    kindStatements: 'Statements',
    kindChoice: 'Choice or ranking',
    kindWords: 'Word cloud',
    kindBreakout: 'Break-outs',
    csvLevelNote: 'explanation',
    kindChat: 'Chat',
    chatMeeting: 'Chat with everyone',
    chatRoom: (room: string) => `Chat in ${room}`,
    roleFacilitator: 'Facilitator',
    roleSecretary: 'Secretary',
    yes: 'yes',
    no: 'no',
  },
} as const;

export const reportStrings = (lang: ReportLang) => REPORT_STRINGS[lang];
