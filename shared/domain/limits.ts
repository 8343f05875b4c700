/** Caps on every field and collection. Schemas enforce them; the UI shows them (counters, maxLength). */
export const LIMITS = {
  meetingTitle: 200,
  name: 60,
  agendaTitle: 200,
  agendaBody: 5000,
  agendaItems: 100,
  activitiesPerMeeting: 200,
  question: 300,
  levelLabel: 80,
  note: 1000,
  participantsPerMeeting: 2000,
  /** Statements (stellingen): a statement, how many in one activity, an explanation per statement. */
  statement: 300,
  statementsPerActivity: 20,
  statementNote: 500,
  /** Choice and ranking: an option's label, how many options, the points budget. */
  option: 120,
  options: 20,
  pointsBudget: 1000,
  /** Open words: one answer, how many per participant. */
  word: 40,
  wordsPerAnswer: 5,
  wordGroups: 200,
  /** Chat: one message, messages per meeting, a page of history, messages per author per 10 s. */
  chatMessage: 2000,
  chatMessagesPerMeeting: 50_000,
  chatPage: 200,
  chatRatePer10s: 10,
  linksPerMessage: 10,
  /** Timer: longest countdown and the largest single extension (ms). */
  timerMaxMs: 4 * 60 * 60 * 1000,
  timerLabel: 80,
  templateTitle: 200,
} as const;
