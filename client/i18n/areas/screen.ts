/** The shared screen (projector) and the links that let people in. Plain B1 Dutch, "je". */
export const nl = {
  'screen.joinHeading': 'Doe mee',
  'screen.goTo': 'Scan de QR-code, of ga naar',
  'screen.withCode': 'met de code',
  'screen.qrLabel': ({ link }: { link: string }) => `QR-code met de link voor deelnemers: ${link}`,
  'screen.answered': ({ n, total }: { n: number; total: number }) =>
    `${n} van ${total} ${n === 1 ? 'heeft' : 'hebben'} geantwoord`,

  'links.keepWarning':
    'Bewaar de link voor de gespreksleider goed: wie hem heeft, leidt de bijeenkomst. Hij staat maar één keer op dit scherm.',
  'links.download': 'Links downloaden (tekstbestand)',
  'links.downloadHint': 'Een klein tekstbestand met alle links van deze bijeenkomst, om te bewaren.',
  'links.screenLink': 'Link voor het scherm (om te delen of te projecteren)',
  'links.show': 'Toon',
  'links.hide': 'Verberg',
  'links.showWhat': ({ what }: { what: string }) => `Toon ${what}`,
  'links.hideWhat': ({ what }: { what: string }) => `Verberg ${what}`,
  'links.hiddenHint': 'Verborgen, zodat niemand hem ziet als je je scherm deelt.',
  'links.secretaryUnknown':
    'De link voor de verslaglegger is niet in deze browser bewaard. Je vindt hem in het tekstbestand met de links, of in de browser waarin je de bijeenkomst maakte.',
  'links.fileTitle': ({ title }: { title: string }) => `Oogst — links van de bijeenkomst ${title}`,
  'links.fileCode': ({ code }: { code: string }) => `Code voor deelnemers: ${code}`,
  'links.fileKeep':
    'Bewaar dit bestand goed. Wie de link voor de gespreksleider heeft, leidt de bijeenkomst. Wie de link voor de verslaglegger heeft, schrijft het verslag en beheert de chat.',
  'links.fileFacilitator': 'Gespreksleider (geheim)',
  'links.fileSecretary': 'Verslaglegger (geheim)',
  'links.fileParticipant': 'Deelnemers',
  'links.fileScreen': 'Scherm om te delen',
};

export const en: typeof nl = {
  'screen.joinHeading': 'Join in',
  'screen.goTo': 'Scan the QR code, or go to',
  'screen.withCode': 'with the code',
  'screen.qrLabel': ({ link }) => `QR code with the participants' link: ${link}`,
  'screen.answered': ({ n, total }) => `${n} of ${total} ${n === 1 ? 'has' : 'have'} answered`,

  'links.keepWarning':
    "Keep the facilitator's link safe: whoever has it runs the meeting. It is shown on this screen only once.",
  'links.download': 'Download the links (text file)',
  'links.downloadHint': "A small text file with all of this meeting's links, to keep.",
  'links.screenLink': 'Link for the screen (to share or project)',
  'links.show': 'Show',
  'links.hide': 'Hide',
  'links.showWhat': ({ what }) => `Show ${what}`,
  'links.hideWhat': ({ what }) => `Hide ${what}`,
  'links.hiddenHint': 'Hidden, so nobody sees it when you share your screen.',
  'links.secretaryUnknown':
    "The secretary's link is not kept in this browser. You find it in the text file with the links, or in the browser in which you created the meeting.",
  'links.fileTitle': ({ title }) => `Oogst — links of the meeting ${title}`,
  'links.fileCode': ({ code }) => `Code for participants: ${code}`,
  'links.fileKeep':
    "Keep this file safe. Whoever has the facilitator's link runs the meeting. Whoever has the secretary's link writes the verslag and curates the chat.",
  'links.fileFacilitator': 'Facilitator (secret)',
  'links.fileSecretary': 'Secretary (secret)',
  'links.fileParticipant': 'Participants',
  'links.fileScreen': 'Screen to share',
};
