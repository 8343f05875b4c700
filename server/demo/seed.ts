import { assignRooms, GAP, MARGIN, NOTE_COLOURS, NOTE_H, NOTE_W, themeRect } from '../../shared/domain/board';
import { newId } from '../../shared/domain/ids';
import type { Scope } from '../../shared/domain/scopes';
import type { AppContext } from '../context';
import type { Session } from '../meetings/meetings';
import {
  type AgendaKey,
  DEMO_AGENDA,
  DEMO_CHAT_MORE,
  DEMO_DATE,
  DEMO_INSIGHTS,
  DEMO_KADERS,
  DEMO_PEOPLE,
  DEMO_QUESTIONS,
  DEMO_ROOM_CHAT,
  DEMO_SCALE,
  DEMO_SCALE_LEVELS,
  DEMO_STATEMENTS,
  DEMO_TIPS,
  DEMO_TITLE,
} from './data';

/** What the demo steps share: the app, the new meeting, its people and agenda ids. */
export interface DemoMeeting {
  ctx: AppContext;
  meetingId: string;
  code: string;
  facilitator: Session;
  secretary: Session;
  people: Session[];
  item: (key: AgendaKey) => string;
}

export type DemoStep = (d: DemoMeeting) => Promise<void>;

async function agenda(d: DemoMeeting) {
  for (const item of DEMO_AGENDA) {
    await d.ctx.agenda.add(d.meetingId, { id: d.item(item.key), title: item.title, body: item.body });
  }
}

/** The scale poll of seed 000, open and revealed, answered by the demo participants with the seed's remarks. */
async function scalePoll(d: DemoMeeting) {
  const poll = await d.ctx.activities.create(d.meetingId, {
    id: newId(),
    agendaItemId: d.item('plaatsbepaling'),
    anonymous: false,
    spec: {
      kind: 'scale',
      question: 'Hoe tevreden ben je over de stand van participatie in de aardgasvrije transitie?',
      levels: DEMO_SCALE_LEVELS,
    },
  });
  await d.ctx.activities.setState(d.meetingId, poll.id, 'open');
  for (const [i, a] of DEMO_SCALE.entries()) {
    const who = d.people[i % d.people.length]!;
    await d.ctx.activities.submit(d.meetingId, who.participantId!, {
      id: newId(),
      activityId: poll.id,
      value: { level: a.level },
      ...(a.note ? { note: a.note } : {}),
    });
  }
  await d.ctx.activities.setState(d.meetingId, poll.id, 'reveal');
}

/** Seed 001's statements and framework question, and a word cloud: prepared, ready to open. */
async function prepared(d: DemoMeeting) {
  const at = d.item('verdieping');
  await d.ctx.activities.create(d.meetingId, {
    id: newId(),
    agendaItemId: at,
    anonymous: false,
    spec: {
      kind: 'statements',
      question: 'Wat vind je van deze stellingen?',
      statements: DEMO_STATEMENTS,
      labels: { agree: 'Eens', neutral: 'Neutraal', disagree: 'Oneens' },
      neutral: true,
    },
  });
  await d.ctx.activities.create(d.meetingId, {
    id: newId(),
    agendaItemId: at,
    anonymous: false,
    spec: {
      kind: 'choice',
      question: 'Welke kaders zijn het belangrijkst in de samenwerking?',
      options: DEMO_KADERS,
      mode: 'rank',
    },
  });
  await d.ctx.activities.create(d.meetingId, {
    id: newId(),
    agendaItemId: d.item('afsluiting'),
    anonymous: true,
    spec: { kind: 'words', question: 'Welk woord neem je mee uit deze bijeenkomst?', maxWords: 3 },
  });
}

