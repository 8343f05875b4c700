/** Templates. */
export const nl = {
  'tpl.heading': 'Sjabloon',
  'tpl.hint':
    'Bewaar de agenda en de activiteiten van deze bijeenkomst als sjabloon. Antwoorden en namen gaan niet mee. Zo begin je een volgende bijeenkomst meteen goed voorbereid.',
  'tpl.title': 'Naam van het sjabloon',
  'tpl.titleMissing': 'Geef het sjabloon een naam.',
  'tpl.save': 'Opslaan als sjabloon',
  'tpl.saved': 'Het sjabloon is opgeslagen. Deze computer onthoudt het.',
  'tpl.link': 'Link naar het sjabloon (geheim)',
  'tpl.linkHint':
    'Met deze link maakt iemand een nieuwe bijeenkomst met dit sjabloon. Deel hem alleen met collega’s die dat mogen.',
  'tpl.startWith': 'Begin met',
  'tpl.empty': 'Een lege bijeenkomst',
  'tpl.summary': ({ items, activities }: { items: number; activities: number }) =>
    `${items === 1 ? '1 agendapunt' : `${items} agendapunten`}, ${activities === 1 ? '1 activiteit' : `${activities} activiteiten`}`,
  'tpl.forget': 'Dit sjabloon vergeten op deze computer',
  'tpl.forgotten': 'Deze computer is het sjabloon vergeten.',
  'tpl.showServer': 'Alle sjablonen van deze server tonen',
  'tpl.serverLoaded': ({ n }: { n: number }) =>
    n === 1 ? '1 sjabloon gevonden.' : `${n} sjablonen gevonden.`,
  'tpl.linkFailed': 'Dit sjabloon kon niet geopend worden. Misschien is de link niet compleet.',
  'tpl.linkOpened': ({ title }: { title: string }) => `Sjabloon ${title} staat klaar.`,
};

export const en: typeof nl = {
  'tpl.heading': 'Template',
  'tpl.hint':
    'Save the agenda and activities of this meeting as a template. Answers and names are not included. Your next meeting starts well prepared.',
  'tpl.title': 'Template name',
  'tpl.titleMissing': 'Give the template a name.',
  'tpl.save': 'Save as template',
  'tpl.saved': 'The template is saved. This computer remembers it.',
  'tpl.link': 'Link to the template (secret)',
  'tpl.linkHint':
    'With this link someone creates a new meeting from this template. Share it only with colleagues who may.',
  'tpl.startWith': 'Start with',
  'tpl.empty': 'An empty meeting',
  'tpl.summary': ({ items, activities }) =>
    `${items === 1 ? '1 agenda item' : `${items} agenda items`}, ${activities === 1 ? '1 activity' : `${activities} activities`}`,
  'tpl.forget': 'Forget this template on this computer',
  'tpl.forgotten': 'This computer forgot the template.',
  'tpl.showServer': 'Show all templates of this server',
  'tpl.serverLoaded': ({ n }) => (n === 1 ? '1 template found.' : `${n} templates found.`),
  'tpl.linkFailed': 'This template could not be opened. Perhaps the link is incomplete.',
  'tpl.linkOpened': ({ title }) => `Template ${title} is ready.`,
};
