/**
 * Strings of each product area live in their own file (`areas/<area>.ts`, exporting `nl` and an
 * `en` typed `typeof nl`), so areas do not edit the same lines. Add one import and one spread per
 * area here; keys are prefixed with the area (`board.…`, `report.…`).
 */
import * as board from './board';

export const areasNl = { ...board.nl };
export const areasEn: typeof areasNl = { ...board.en };