/** Seed 004's chat: the top 10 tips (marked, with votes in the seed's order), more remarks, a link. */
async function chat(d: DemoMeeting) {
  const channel: Scope = 'meeting';
  await d.ctx.chat.send(d.facilitator, {
    id: newId(),
    channel,
    text: 'Welkom! Deel je tips en ervaringen hier in de chat. Markeer een goed bericht als tip en stem erop.',
  });
  const tips: string[] = [];
  for (const [i, text] of DEMO_TIPS.entries()) {
    const { message } = await d.ctx.chat.send(d.people[i % d.people.length]!, { id: newId(), channel, text });
    tips.push(message.id);
  }
  for (const [i, text] of DEMO_CHAT_MORE.entries()) {
    await d.ctx.chat.send(d.people[(i + 3) % d.people.length]!, { id: newId(), channel, text });
  }
  // Votes: the first tip gets the most, in the seed's order (12, 11, … 3).
  for (const [rank, id] of tips.entries()) {
    const votes = DEMO_TIPS.length + 2 - rank;
    let cast = 0;
    for (const p of d.people) {
      if (cast >= votes) break;
      const m = await d.ctx.store.chat.get(id);
      if (m?.authorKey === p.participantId) continue;
      await d.ctx.chat.vote(p, id, true);
      cast += 1;
    }
    await d.ctx.chat.tip(d.secretary, id, true);
  }
}

/** A fixed sequence instead of Math.random: the demo's rooms are the same every time. */
function steady(seed = 7) {
  let x = seed;
  return () => {
    x = (x * 16807) % 2147483647;
    return x / 2147483647;
  };
}

/**
 * Seed 000's break-outs ("Verdieping Koplopers en lokaal eigendom"): its four questions, three
 * rooms mixed by organisation type with the demo participants, the seed's insights as post-its on
 * the boards of their question (spread over the rooms), a few lines in each room's chat, the
 * plenary synthesis clustered into the seed's themes with their headings, a few dot votes shown.
 * The break-outs are ended: a newcomer sees the synthesis, and the facilitator can start them again.
 */
async function breakouts(d: DemoMeeting) {
  const { ctx, meetingId, facilitator } = d;
  const activity = await ctx.activities.create(meetingId, {
    id: newId(),
    agendaItemId: d.item('verdieping'),
    anonymous: false,
    spec: {
      kind: 'breakout',
      questions: DEMO_QUESTIONS,
      rooms: { by: 'count', count: 3 },
      assignment: 'mixed',
      timeboxMinutes: 25,
      seeOtherRooms: false,
      participantsCluster: false,
      colourBy: 'choice',
    },
  });
  await ctx.activities.setState(meetingId, activity.id, 'open');
  const rooms = await ctx.store.breakouts.rooms(activity.id);
  const people = await Promise.all(d.people.map((p) => ctx.store.participants.get(p.participantId!)));
  const plan = assignRooms(
    people.map((p) => ({ id: p!.id, orgType: p!.orgType })),
    rooms.map((r) => r.id),
    'mixed',
    steady(),
  );
  for (const [participantId, roomId] of plan) {
    await ctx.breakouts.move(meetingId, { activityId: activity.id, participantId, roomId });
  }
  const membersOf = (roomId: string) => d.people.filter((p) => plan.get(p.participantId!) === roomId);
  const boards = await ctx.store.breakouts.boards(activity.id);
  await ctx.breakouts.message(meetingId, {
    activityId: activity.id,
    id: newId(),
    text: 'Nog vijf minuten. Zet per vraag je belangrijkste inzicht op een post-it.',
  });

  // The seed's insights on the room boards: each question's post-its dealt round the rooms.
  const written = new Map<string, number>();
  let k = 0;
  for (const insight of DEMO_INSIGHTS) {
    for (const text of insight.notes) {
      const room = rooms[k % rooms.length]!;
      const board = boards.find((b) => b.roomId === room.id && b.questionIndex === insight.question)!;
      const members = membersOf(room.id);
      const writer = members[k % members.length]!;
      const i = written.get(board.id) ?? 0;
      written.set(board.id, i + 1);
      await ctx.boards.notes.create(writer, {
        id: newId(),
        boardId: board.id,
        text,
        colour: NOTE_COLOURS[k % 6]!,
        x: MARGIN + (i % 3) * (NOTE_W + GAP),
        y: MARGIN + 40 + Math.floor(i / 3) * (NOTE_H + GAP),
      });
      k += 1;
    }
  }
  for (const [i, room] of rooms.entries()) {
    const members = membersOf(room.id);
    for (const [j, text] of (DEMO_ROOM_CHAT[i] ?? []).entries()) {
      await ctx.chat.send(members[j % members.length]!, { id: newId(), channel: `room:${room.id}`, text });
    }
  }

  // The plenary synthesis, clustered into the seed's themes; votes on the first question, shown.
  await ctx.breakouts.synthesis(meetingId, activity.id);
  const synthesis = (await ctx.store.breakouts.boards(activity.id)).filter((b) => b.roomId === null);
  const placedThemes = new Map<string, number>();
  for (const insight of DEMO_INSIGHTS) {
    const board = synthesis.find((b) => b.questionIndex === insight.question)!;
    const copies = (await ctx.store.boards.notes(board.id)).filter((n) => insight.notes.includes(n.text));
    const left = placedThemes.get(board.id) ?? MARGIN;
    await ctx.boards.themes.create(facilitator, {
      id: newId(),
      boardId: board.id,
      heading: insight.theme,
      x: left,
      y: MARGIN,
      noteIds: copies.map((n) => n.id),
    });
    placedThemes.set(board.id, left + themeRect({ x: 0, y: 0 }, copies.length).w + MARGIN * 2);
  }
  const first = synthesis.find((b) => b.questionIndex === 0)!;
  await ctx.boards.voting(facilitator, { boardId: first.id, open: true, limit: 3 });
  const notes = await ctx.store.boards.notes(first.id);
  for (const [i, who] of d.people.slice(0, 8).entries()) {
    const note = notes[i % 3 === 0 ? 0 : i % notes.length]!;
    await ctx.boards.votes.cast(who, { id: newId(), noteId: note.id });
  }
  await ctx.boards.voting(facilitator, { boardId: first.id, open: false, revealed: true });
  await ctx.activities.setState(meetingId, activity.id, 'close');
}

