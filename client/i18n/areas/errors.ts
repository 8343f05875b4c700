/**
 * [ERR1] What a person reads when the server refuses something: one sentence per error code, saying
 * what to do. The app never shows the server's own text (English, for developers) or its details.
 */
export const nl = {
  'errors.invalid_payload': 'Er klopt iets niet in wat je invulde. Kijk het na en probeer het opnieuw.',
  'errors.unauthorized': 'Je hebt geen toegang. Open de link die je kreeg opnieuw.',
  'errors.forbidden': 'Dit kun je hier niet doen.',
  'errors.not_found': 'Dit bestaat niet meer. Laad de pagina opnieuw.',
  'errors.conflict': 'Dit botst met een andere wijziging. Laad de pagina opnieuw en probeer het nog eens.',
  'errors.closed': 'Dit is nu gesloten. Je kunt hier niets meer veranderen.',
  'errors.rate_limited': 'Dat gaat te snel. Wacht even en probeer het opnieuw.',
  'errors.too_large': 'Dit is te veel of te groot. Maak het kleiner.',
  'errors.internal': 'Er ging iets mis op de server. Probeer het opnieuw.',
  'errors.unavailable': 'De opslag is tijdelijk niet bereikbaar. Probeer het zo opnieuw.',
  'errors.network': 'Er is geen verbinding met de server. Probeer het zo nog eens.',
  'errors.unstorable':
    'Deze tekst bevat een teken dat niet kan worden opgeslagen: typ hem opnieuw in plaats van te plakken.',
};

export const en: typeof nl = {
  'errors.invalid_payload': 'Something you filled in is not right. Check it and try again.',
  'errors.unauthorized': 'You have no access. Open the link you were given again.',
  'errors.forbidden': 'You cannot do this here.',
  'errors.not_found': 'This no longer exists. Reload the page.',
  'errors.conflict': 'This clashes with another change. Reload the page and try again.',
  'errors.closed': 'This is closed now. You can no longer change anything here.',
  'errors.rate_limited': 'That is too fast. Wait a moment and try again.',
  'errors.too_large': 'This is too much or too large. Make it smaller.',
  'errors.internal': 'Something went wrong on the server. Please try again.',
  'errors.unavailable': 'The storage is briefly unreachable. Please try again in a moment.',
  'errors.network': 'There is no connection to the server. Please try again shortly.',
  'errors.unstorable':
    'This text holds a character that cannot be stored: type it again instead of pasting it.',
};
