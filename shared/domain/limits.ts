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
} as const;
