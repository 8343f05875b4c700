import * as board from './board';
import * as breakout from './breakout';
import * as chat from './chat';
import * as choice from './choice';
import * as errors from './errors';
import * as flow from './flow';
import * as report from './report';
import * as rooms from './rooms';
import * as screen from './screen';
import * as statements from './statements';
import * as templates from './templates';
import * as timer from './timer';
import * as words from './words';

/**
 * Strings of each product area live in their own file (`areas/<area>.ts`, exporting `nl` and an
 * `en` typed `typeof nl`), so areas do not edit the same lines. Add one import and one spread per
 * area here; keys are prefixed with the area (`board.…`, `report.…`).
 */
export const areasNl = {
  ...report.nl,
  ...breakout.nl,
  ...board.nl,
  ...flow.nl,
  ...timer.nl,
  ...statements.nl,
  ...choice.nl,
  ...words.nl,
  ...chat.nl,
  ...templates.nl,
  ...rooms.nl,
  ...screen.nl,
  ...errors.nl,
};
export const areasEn: typeof areasNl = {
  ...report.en,
  ...breakout.en,
  ...board.en,
  ...flow.en,
  ...timer.en,
  ...statements.en,
  ...choice.en,
  ...words.en,
  ...chat.en,
  ...templates.en,
  ...rooms.en,
  ...screen.en,
  ...errors.en,
};
