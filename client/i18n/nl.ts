/**
 * Dutch, the default language. Plain B1 Dutch: short sentences, everyday words, "je".
 * Every key here must exist in `en.ts` too (the type says so).
 */
import { areasNl } from './areas';

export const nl = {
  'common.skipToContent': 'Naar de inhoud',
  'common.homeLink': 'Oogst, naar de startpagina',
  'common.loading': 'Laden…',
  'common.busy': 'Even geduld…',
  'common.save': 'Opslaan',
  'common.saved': 'Opgeslagen.',
  'common.saving': 'Bezig met opslaan…',
  'common.notSaved': 'Niet opgeslagen',
  'common.cancel': 'Annuleren',
  'common.edit': 'Bewerken',
  'common.remove': 'Verwijderen',
  'common.yesRemove': 'Ja, verwijderen',
  'common.copy': 'Kopiëren',
  'common.copied': 'Gekopieerd.',
  'common.networkError': 'Er is geen verbinding met de server. Probeer het zo nog eens.',
  'common.charsLeft': ({ n }: { n: number }) => (n === 1 ? 'Nog 1 teken over' : `Nog ${n} tekens over`),

  'conn.online': 'Verbonden',
  'conn.connecting': 'Verbinden…',
  'conn.offline': 'Niet verbonden',
  'conn.offlineQueued': ({ n }: { n: number }) =>
    n === 1 ? 'Niet verbonden — 1 wijziging wacht' : `Niet verbonden — ${n} wijzigingen wachten`,
  'conn.sending': ({ n }: { n: number }) =>
    n === 1 ? '1 wijziging wordt verstuurd' : `${n} wijzigingen worden verstuurd`,
  'conn.refused': 'Geen toegang',

  'role.facilitator': 'Gespreksleider',
  'role.secretary': 'Verslaglegger',

  'start.heading': 'Oogst',
  'start.lead':
    'Oogst haalt op wat een bijeenkomst oplevert. Waar de groep staat, wat mensen opschrijven, wat er in de chat gezegd wordt. Samen maak je er meteen een verslag van.',
  'start.joinHeading': 'Meedoen aan een bijeenkomst',
  'start.codeLabel': 'Code van de bijeenkomst',
  'start.codeHint': 'Je krijgt de code van de gespreksleider, bijvoorbeeld ABCD-EF23.',
  'start.codeMissing': 'Vul de code in die je hebt gekregen.',
  'start.joinButton': 'Meedoen',
  'start.createHeading': 'Nieuwe bijeenkomst maken',
  'start.titleLabel': 'Naam van de bijeenkomst',
  'start.titlePlaceholder': 'Bijvoorbeeld: Begeleidingsgroep 31 maart',
  'start.titleMissing': 'Geef de bijeenkomst een naam.',
  'start.dateLabel': 'Datum (niet verplicht)',
  'start.adminLabel': 'Beheerderscode',
  'start.adminHint': 'Op deze server mag alleen iemand met de beheerderscode een bijeenkomst maken.',
  'start.adminWrong': 'De beheerderscode klopt niet.',
  'start.createButton': 'Bijeenkomst maken',
  'start.createFailed': 'Het maken is niet gelukt',
  'start.createdHeading': 'De bijeenkomst is klaar',
  'start.codeIs': 'Code:',
  'start.participantLink': 'Link voor deelnemers',
  'start.participantLinkHint': 'Stuur deze link naar de deelnemers, of laat de code zien.',
  'start.facilitatorLink': 'Link voor de gespreksleider (geheim)',
  'start.secretaryLink': 'Link voor de verslaglegger (geheim)',
  'start.facilitatorLinkHint':
    'Met deze link leidt iemand de bijeenkomst: agenda, activiteiten, timer en uitslagen. Deel hem alleen met die persoon.',
  'start.secretaryLinkHint':
    'Met deze link schrijft iemand het verslag en beheert de chat. Deel hem alleen met die persoon.',
  'start.openFacilitator': 'Naar de bijeenkomst als gespreksleider',
  'start.recentHeading': 'Jouw bijeenkomsten op deze computer',

  'join.heading': 'Meedoen',
  'join.nameLabel': 'Je naam',
  'join.nameHint':
    'Iedereen in de bijeenkomst kan deze naam zien: in de chat, op je post-its en op het gedeelde scherm. Behalve als een vraag anoniem is. Een voornaam is genoeg.',
  'join.nameMissing': 'Vul je naam in.',
  'join.orgLabel': 'Namens wie ben je hier? (niet verplicht)',
  'join.orgNone': 'Zeg ik liever niet',
  'join.button': 'Meedoen',
  'join.failed': 'Meedoen is niet gelukt',
  'join.notFoundHeading': 'Bijeenkomst niet gevonden',
  'join.notFound': ({ code }: { code: string }) =>
    `Er is geen bijeenkomst met de code ${code}. Kijk of je de code goed hebt overgenomen.`,
  'join.tryAgain': 'Een andere code invullen',

  'org.bewonersinitiatief': 'Bewonersinitiatief',
  'org.gemeente': 'Gemeente',
  'org.rijk': 'Rijk',
  'org.maatschappelijke_organisatie': 'Maatschappelijke organisatie',
  'org.anders': 'Anders',

  'meeting.code': 'Code',
  'meeting.loading': 'Bijeenkomst laden',
  'meeting.gone': 'Deze bijeenkomst bestaat niet meer.',

  'participant.waiting': 'Welkom! Zodra de gespreksleider een vraag opent, zie je die hier.',
  'participant.youAre': ({ name }: { name: string }) => `Je doet mee als ${name}.`,
  'participant.changeName': 'Naam wijzigen',

  'agenda.heading': 'Agenda',
  'agenda.empty': 'Er is nog geen agenda.',
  'agenda.emptyFacilitator': 'De agenda is nog leeg. Voeg hieronder een agendapunt toe.',
  'agenda.now': 'Nu',
  'agenda.addItem': 'Agendapunt toevoegen',
  'agenda.editItem': 'Agendapunt bewerken',
  'agenda.addButton': 'Toevoegen',
  'agenda.itemTitle': 'Titel',
  'agenda.itemBody': 'Toelichting (niet verplicht)',
  'agenda.titleMissing': 'Geef het agendapunt een titel.',
  'agenda.itemControls': ({ title }: { title: string }) => `Acties voor ${title}`,
  'agenda.moveUp': ({ title }: { title: string }) => `${title} omhoog`,
  'agenda.moveDown': ({ title }: { title: string }) => `${title} omlaag`,
  'agenda.looseHeading': 'Activiteiten zonder agendapunt',
  'agenda.looseHint': 'Je kunt een activiteit ook los maken en later aan een agendapunt koppelen.',
  'agenda.forItem': ({ title }: { title: string }) => `bij ${title}`,

  'kind.scale': 'Peiling',

  'status.draft': 'Voorbereid',
  'status.open': 'Open',
  'status.closed': 'Gesloten',
  'status.revealed': 'Uitslag zichtbaar',
  'status.anonymous': 'Anoniem',

  'activity.controls': 'Bediening',
  'activity.open': 'Openen',
  'activity.reopen': 'Opnieuw openen',
  'activity.close': 'Sluiten',
  'activity.reveal': 'Uitslag tonen aan iedereen',
  'activity.hide': 'Uitslag weer verbergen',
  'activity.confirmRemove': 'Activiteit en alle antwoorden verwijderen?',
  'activity.resultsShown': 'Uitslag (iedereen ziet hem)',
  'activity.resultsHiddenForOthers': 'Uitslag (alleen jij en de verslaglegger zien hem nu)',

  'editor.newPoll': 'Nieuwe peiling',
  'editor.editPoll': 'Peiling bewerken',
  'editor.question': 'Vraag',
  'editor.questionMissing': 'Vul een vraag in.',
  'editor.levels': ({ n }: { n: number }) => `Schaal (${n} niveaus)`,
  'editor.levelsHint': 'Van laag naar hoog. Minimaal 2, maximaal 10 niveaus.',
  'editor.scalePreset': 'Woorden van de schaal',
  'editor.presetStandard': 'Helemaal niet – een beetje – redelijk – zeer tevreden',
  'editor.presetEarlier': 'Zoals eerder gevraagd: helemaal niet – beetje – enigszins – zeer tevreden',
  'editor.presetOwn': 'Eigen woorden',
  'editor.levelN': ({ n }: { n: number }) => `Niveau ${n}`,
  'editor.removeLevelN': ({ n, label }: { n: number; label: string }) => `Niveau ${n} verwijderen (${label})`,
  'editor.addLevel': 'Niveau toevoegen',
  'editor.levelMissing': 'Elk niveau heeft een naam nodig.',
  'editor.anonymous': 'Anoniem: niemand ziet wie wat antwoordde',
  'editor.agendaItem': 'Bij agendapunt',
  'editor.noItem': 'Geen agendapunt',
  'editor.create': 'Peiling maken',
  'editor.hasAnswers': 'Er zijn al antwoorden. De vraag en de schaal kunnen niet meer veranderen.',

  'poll.chooseLevel': 'Kies eerst een antwoord op de schaal.',
  'poll.noteLabel': 'Toelichting (niet verplicht)',
  'poll.save': 'Antwoord opslaan',
  'poll.update': 'Antwoord wijzigen',
  'poll.retract': 'Antwoord intrekken',
  'poll.saved': 'Je antwoord is opgeslagen.',
  'poll.retracted': 'Je antwoord is ingetrokken.',
  'poll.youAnswered': ({ level }: { level: string }) =>
    `Je antwoord: ${level}. Je kunt het wijzigen zolang de vraag open is.`,
  'poll.closedNow': 'De vraag is net gesloten. Je antwoord is niet opgeslagen.',
  'poll.isClosed': 'Deze vraag is gesloten.',
  'poll.notAnonymousHint': 'Bij de uitslag staat je naam bij je toelichting.',
  'poll.anonymousHint': 'Anoniem: niemand ziet wie wat antwoordde.',
  'poll.resultsHeading': 'Uitslag',
  'poll.resultsLater': 'De uitslag zie je als de gespreksleider hem laat zien.',
  'poll.resultsCaption': ({ n }: { n: number }) =>
    n === 1 ? 'Aantal antwoorden per niveau (1 in totaal)' : `Aantal antwoorden per niveau (${n} in totaal)`,
  'poll.level': 'Antwoord',
  'poll.count': 'Aantal',
  'poll.share': 'Verdeling',
  'poll.notesHeading': 'Toelichtingen',
  'poll.noNotes': 'Er zijn geen toelichtingen gegeven.',
  'poll.progress': ({ n, m }: { n: number; m: number }) => `${n} van ${m} beantwoord`,

  'presence.heading': 'Aanwezig',
  'presence.summary': ({ online, joined }: { online: number; joined: number }) =>
    `${online} online, ${joined} aangemeld`,
  'presence.online': 'online',
  'presence.away': 'weg',

  'share.heading': 'Uitnodigen',
  'share.screen': 'Scherm om te delen (opent in een nieuw tabblad)',

  'settings.heading': 'Bijeenkomst',
  'settings.deleteHeading': 'Bijeenkomst verwijderen',
  'settings.deleteHint':
    'Alles van deze bijeenkomst wordt gewist: deelnemers, antwoorden en verslag. Dit kan niet terug.',
  'settings.deleteButton': 'Bijeenkomst verwijderen',
  'settings.deleteConfirm': 'Weet je het zeker?',
  'settings.deleteYes': 'Ja, alles wissen',

  'secretary.activitiesHeading': 'Activiteiten en uitslagen',
  'secretary.noActivities': 'Er zijn nog geen activiteiten.',

  'screen.joinAt': ({ host }: { host: string }) => `Doe mee op ${host} met de code`,
  'screen.nothingYet': 'Nog geen uitslag om te laten zien.',

  'access.heading': 'Geen toegang',
  'access.missingToken':
    'Deze link is niet compleet. Open de geheime link die je hebt gekregen, met het deel na het #-teken.',
  'access.wrongToken': 'Deze link geeft geen toegang tot deze bijeenkomst.',
  'access.toStart': 'Naar de startpagina',

  'notFound.heading': 'Deze pagina bestaat niet',
  ...areasNl,
};

export type Dict = typeof nl;
