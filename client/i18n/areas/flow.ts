/** Agenda flow and shared bits of the facilitation toolkit. Plain B1 Dutch, "je". */
export const nl = {
  'toolkit.moveUp': ({ what }: { what: string }) => `${what} omhoog`,
  'toolkit.moveDown': ({ what }: { what: string }) => `${what} omlaag`,
  'toolkit.removeItem': ({ what }: { what: string }) => `${what} verwijderen`,
  'toolkit.youAnswered': 'Je antwoord is binnen. Je kunt het wijzigen zolang de vraag open is.',

  'flow.heading': 'Waar is de bijeenkomst?',
  'flow.nowAt': ({ n, total, title }: { n: number; total: number; title: string }) =>
    `Nu bij agendapunt ${n} van ${total}: ${title}`,
  'flow.notStarted': 'De bijeenkomst is nog niet bij een agendapunt.',
  'flow.controls': 'Naar een ander agendapunt',
  'flow.previous': ({ title }: { title: string }) => `Terug naar ${title}`,
  'flow.next': ({ title }: { title: string }) => `Volgende: ${title}`,
  'flow.begin': ({ title }: { title: string }) => `Begin met ${title}`,
  'flow.lastItem': 'Dit is het laatste agendapunt.',
  'flow.followHint': 'Iedereen gaat automatisch mee naar het agendapunt dat je kiest.',
  'flow.gotoItem': 'Naar dit punt',
  'flow.itemOf': ({ n, total }: { n: number; total: number }) => `Agendapunt ${n} van ${total}`,
  'flow.movedTo': ({ n, title }: { n: number; title: string }) =>
    `De bijeenkomst is nu bij agendapunt ${n}: ${title}`,
  'flow.alsoOpen': 'Ook nog open',
  'flow.nothingToDo': 'Bij dit agendapunt hoef je nu niets te doen. Luister mee, of kijk in de chat.',
  'flow.lookingBack': 'Je kijkt terug naar een eerder agendapunt. Hier kun je niets meer veranderen.',
  'flow.backToNow': 'Terug naar nu',
  'flow.lookBack': 'Terugkijken',
  'flow.viewing': 'Je kijkt hier',
  'flow.done': 'geweest',
  'flow.noActivitiesHere': 'Bij dit agendapunt waren geen vragen.',
  'flow.readOnlyAnswer': 'Je kijkt terug. Je antwoord staat hierboven.',
  // [FLOW5] Moving on while activities of this item are still open.
  'flow.closeOne': ({ what }: { what: string }) => `${what} sluiten?`,
  'flow.closeMany': ({ n }: { n: number }) => `${n} werkvormen sluiten?`,
  'flow.stillOpen': ({ title }: { title: string }) =>
    title
      ? `Je gaat naar ${title}. Bij dit agendapunt staat nog open:`
      : 'Bij dit agendapunt staat nog open:',
  'flow.closeHint': ({ n }: { n: number }): string =>
    n === 1
      ? 'Sluit je het, dan kan niemand meer antwoorden. Laat je het open, dan zien deelnemers het bij ‘Ook nog open’.'
      : 'Sluit je ze, dan kan niemand meer antwoorden. Laat je ze open, dan zien deelnemers ze bij ‘Ook nog open’.',
  'flow.closeAndGo': 'Sluiten en verder',
  'flow.leaveOpenAndGo': 'Open laten en verder',
  'flow.stayHere': 'Hier blijven',

  'projector.title': 'Scherm',
  'projector.welcome': 'Welkom',
  'projector.answerNow': 'Beantwoord de vraag nu op je telefoon of laptop.',
  'projector.resultsSoon': 'De uitslag komt zo.',
};

export const en: typeof nl = {
  'toolkit.moveUp': ({ what }) => `Move ${what} up`,
  'toolkit.moveDown': ({ what }) => `Move ${what} down`,
  'toolkit.removeItem': ({ what }) => `Remove ${what}`,
  'toolkit.youAnswered': 'Your answer is in. You can change it while the question is open.',

  'flow.heading': 'Where is the meeting?',
  'flow.nowAt': ({ n, total, title }) => `Now at agenda item ${n} of ${total}: ${title}`,
  'flow.notStarted': 'The meeting is not at an agenda item yet.',
  'flow.controls': 'Go to another agenda item',
  'flow.previous': ({ title }) => `Back to ${title}`,
  'flow.next': ({ title }) => `Next: ${title}`,
  'flow.begin': ({ title }) => `Start with ${title}`,
  'flow.lastItem': 'This is the last agenda item.',
  'flow.followHint': 'Everyone follows to the agenda item you choose.',
  'flow.gotoItem': 'Go to this item',
  'flow.itemOf': ({ n, total }) => `Agenda item ${n} of ${total}`,
  'flow.movedTo': ({ n, title }) => `The meeting is now at agenda item ${n}: ${title}`,
  'flow.alsoOpen': 'Also still open',
  'flow.nothingToDo': 'Nothing to do for this agenda item right now. Listen in, or look at the chat.',
  'flow.lookingBack': 'You are looking back at an earlier agenda item. Nothing can be changed here.',
  'flow.backToNow': 'Back to now',
  'flow.lookBack': 'Look back',
  'flow.viewing': 'You are here',
  'flow.done': 'done',
  'flow.noActivitiesHere': 'There were no questions at this agenda item.',
  'flow.readOnlyAnswer': 'You are looking back. Your answer is shown above.',
  'flow.closeOne': ({ what }) => `Close ${what.toLowerCase()}?`,
  'flow.closeMany': ({ n }) => `Close ${n} activities?`,
  'flow.stillOpen': ({ title }) =>
    title ? `You are going to ${title}. Still open at this agenda item:` : 'Still open at this agenda item:',
  'flow.closeHint': ({ n }) =>
    n === 1
      ? 'Close it and nobody can answer any more. Leave it open and participants see it under ‘Also still open’.'
      : 'Close them and nobody can answer any more. Leave them open and participants see them under ‘Also still open’.',
  'flow.closeAndGo': 'Close and go on',
  'flow.leaveOpenAndGo': 'Leave open and go on',
  'flow.stayHere': 'Stay here',

  'projector.title': 'Screen',
  'projector.welcome': 'Welcome',
  'projector.answerNow': 'Answer the question now on your phone or laptop.',
  'projector.resultsSoon': 'The results will follow.',
};
