import { SEED_SCALE_LEVELS, SEED_SCALE_QUESTION } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { ActivityView } from '../../shared/domain/types';
import { ok, type TestServer, type TestSocket } from './server';

/** A meeting with a connected facilitator. */
export async function meetingWithFacilitator(srv: TestServer, title?: string) {
  const meeting = await srv.createMeeting(title);
  const facilitator = await srv.connect(meeting.code, meeting.facilitatorToken);
  return { meeting, facilitator };
}

/** Creates a scale poll (default: the seed's question and levels) and opens it. */
export async function openScalePoll(
  facilitator: TestSocket,
  opts: { anonymous?: boolean; levels?: string[]; question?: string; open?: boolean } = {},
): Promise<ActivityView> {
  const id = newId();
  await ok(facilitator, 'activity:create', {
    id,
    agendaItemId: null,
    anonymous: opts.anonymous ?? false,
    spec: {
      kind: 'scale',
      question: opts.question ?? SEED_SCALE_QUESTION,
      levels: opts.levels ?? [...SEED_SCALE_LEVELS],
    },
  });
  if (opts.open === false) return ok(facilitator, 'activity:update', { id });
  return ok(facilitator, 'activity:open', { id });
}

/** `n` participants joined over HTTP and connected. */
export async function joinMany(srv: TestServer, code: string, n: number, prefix = 'Deelnemer') {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const joined = await srv.join(code, `${prefix} ${i + 1}`);
      const socket = await srv.connect(code, joined.token);
      return { ...joined, socket };
    }),
  );
}
