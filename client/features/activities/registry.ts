import type { ComponentType } from 'react';
import type { Results } from '../../../shared/domain/activities';
import type { ActivityView } from '../../../shared/domain/types';
import type { ActivityKindName, ActivitySpec } from '../../../shared/protocol/schemas/activity';
import type { useT } from '../../i18n';
import { BREAKOUT_UI } from '../board/kind';
import { ChoiceAnswer } from '../choice/ChoiceAnswer';
import { ChoiceResultsView } from '../choice/ChoiceResultsView';
import { ScaleAnswer } from '../poll/ScaleAnswer';
import { ScaleEditor } from '../poll/ScaleEditor';
import { ScaleResultsView } from '../poll/ScaleResultsView';
import { StatementsAnswer } from '../statements/StatementsAnswer';
import { StatementsResultsView } from '../statements/StatementsResultsView';
import { WordsAnswer } from '../words/WordsAnswer';
import { WordsResultsView } from '../words/WordsResultsView';
import type { AnswerProps, EditorProps, ResultsProps } from './kindProps';
import { lazyEditor } from './lazyEditor';

type T = ReturnType<typeof useT>;

/** The screens of one kind of activity. A new kind adds an entry here. */
export interface KindUi {
  label(t: T): string;
  /** One line that names this activity in lists (its question). */
  title(activity: ActivityView): string;
  /** `readOnly`: looking back at an earlier agenda item: show the answer, never change it. */
  Answer: ComponentType<AnswerProps>;
  Results: ComponentType<ResultsProps<ActivitySpec, Results>>;
  Editor: ComponentType<EditorProps>;
  /** Kinds without answers to reveal (break-outs): no reveal buttons, no "n of m answered". */
  noReveal?: boolean;
  /** Words for opening and closing, when "Openen" / "Sluiten" do not fit (break-outs: start, end). */
  openLabel?(t: T, again: boolean): string;
  closeLabel?(t: T): string;
  /** Instead of the plain close button: one that asks first (break-outs: end now or in 60 s). */
  CloseControl?: ComponentType<{
    activity: ActivityView;
    onError(message: string): void;
    /** The activity was closed through this control, which is about to go (focus moves on, A11Y1). */
    onDone?(control: Element | null): void;
  }>;
  /** Staff see this under the controls instead of the live results (break-outs: rooms and boards). */
  Staff?: ComponentType<{ activity: ActivityView }>;
  /**
   * The shared screen shows this instead of results (break-outs: rooms, timers, synthesis themes).
   * Such a kind has nothing hidden from the screen, so it stays on screen once ended (SCREEN2).
   */
  Screen?: ComponentType<{ activity: ActivityView }>;
}

export const KINDS: Record<ActivityKindName, KindUi> = {
  scale: {
    label: (t) => t('kind.scale'),
    title: (a) => (a.spec.kind === 'scale' ? a.spec.question : ''),
    Answer: ScaleAnswer as KindUi['Answer'],
    Results: ScaleResultsView as KindUi['Results'],
    Editor: ScaleEditor as KindUi['Editor'],
  },
  statements: {
    label: (t) => t('stmt.kind'),
    title: (a) => ('question' in a.spec ? a.spec.question : ''),
    Answer: StatementsAnswer as KindUi['Answer'],
    Results: StatementsResultsView as KindUi['Results'],
    Editor: lazyEditor(() => import('../statements/StatementsEditor')) as KindUi['Editor'],
  },
  choice: {
    label: (t) => t('choice.kind'),
    title: (a) => ('question' in a.spec ? a.spec.question : ''),
    Answer: ChoiceAnswer as KindUi['Answer'],
    Results: ChoiceResultsView as KindUi['Results'],
    Editor: lazyEditor(() => import('../choice/ChoiceEditor')) as KindUi['Editor'],
  },
  words: {
    label: (t) => t('words.kind'),
    title: (a) => ('question' in a.spec ? a.spec.question : ''),
    Answer: WordsAnswer as KindUi['Answer'],
    Results: WordsResultsView as KindUi['Results'],
    Editor: lazyEditor(() => import('../words/WordsEditor')) as KindUi['Editor'],
  },
  breakout: BREAKOUT_UI,
};
