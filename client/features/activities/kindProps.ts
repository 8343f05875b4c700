import type { ActivityView, MyResponse } from '../../../shared/domain/types';
import type { ActivitySpec } from '../../../shared/protocol/schemas/activity';

/** What a kind's answer form gets. */
export interface AnswerProps<S extends ActivitySpec = ActivitySpec> {
  activity: ActivityView<S>;
  mine: MyResponse | undefined;
  /** [FLOW2] Looking back at an earlier item: the answer shows, the form is off. */
  readOnly?: boolean;
}

/** What a kind's results view gets. */
export interface ResultsProps<S extends ActivitySpec, R> {
  activity: ActivityView<S>;
  results: R;
  headingLevel?: 3 | 4 | 5;
}

/** What a kind's editor gets. */
export interface EditorProps<S extends ActivitySpec = ActivitySpec> {
  existing?: ActivityView<S>;
  agendaItemId: string | null;
  /** With the id of the saved activity; without it after "Annuleren" (focus goes back accordingly). */
  onDone: (savedId?: string) => void;
}
