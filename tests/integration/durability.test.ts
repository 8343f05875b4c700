import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { Snapshot } from '../../shared/domain/types';
import { type ServerProcess, seeded, spawnServer } from '../helpers/process';

/**
 * [DUR1] Kill -9 at random moments: every change a client saw acknowledged is there after a
 * restart, exactly once. DURABILITY_TRIALS sets the number of trials (default 3 in `npm test`).
 */
const TRIALS = Number(process.env.DURABILITY_TRIALS ?? 3);
const PARTICIPANTS = 8;

let procs: ServerProcess[] = [];
afterEach(async () => {
  for (const p of procs) await p.kill();
  procs = [];
});

const connect = (url: string, code: string, token: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = ioClient(url, {
      forceNew: true,
      transports: ['websocket'],
      reconnection: false,
      auth: { code, token },
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

const ack = async <T>(s: Socket, event: string, payload: unknown) => {
  const r = (await s.timeout(5000).emitWithAck(event, payload)) as { ok: boolean; data: T; error?: string };
  if (!r.ok) throw new Error(`${event}: ${r.error}`);
  return r.data;
};

describe('durability under SIGKILL', () => {
  for (let trial = 0; trial < TRIALS; trial++) {
    it(`[DUR1] trial ${trial}: everything acknowledged survives a kill -9, exactly once`, async () => {
      const rand = seeded(20211 + trial);
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-dur-'));
      const srv = await spawnServer(dataDir);
      procs.push(srv);
      const created = await (
        await fetch(`${srv.url}/api/meetings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Duurzaamheid' }),
        })
      ).json();
      const fac = await connect(srv.url, created.code, created.facilitatorToken);
      const pollId = newId();
      await ack(fac, 'activity:create', {
        id: pollId,
        agendaItemId: null,
        anonymous: false,
        spec: { kind: 'scale', question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] },
      });
      await ack(fac, 'activity:open', { id: pollId });
      const breakoutId = newId();
      await ack(fac, 'activity:create', {
        id: breakoutId,
        agendaItemId: null,
        anonymous: false,
        spec: {
          kind: 'breakout',
          questions: ['Wat kunnen koplopers betekenen?'],
          rooms: { by: 'count', count: 2 },
          assignment: 'random',
          timeboxMinutes: null,
          seeOtherRooms: false,
          participantsCluster: false,
          colourBy: 'choice',
        },
      });
      const people = await Promise.all(
        Array.from({ length: PARTICIPANTS }, async (_, i) => {
          const joined = await (
            await fetch(`${srv.url}/api/join`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ code: created.code, name: `P${i}` }),
            })
          ).json();
          return {
            id: joined.participant.id as string,
            socket: await connect(srv.url, created.code, joined.token),
          };
        }),
      );

      await ack(fac, 'activity:open', { id: breakoutId });
      // Each participant's own board (their room's).
      const boardOf = new Map<string, string>();
      for (const p of people) {
        const snap = await ack<{
          breakouts: { boards: { id: string; roomId: string | null }[] }[];
          placements: { roomId: string | null }[];
        }>(p.socket, 'session:sync', undefined);
        const roomId = snap.placements[0]!.roomId;
        boardOf.set(p.id, snap.breakouts[0]!.boards.find((b) => b.roomId === roomId)!.id);
      }
      const ackedNotes = new Set<string>();

      // What clients saw acknowledged, and what they sent (acked or not).
      const ackedAgenda = new Set<string>();
      const sentAgenda = new Set<string>();
      const answers = new Map<string, { sent: string[]; lastAcked: number }>();
      let running = true;
      const agendaLoop = (async () => {
        while (running) {
          const id = newId();
          sentAgenda.add(id);
          try {
            await ack(fac, 'agenda:add', { id, title: `Punt ${sentAgenda.size}` });
            ackedAgenda.add(id);
          } catch {
            return;
          }
        }
      })();
      const answerLoops = people.map(async (p) => {
        const log = { sent: [] as string[], lastAcked: -1 };
        answers.set(p.id, log);
        while (running) {
          if (log.sent.length % 3 === 2) {
            const noteId = newId();
            try {
              await ack(p.socket, 'note:create', {
                id: noteId,
                boardId: boardOf.get(p.id),
                text: `Post-it van ${p.id.slice(0, 4)}`,
                colour: 'geel',
                x: Math.floor(rand() * 1000),
                y: Math.floor(rand() * 1000),
              });
              ackedNotes.add(noteId);
            } catch {
              return;
            }
          }
          const id = newId();
          const index = log.sent.push(id) - 1;
          try {
            await ack(p.socket, 'response:submit', {
              id,
              activityId: pollId,
              value: { level: Math.floor(rand() * 4) },
              note: `antwoord ${index}`,
            });
            log.lastAcked = index;
          } catch {
            return;
          }
        }
      });

      // The kill comes at a random moment once work is under way (some of everything acked).
      for (const end = Date.now() + 15_000; Date.now() < end; ) {
        if (ackedAgenda.size > 0 && ackedNotes.size > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 300 + rand() * 1200));
      await srv.kill('SIGKILL');
      running = false;
      await Promise.all([agendaLoop, ...answerLoops]);
      for (const s of [fac, ...people.map((p) => p.socket)]) s.disconnect();
      expect(ackedAgenda.size).toBeGreaterThan(0);
      expect(ackedNotes.size).toBeGreaterThan(0);

      const again = await spawnServer(dataDir);
      procs.push(again);
      const check = await connect(again.url, created.code, created.facilitatorToken);
      const snap = await ack<Snapshot>(check, 'session:sync', undefined);
      // Post-its: every acked one is on its board, once.
      const onBoards: string[] = [];
      for (const boardId of new Set(boardOf.values())) {
        const state = await ack<{ notes: { id: string }[] }>(check, 'board:sync', { boardId });
        onBoards.push(...state.notes.map((n) => n.id));
      }
      check.disconnect();
      expect(new Set(onBoards).size).toBe(onBoards.length);
      for (const id of ackedNotes) expect(onBoards).toContain(id);

      // Agenda: every acked item present, none twice, nothing that was never sent.
      const ids = snap.agenda.map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ackedAgenda) expect(ids).toContain(id);
      for (const id of ids) expect(sentAgenda.has(id)).toBe(true);

      // Answers: one per participant; the stored one is the last acked or one sent after it.
      const results = snap.results.find((r) => r.activityId === pollId);
      const stored = await (
        await fetch(`${again.url}/api/meetings/${created.id}/results`, {
          headers: { authorization: `Bearer ${created.facilitatorToken}` },
        })
      ).json();
      const notes = stored.activities[0].results.notes as { author: string; text: string }[];
      expect(results?.total).toBe(notes.length);
      people.forEach((p, i) => {
        const log = answers.get(p.id)!;
        const mine = notes.filter((n) => n.author === `P${i}`);
        if (log.lastAcked < 0) {
          expect(mine.length).toBeLessThanOrEqual(1);
          return;
        }
        expect(mine).toHaveLength(1);
        const index = Number(mine[0]!.text.replace('antwoord ', ''));
        expect(index).toBeGreaterThanOrEqual(log.lastAcked);
        expect(index).toBeLessThan(log.sent.length);
      });
    });
  }
});
