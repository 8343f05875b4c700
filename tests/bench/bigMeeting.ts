import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import type { AppContext } from '../../server/context';
import { silentLogger } from '../../server/log';
import { activityView } from '../../server/meetings/activities';
import { chatView } from '../../server/meetings/chat';
import type { Session } from '../../server/meetings/meetings';
import { openSqliteStore, SQLITE_FILE } from '../../server/storage/sqlite';
import { MARGIN, NOTE_COLOURS, themeRect } from '../../shared/domain/board';
import { chatDigest } from '../../shared/domain/chat';
import { newId } from '../../shared/domain/ids';
import type { ReportBlock } from '../../shared/report/blocks';
import { harvestChat } from '../../shared/report/chat';
import { blocksToDoc } from '../../shared/report/document';
import { harvest } from '../../shared/report/registry';
import { appendBlocks } from '../../shared/report/ydoc';

/** Bump when what the meeting holds changes: the cached data directory is made again. */
const VERSION = 1;
const PEOPLE = 1000;
const NOTES = 2000;
const ROOMS = 20;
const THEMES = 40;
const CHAT = 3000;

const SEED = fs
  .readFileSync(path.resolve(import.meta.dirname, '../fixtures/seed-000-verslag.txt'), 'utf8')
  .replace(/\s+/g, ' ');
/** A piece of the seed verslag's text, different for each `i`. */
const words = (i: number, length: number) => {
  const at = (i * 7919) % (SEED.length - length);
  return SEED.slice(at, at + length).trim();
};

export interface BigMeeting {
  dataDir: string;
  meetingId: string;
  code: string;
  facilitatorToken: string;
  secretaryToken: string;
  /** Every participant's token, to connect as them. */
  tokens: string[];
}

const people = (meetingId: string, ids: string[]): Session[] =>
  ids.map((participantId) => ({ meetingId, role: 'participant' as const, participantId }));

/** A scale poll with an explanation from everyone, statements with notes, open words: answered, revealed. */
async function polls(ctx: AppContext, meetingId: string, who: Session[]) {
  const create = async (spec: Parameters<AppContext['activities']['create']>[1]['spec']) => {
    const a = await ctx.activities.create(meetingId, {
      id: newId(),
      agendaItemId: null,
      anonymous: false,
      spec,
    });
    await ctx.activities.setState(meetingId, a.id, 'open');
    return a.id;
  };
  const scale = await create({
    kind: 'scale',
    question: 'Hoe tevreden ben je over de stand van participatie in de aardgasvrije transitie?',
    levels: ['Zeer ontevreden', 'Ontevreden', 'Tevreden', 'Zeer tevreden'],
  });
  const statements = await create({
    kind: 'statements',
    question: 'Wat vind je van deze stellingen?',
    statements: [
      'Koplopers moeten meer ruimte krijgen.',
      'De gemeente moet regie nemen.',
      'Lokaal eigendom werkt.',
    ],
    labels: { agree: 'Eens', neutral: 'Neutraal', disagree: 'Oneens' },
    neutral: true,
  });
  const cloud = await create({ kind: 'words', question: 'Welk woord neem je mee?', maxWords: 3 });
  const positions = ['agree', 'neutral', 'disagree'] as const;
  for (const [i, s] of who.entries()) {
    const submit = (activityId: string, value: unknown, note?: string) =>
      ctx.activities.submit(meetingId, s.participantId!, {
        id: newId(),
        activityId,
        value: value as never,
        ...(note ? { note } : {}),
      });
    await submit(scale, { level: i % 4 }, words(i, 120 + (i % 5) * 40));
    await submit(statements, {
      answers: [0, 1, 2].map((k) => ({
        position: positions[(i + k) % 3]!,
        ...(i % 4 === k ? { note: words(i + k, 90) } : {}),
      })),
    });
    await submit(cloud, { words: [0, 1, 2].map((k) => words(i * 3 + k, 12).split(' ')[0] || 'energie') });
  }
  for (const id of [scale, statements, cloud]) await ctx.activities.setState(meetingId, id, 'reveal');
}

/** Break-outs in ROOMS rooms, NOTES post-its on their boards, the synthesis clustered into THEMES themes. */
async function breakouts(ctx: AppContext, meetingId: string, who: Session[]) {
  const facilitator: Session = { meetingId, role: 'facilitator', participantId: null };
  const activity = await ctx.activities.create(meetingId, {
    id: newId(),
    agendaItemId: null,
    anonymous: false,
    spec: {
      kind: 'breakout',
      questions: ['Wat kunnen koplopers betekenen voor de aardgasvrije transitie?'],
      rooms: { by: 'count', count: ROOMS },
      assignment: 'random',
      timeboxMinutes: null,
      seeOtherRooms: false,
      participantsCluster: false,
      colourBy: 'choice',
    },
  });
  await ctx.activities.setState(meetingId, activity.id, 'open');
  const rooms = await ctx.store.breakouts.rooms(activity.id);
  for (const [i, s] of who.entries())
    await ctx.breakouts.move(meetingId, {
      activityId: activity.id,
      participantId: s.participantId!,
      roomId: rooms[i % ROOMS]!.id,
    });
  const boards = await ctx.store.breakouts.boards(activity.id);
  for (let k = 0; k < NOTES; k++) {
    const room = rooms[k % ROOMS]!;
    const board = boards.find((b) => b.roomId === room.id)!;
    const i = Math.floor(k / ROOMS);
    await ctx.boards.notes.create(who[(k % ROOMS) + ROOMS * (i % (who.length / ROOMS))]!, {
      id: newId(),
      boardId: board.id,
      text: words(k, 50 + (k % 4) * 20),
      colour: NOTE_COLOURS[k % 6]!,
      x: MARGIN + (i % 10) * 200,
      y: MARGIN + Math.floor(i / 10) * 140,
    });
  }
  await ctx.breakouts.synthesis(meetingId, activity.id);
  const synthesis = (await ctx.store.breakouts.boards(activity.id)).find((b) => b.roomId === null)!;
  const notes = await ctx.store.boards.notes(synthesis.id);
  const per = Math.ceil(notes.length / THEMES);
  const size = themeRect({ x: 0, y: 0 }, per);
  for (let t = 0; t < THEMES; t++) {
    await ctx.boards.themes.create(facilitator, {
      id: newId(),
      boardId: synthesis.id,
      heading: `Thema ${t + 1}: ${words(t * 31, 40)}`,
      x: MARGIN + (t % 20) * (size.w + MARGIN),
      y: MARGIN + Math.floor(t / 20) * (size.h + MARGIN),
      noteIds: notes.slice(t * per, (t + 1) * per).map((n) => n.id),
    });
  }
  await ctx.activities.setState(meetingId, activity.id, 'close');
}

