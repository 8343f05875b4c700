/**
 * Checked by `npm run typecheck` only (tsc; vitest never runs this file): the command table
 * (shared/protocol/commands.ts) binds each event to its own schema and ack, for the server's
 * registration, the client's `send` and the tests' `call`. Every `@ts-expect-error` below is a
 * mistake that must not compile: if one ever compiles, tsc fails on the unused directive.
 */
import type { z } from 'zod';
import { send } from '../../client/send';
import type { AppContext } from '../../server/context';
import { command, done, type Handler } from '../../server/realtime/handle';
import type { AppSocket } from '../../server/realtime/types';
import type { BoardView } from '../../shared/domain/board/types';
import type { NoteResult } from '../../shared/protocol/boardEvents';
import type { AckData, InputOf, PayloadOf } from '../../shared/protocol/commands';
import { type NoteEdit, NoteMove } from '../../shared/protocol/schemas/board';
import { call, ok, type TestSocket } from '../helpers/server';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Equal<A, B>) => proof;

declare const ctx: AppContext;
declare const socket: AppSocket;
declare const stored: NoteResult;
declare const board: BoardView;
declare const client: TestSocket;
const id = '00000000-0000-4000-8000-000000000000';

export function theTableBindsEachEventToItsOwnSchema(): void {
  same<InputOf<'note:edit'>, z.output<typeof NoteEdit>>(true);
  same<PayloadOf<'note:move'>, z.input<typeof NoteMove>>(true);
  same<AckData<'note:edit'>, NoteResult>(true);
  // @ts-expect-error note:edit is not parsed by note:move's schema
  same<InputOf<'note:edit'>, z.output<typeof NoteMove>>(true);
}

export function registrations(): void {
  // The right handler compiles: it gets note:edit's parsed payload and answers a NoteResult.
  command(ctx, socket, 'note:edit', async (input) => done({ ...stored, id: input.id }));

  // Registering note:edit with another command's schema: there is no schema to pass any more …
  // @ts-expect-error the schema comes from the table, never from the registration
  command(ctx, socket, 'note:edit', NoteMove, 'board:write', async () => done(stored));

  // … and a handler written for note:move's payload does not fit note:edit.
  // @ts-expect-error note:edit's handler gets NoteEdit's output, which has no x and y
  command(ctx, socket, 'note:edit', async (input: z.output<typeof NoteMove>) =>
    done({ ...stored, id: input.id }),
  );

  // @ts-expect-error note:edit's payload has no x
  command(ctx, socket, 'note:edit', async (input) => done({ ...stored, id: String(input.x) }));

  // @ts-expect-error note:edit acks a NoteResult, not a board
  command(ctx, socket, 'note:edit', async () => done(board));

  const moveHandler: Handler<'note:move'> = async () => done(stored);
  // @ts-expect-error a note:move handler is not a note:edit handler
  const editHandler: Handler<'note:edit'> = moveHandler;
  void editHandler;

  // @ts-expect-error no such command in the table
  command(ctx, socket, 'note:paint', async () => done(stored));

  // @ts-expect-error presence is not a command with an ack: it has its own listener
  command(ctx, socket, 'note:drag', async () => done(null));
}

export async function clientAndTests(): Promise<void> {
  await send('note:edit', { id, text: 'Koplopers' });
  // @ts-expect-error note:edit takes no position
  await send('note:edit', { id, x: 1, y: 2 });

  const r = await ok(client, 'note:edit', { id, text: 'Koplopers' });
  same<typeof r, NoteResult>(true);
  // @ts-expect-error the ack data of note:edit is a NoteResult
  const wrong: BoardView = await ok(client, 'note:edit', { id, text: 'Koplopers' });
  void wrong;
  // @ts-expect-error a payload of another command
  await call(client, 'note:edit', { id, x: 1, y: 2 });
  // @ts-expect-error a command that takes a payload needs one
  await call(client, 'note:edit');
  await call(client, 'session:sync');
}
