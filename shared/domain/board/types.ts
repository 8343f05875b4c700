import type { ActivityStatus } from '../types';
import type { NoteColour } from './palette';

/** A break-out room as everyone may see it: its label and how many people are in it. */
export interface RoomView {
  id: string;
  label: string;
  index: number;
  size: number;
}

/** The dot-voting state of a board (BOARD12). */
export interface VotingView {
  open: boolean;
  /** Votes each participant may spend on this board. */
  limit: number;
  /** Counts are shown to participants and observers only once revealed. */
  revealed: boolean;
}

/** A board's settings: which room and question, lock, anonymity, voting. Not its contents. */
export interface BoardView {
  id: string;
  activityId: string;
  /** null for the plenary synthesis board of this question. */
  roomId: string | null;
  questionIndex: number;
  question: string;
  locked: boolean;
  anonymous: boolean;
  voting: VotingView;
}

/** A post-it as it is sent to everyone who may see its board. */
export interface NoteView {
  id: string;
  boardId: string;
  text: string;
  colour: NoteColour;
  x: number;
  y: number;
  themeId: string | null;
  /** The writer's display name; null on an anonymous board or for notes written by staff. */
  author: string | null;
  /** Written by the facilitator or secretary. */
  byStaff: boolean;
  /** On a synthesis board: the room the post-it came from. */
  roomLabel: string | null;
  /** Goes up by one with every stored change (BOARD8). */
  version: number;
  createdAt: number;
}

/** A theme (cluster) with a heading; its post-its point to it with `themeId`. */
export interface ThemeView {
  id: string;
  boardId: string;
  heading: string;
  x: number;
  y: number;
  version: number;
  createdAt: number;
}

/** One of my own dot votes. */
export interface VoteRef {
  id: string;
  noteId: string;
}

/** Everything on one board for one viewer: the answer to `board:sync`. */
export interface BoardState {
  board: BoardView;
  notes: NoteView[];
  themes: ThemeView[];
  /**
   * Votes per post-it: for staff always, for others once revealed; null otherwise. On a synthesis
   * board a copy's count includes the votes its original got in its room (BOARD13).
   */
  counts: Record<string, number> | null;
  /** Synthesis boards: the room votes inside `counts`, per copy (only those with any); null with `counts`. */
  roomCounts: Record<string, number> | null;
  /** The viewer's own votes (participants). */
  myVotes: VoteRef[];
  /** Ids of the post-its this viewer may edit as their own. */
  mine: string[];
  /** Ids of post-its deleted on this board, with their final version: never to come back. */
  deleted: { id: string; version: number }[];
}

/** A break-out activity's rooms and boards, as sent to one audience (BOARD5). */
export interface BreakoutView {
  activityId: string;
  status: ActivityStatus;
  /** When the break-outs were last started (server clock), for the time box. */
  startedAt: number | null;
  rooms: RoomView[];
  /** Settings of every board. Contents come with `board:sync` to who may see them. */
  boards: BoardView[];
  /** The plenary synthesis has started: its boards are in `boards` with `roomId: null`. */
  synthesis: boolean;
  /** The last message from the facilitator to all rooms. */
  message: { id: string; text: string; at: number } | null;
  /** [BOARD18] When the break-outs end by themselves (server clock), while a countdown runs. */
  endsAt: number | null;
  /** Staff only: room per participant id. */
  members?: Record<string, string>;
}

/** Where a participant is placed: the room id, or null when not (yet) in a room. */
export interface Placement {
  activityId: string;
  roomId: string | null;
}