/** CHAT messages from the participants (some with a link), ten of them marked as tips. */
async function chat(ctx: AppContext, meetingId: string, who: Session[]) {
  const secretary: Session = { meetingId, role: 'secretary', participantId: null };
  for (let k = 0; k < CHAT; k++) {
    const link = k % 25 === 0 ? ` Zie https://example.org/bron/${k}` : '';
    const { message } = await ctx.chat.send(who[k % who.length]!, {
      id: newId(),
      channel: 'meeting',
      text: `${words(k * 3, 60 + (k % 6) * 25)}${link}`,
    });
    if (k % 300 === 0) await ctx.chat.tip(secretary, message.id, true);
  }
}

/** The verslag: a heading, then the harvest of every activity and of the chat, as the secretary inserts them. */
async function verslag(ctx: AppContext, meetingId: string): Promise<Uint8Array> {
  const blocks: ReportBlock[] = [{ type: 'heading', level: 1, text: 'Verslag Begeleidingsgroep' }];
  for (const a of await ctx.store.activities.list(meetingId))
    blocks.push(...harvest(activityView(a), await ctx.activities.results(a), 'nl'));
  blocks.push(...harvestChat(chatDigest((await ctx.store.chat.all(meetingId)).map(chatView)), 'nl'));
  const doc = new Y.Doc();
  appendBlocks(doc, blocksToDoc(blocks));
  return Y.encodeStateAsUpdate(doc);
}

async function generate(dir: string): Promise<Omit<BigMeeting, 'dataDir'>> {
  const scratch = fs.mkdtempSync(
    path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'oogst-big-'),
  );
  const config = { ...readConfig({}), dataDir: scratch, retentionDays: 0 };
  const store = openSqliteStore(scratch);
  const app = createApp({ config, store, log: silentLogger });
  const ctx = app.ctx;
  const { meeting, facilitatorToken, secretaryToken } = await ctx.meetings.create({
    title: 'Begeleidingsgroep 1000',
    date: '2026-11-30',
  });
  const tokens: string[] = [];
  const ids: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const j = await ctx.meetings.join({ code: meeting.code, name: `Deelnemer ${i + 1}` });
    tokens.push(j.token);
    ids.push(j.participant.id);
  }
  const who = people(meeting.id, ids);
  await polls(ctx, meeting.id, who);
  await breakouts(ctx, meeting.id, who);
  await chat(ctx, meeting.id, who);
  await store.reports.append(meeting.id, await verslag(ctx, meeting.id));
  await app.close();
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(scratch, SQLITE_FILE), path.join(dir, SQLITE_FILE));
  fs.rmSync(scratch, { recursive: true, force: true });
  return { meetingId: meeting.id, code: meeting.code, facilitatorToken, secretaryToken, tokens };
}

/**
 * A 1,000-participant meeting whose verslag holds the harvest of every activity (a scale poll with
 * 1,000 explanations, statements, words, the synthesis of 2,000 post-its in 40 themes, 3,000 chat
 * messages), written through the real services. Made once and kept under os.tmpdir() by version;
 * each call answers a fresh copy of its data directory.
 */
export async function bigMeeting(): Promise<BigMeeting> {
  const cache = path.join(os.tmpdir(), `oogst-bench-bigmeeting-v${VERSION}`);
  const meta = path.join(cache, 'meeting.json');
  if (!fs.existsSync(meta)) {
    const t0 = performance.now();
    fs.rmSync(cache, { recursive: true, force: true });
    const building = `${cache}.building-${process.pid}`;
    const m = await generate(building);
    fs.writeFileSync(path.join(building, 'meeting.json'), JSON.stringify(m));
    fs.renameSync(building, cache);
    console.log(`  meeting of ${PEOPLE} made in ${Math.round(performance.now() - t0)} ms (${cache})`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-exportload-'));
  fs.copyFileSync(path.join(cache, SQLITE_FILE), path.join(dataDir, SQLITE_FILE));
  return { dataDir, ...(JSON.parse(fs.readFileSync(meta, 'utf8')) as Omit<BigMeeting, 'dataDir'>) };
}
