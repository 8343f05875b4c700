import { DRAG_RELAY_MS, latestThrottle } from '../../../shared/domain/board/drag';
import { isStaff } from '../../../shared/domain/roles';
import { DomainError } from '../../../shared/protocol/ack';
import { COMMANDS, type InputOf } from '../../../shared/protocol/commands';
import type { AppContext } from '../../context';
import {
  boardView as boardViewOf,
  themeView as themeOf,
  noteView as viewOf,
} from '../../meetings/boardViews';
import { boardRooms } from '../boardPublish';
import { command, done, invalid } from '../handle';
import type { AppSocket } from '../types';

/**
 * [BOARD6–BOARD14] Post-its, themes, votes and board settings. Every command is validated,
 * authorised per board (domain/board/access.ts), stored, acked, then broadcast to the board's
 * viewers only.
 */
export function registerBoard(ctx: AppContext, socket: AppSocket): void {
  const pub = ctx.boardPublish;

  // [BOARD14] Sync a board: check read access, subscribe, then read, so nothing stored after the
  // read is missed (and what arrives twice is dropped by its version).
  command(ctx, socket, 'board:sync', async (input, s) => {
    const bc = await ctx.boards.context(s, input.boardId);
    if (!bc.access.read) throw new DomainError('forbidden', 'you cannot see this board');
    await socket.join(
      isStaff(s.role)
        ? [boardRooms.board(input.boardId), boardRooms.staff(input.boardId)]
        : boardRooms.board(input.boardId),
    );
    const { state } = await ctx.boards.state(s, input.boardId);
    return done(state);
  });

  command(ctx, socket, 'board:unwatch', async (input) => {
    await socket.leave(boardRooms.board(input.boardId));
    await socket.leave(boardRooms.staff(input.boardId));
    return done({ boardId: input.boardId });
  });

  command(ctx, socket, 'note:create', async (input, s) => {
    const { ctx: bc, result, created } = await ctx.boards.notes.create(s, input);
    return done(result, () => {
      if (created) pub.noteCreated(bc.board, created);
    });
  });

  // [RECON6] Changes of a post-it or theme are applied once under their `cmd` (the table's `replay`);
  // a replay answers what is stored now and broadcasts nothing (handle.ts).
  command(ctx, socket, 'note:edit', async (input, s, once) => {
    const { ctx: bc, result, note } = await ctx.boards.notes.edit(s, input, once);
    return done(result, () => pub.notes(bc.board, [note]));
  });

  command(ctx, socket, 'note:move', async (input, s, once) => {
    const { ctx: bc, result, note } = await ctx.boards.notes.move(s, input, once);
    return done(result, () => pub.notes(bc.board, [note]));
  });

  command(ctx, socket, 'note:delete', async (input, s) => {
    const { ctx: bc, result, voters, fresh } = await ctx.boards.notes.delete(s, input);
    return done(result, () => {
      if (fresh) pub.noteDeleted(bc.board, result.id, result.version, voters);
    });
  });

  command(ctx, socket, 'note:theme', async (input, s) => {
    const { ctx: bc, notes } = await ctx.boards.themes.assign(s, input);
    return done({ notes: notes.map((n) => viewOf(n, bc.board)) }, () => pub.notes(bc.board, notes));
  });

  // [BOARD9] A drag in progress is presence: relayed volatile to the board's other viewers,
  // throttled (the latest position is relayed at the end of the interval, so viewers never stay
  // on a stale one), never stored, never acked.
  let name: string | null | undefined;
  const relay = async (d: InputOf<'note:drag'>) => {
    const room = boardRooms.board(d.boardId);
    if (!socket.rooms.has(room)) return;
    try {
      const bc = await ctx.boards.context(socket.data, d.boardId);
      if (!bc.access.write) return;
      if (name === undefined) {
        const p = socket.data.participantId
          ? await ctx.store.participants.get(socket.data.participantId)
          : undefined;
        name = p?.name ?? null;
      }
      socket.to(room).volatile.emit('note:dragging', { ...d, by: bc.board.anonymous ? null : name });
    } catch {
      // A drag on a board that went away: nothing to show.
    }
  };
  const drags = latestThrottle(DRAG_RELAY_MS, Date.now, (d: InputOf<'note:drag'>) => void relay(d));
  // Presence, not a command: no ack is needed, but a sender that asks for one hears what was wrong.
  socket.on('note:drag', (raw: unknown, ack?: unknown) => {
    const parsed = COMMANDS['note:drag'].schema.safeParse(raw);
    const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => {};
    if (!parsed.success) {
      reply(invalid(parsed.error));
      return;
    }
    reply({ ok: true, data: null });
    drags.push(parsed.data, parsed.data.end === true);
  });
  socket.on('disconnect', () => drags.cancel());

  command(ctx, socket, 'theme:create', async (input, s) => {
    const { ctx: bc, theme, notes, created } = await ctx.boards.themes.create(s, input);
    return done({ theme: themeOf(theme), notes: notes.map((n) => viewOf(n, bc.board)) }, () => {
      if (!created) return;
      pub.theme(theme);
      pub.notes(bc.board, notes);
      pub.harvest(bc.board);
    });
  });

  command(ctx, socket, 'theme:update', async (input, s, once) => {
    const { ctx: bc, theme } = await ctx.boards.themes.update(s, input, once);
    return done(themeOf(theme), () => {
      pub.theme(theme);
      pub.harvest(bc.board);
    });
  });

  command(ctx, socket, 'theme:merge', async (input, s, once) => {
    const { ctx: bc, theme, notes, removed } = await ctx.boards.themes.merge(s, input, once);
    return done({ theme: themeOf(theme), notes: notes.map((n) => viewOf(n, bc.board)), removed }, () => {
      pub.notes(bc.board, notes);
      pub.themeRemoved(bc.board.id, removed);
    });
  });

  command(ctx, socket, 'theme:dissolve', async (input, s, once) => {
    const { ctx: bc, notes, removed } = await ctx.boards.themes.dissolve(s, input, once);
    return done({ removed, notes: notes.map((n) => viewOf(n, bc.board)) }, () => {
      pub.notes(bc.board, notes);
      pub.themeRemoved(bc.board.id, removed);
    });
  });

  command(ctx, socket, 'vote:cast', async (input, s, once) => {
    const { ctx: bc, votes } = await ctx.boards.votes.cast(s, input, once);
    return done(votes, async () => {
      await pub.myVotes(s.participantId!, bc.board.id);
      pub.votes(bc.board.id);
    });
  });

  command(ctx, socket, 'vote:retract', async (input, s) => {
    const { ctx: bc, votes } = await ctx.boards.votes.retract(s, input);
    return done(votes, async () => {
      if (!bc) return;
      await pub.myVotes(s.participantId!, bc.board.id);
      pub.votes(bc.board.id);
    });
  });

  command(ctx, socket, 'board:settings', async (input, s) => {
    const { ctx: bc, board } = await ctx.boards.settings(s, input);
    const view = boardViewOf(board, bc.activity.spec);
    return done(view, () => {
      pub.board(s.meetingId, board, bc.activity.spec);
      // Authors hidden now: viewers fetch the board again, without names.
      if (board.anonymous && !bc.board.anonymous) pub.reset(board.id);
    });
  });

  command(ctx, socket, 'board:voting', async (input, s) => {
    const { ctx: bc, board } = await ctx.boards.voting(s, input);
    return done(boardViewOf(board, bc.activity.spec), () => {
      pub.board(s.meetingId, board, bc.activity.spec);
      if (board.votesRevealed) pub.votes(board.id);
      else if (bc.board.votesRevealed) pub.votesHidden(board.id);
    });
  });
}
