/** Caps of the break-out and board area. Schemas enforce them; the UI shows them. */
export const BOARD_LIMITS = {
  questions: 8,
  rooms: 100,
  roomSize: 100,
  timeboxMinutes: 480,
  noteText: 500,
  notesPerBoard: 2000,
  themeHeading: 120,
  themesPerBoard: 100,
  message: 500,
  roomLabel: 60,
  /** Dot votes per participant per board. */
  voteLimit: 20,
  defaultVotes: 3,
  /** Board coordinates run from 0 to this, in board units (≈ CSS pixels at 100 %). */
  coord: 20_000,
  /** Notes moved to a theme in one command. */
  bulk: 500,
} as const;