/** Ten minutes on the clock for the plaatsbepaling. */
async function timer(d: DemoMeeting) {
  await d.ctx.timers.command(d.facilitator, 'meeting', newId(), {
    op: 'start',
    durationMs: 10 * 60_000,
    label: 'Gezamenlijke plaatsbepaling',
  });
  await d.ctx.store.meetings.update(d.meetingId, { currentItemId: d.item('plaatsbepaling') });
}

/** [DEMO1] The demo, step by step. Each step is one function. */
export const DEMO_STEPS: DemoStep[] = [agenda, scalePoll, prepared, chat, breakouts, timer];

/** Creates the demo meeting with its participants and runs every step. Returns the secret tokens. */
export async function seedDemoMeeting(ctx: AppContext, steps: DemoStep[] = DEMO_STEPS) {
  const { meeting, facilitatorToken, secretaryToken } = await ctx.meetings.create({
    title: DEMO_TITLE,
    date: DEMO_DATE,
  });
  const ids = new Map<string, string>(DEMO_AGENDA.map((item) => [item.key, newId()] as const));
  const people: Session[] = [];
  for (const p of DEMO_PEOPLE) {
    const { participant } = await ctx.meetings.join({ code: meeting.code, name: p.name, orgType: p.orgType });
    people.push({ meetingId: meeting.id, role: 'participant', participantId: participant.id });
  }
  const d: DemoMeeting = {
    ctx,
    meetingId: meeting.id,
    code: meeting.code,
    facilitator: { meetingId: meeting.id, role: 'facilitator', participantId: null },
    secretary: { meetingId: meeting.id, role: 'secretary', participantId: null },
    people,
    item: (key) => ids.get(key)!,
  };
  for (const step of steps) await step(d);
  return { meeting, facilitatorToken, secretaryToken };
}

/** The four links a newcomer needs. */
export function demoLinks(base: string, code: string, facilitatorToken: string, secretaryToken: string) {
  return {
    facilitator: `${base}/m/${code}/leiding#${facilitatorToken}`,
    secretary: `${base}/m/${code}/verslag#${secretaryToken}`,
    participant: `${base}/m/${code}`,
    screen: `${base}/m/${code}/scherm`,
  };
}
