import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { can } from '../../shared/domain/roles';
import { COLLAB_CLOSE, TOKEN_PROTOCOL_PREFIX, YJS_PATH, YJS_PROTOCOL } from '../../shared/protocol/collab';
import { blocksToDoc, type DocBlock, isEmptyDoc } from '../../shared/report/document';
import { templateBlocks } from '../../shared/report/template';
import { readReport } from '../../shared/report/ydoc';
import type { Logger } from '../log';
import type { MeetingService, Session } from '../meetings/meetings';
import type { Store } from '../storage/store';
import { isStoreUnavailable } from '../storage/unavailable';
import { ConnFlow, type FlowLimits, type FlowTarget } from './flow';
import type { PeerRole } from './peer';
import { KEEPALIVE } from './protocol';
import { LocalRelay, type Relay } from './relay';
import { Room } from './room';
import { joinWs } from './wsPeer';

/** The verslag endpoint's path prefix: `/yjs/<join code>`. */
const ROOM_PATH = `${YJS_PATH}/`;

export interface CollabOptions {
  store: Store;
  meetings: MeetingService;
  log: Logger;
  /** Updates are gathered this long before one store write and one broadcast (ms). */
  batchMs: number;
  /** Stored rows per verslag after which they are compacted into one. */
  compactEvery?: number;
  /** How long an empty room stays loaded, for people who reconnect (ms). */
  unloadAfterMs?: number;
  /** Pings and keepalives (ms); the y-websocket client reconnects after 30 s of silence. */
  heartbeatMs?: number;
  /** Largest message accepted (bytes); larger closes the connection. */
  maxPayload?: number;
  /**
   * [ABUSE2][ABUSE5] Whether this upgrade may go on at all (origin, rate limits): the reason it may
   * not, or null. `missed` is told about unknown codes (code guessing).
   */
  admit?: (req: http.IncomingMessage) => 'forbidden' | 'rate_limited' | null;
  missed?: (req: http.IncomingMessage) => void;
  /** [ABUSE7][ABUSE8] Budgets per connection and per address, and the address a request comes from. */
  flow?: { limits: FlowLimits; addressOf: (req: http.IncomingMessage) => string };
  /** What carries updates and presence to the rooms of other nodes; by default only this process. */
  relay?: Relay;
  /** This node's name on the relay (random by default). */
  nodeId?: string;
}

/** Largest verslag message accepted: a whole document sent after long offline typing fits easily. */
export const MAX_YJS_MESSAGE = 8 * 1024 * 1024;

/**
 * [REPORT1–REPORT4] The verslag's Yjs endpoint on the app's HTTP server. The role comes from the
 * same tokens as Socket.IO (MEET3); facilitator and secretary may write, participants and
 * observers only read. One room per meeting, loaded on demand and unloaded when empty.
 */
export class CollabServer {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly heartbeat: NodeJS.Timeout;
  private closing = false;
  private readonly relay: Relay;
  private readonly nodeId: string;
  private roomSeq = 0;

  constructor(private readonly o: CollabOptions) {
    this.relay = o.relay ?? new LocalRelay();
    this.nodeId = o.nodeId ?? randomUUID();
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: o.maxPayload ?? MAX_YJS_MESSAGE,
      perMessageDeflate: false,
      handleProtocols: (protocols) => (protocols.has(YJS_PROTOCOL) ? YJS_PROTOCOL : false),
    });
    this.heartbeat = setInterval(() => {
      for (const room of this.rooms.values()) room.heartbeat(KEEPALIVE);
    }, o.heartbeatMs ?? 10_000);
    this.heartbeat.unref();
  }

  /** Takes `upgrade` events of the HTTP server for `/yjs/…`; Socket.IO handles its own path. */
  attach(httpServer: http.Server): void {
    httpServer.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path.startsWith(ROOM_PATH)) {
        void this.upgrade(req, socket, head, path.slice(ROOM_PATH.length));
      } else if (!path.startsWith('/socket.io/')) {
        socket.destroy();
      }
    });
  }

  private async upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, rawCode: string) {
    socket.on('error', () => socket.destroy());
    let code: string;
    try {
      code = decodeURIComponent(rawCode);
    } catch {
      code = '';
    }
    if (this.closing || code.length === 0 || code.length > 20 || code.includes('/')) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const refused = this.o.admit?.(req) ?? null;
    if (refused) {
      socket.end(
        refused === 'forbidden'
          ? 'HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n'
          : 'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 60\r\nConnection: close\r\n\r\n',
      );
      return;
    }
    let outcome: { session: Session } | { close: number; reason: string };
    try {
      const meeting = await this.o.meetings.byCode(code);
      if (!meeting) {
        this.o.missed?.(req);
        outcome = { close: COLLAB_CLOSE.notFound, reason: 'not_found' };
      } else {
        const session = await this.o.meetings.resolve(meeting, tokenOf(req));
        outcome = session ? { session } : { close: COLLAB_CLOSE.unauthorized, reason: 'unauthorized' };
      }
    } catch (err) {
      // [DEPLOY3] The store is away: the editor's provider tries again by itself.
      if (isStoreUnavailable(err)) {
        this.o.log.warn('verslag: connection refused: store unavailable');
        socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nConnection: close\r\n\r\n');
        return;
      }
      this.o.log.error('verslag: auth failed', { err: err instanceof Error ? err.message : String(err) });
      socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n');
      return;
    }
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      // Refused after the upgrade, with a close code the client can tell apart (no retries).
      if ('close' in outcome) return ws.close(outcome.close, outcome.reason);
      const role: PeerRole = can(outcome.session.role, 'report:edit') ? 'editor' : 'reader';
      const f = this.o.flow;
      // [ABUSE7] Readers also draw on their address's budget; editors only on their own.
      const flow = f
        ? (peer: FlowTarget) => new ConnFlow(peer, role === 'editor' ? null : f.addressOf(req), f.limits)
        : () => null;
      void this.room(outcome.session.meetingId).then(
        (room) => joinWs(room, ws, role, flow),
        () => ws.close(COLLAB_CLOSE.serverError, 'server error'),
      );
    });
  }

  /** The loaded room of a meeting, or a new one (after any unloading of the old one finished). */
  private async room(meetingId: string): Promise<Room> {
    const timer = this.unloadTimers.get(meetingId);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(meetingId);
    }
    await this.unloading.get(meetingId);
    let room = this.rooms.get(meetingId);
    if (room && !room.closed) return room;
    room = new Room({
      meetingId,
      store: this.o.store,
      log: this.o.log,
      batchMs: this.o.batchMs,
      compactEvery: this.o.compactEvery ?? 500,
      template: () => this.template(meetingId),
      relay: this.relay,
      origin: `${this.nodeId}/${++this.roomSeq}`,
      onEmpty: (r) => this.scheduleUnload(r),
      onClosed: (r) => {
        if (this.rooms.get(r.meetingId) === r) this.rooms.delete(r.meetingId);
      },
    });
    this.rooms.set(meetingId, room);
    return room;
  }

  private scheduleUnload(room: Room): void {
    if (this.unloadTimers.has(room.meetingId)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.meetingId);
      if (room.conns.size > 0 || room.closed) return;
      this.rooms.delete(room.meetingId);
      const done = room.unload().finally(() => this.unloading.delete(room.meetingId));
      this.unloading.set(room.meetingId, done);
    }, this.o.unloadAfterMs ?? 10_000);
    timer.unref();
    this.unloadTimers.set(room.meetingId, timer);
  }

  private async template(meetingId: string): Promise<DocBlock[]> {
    const meeting = await this.o.store.meetings.get(meetingId);
    const agenda = await this.o.store.agenda.list(meetingId);
    return blocksToDoc(templateBlocks(meeting ?? { title: '', date: null }, agenda));
  }

  /**
   * [REPORT8] The verslag as the server has it (never a client's copy): the loaded room's document
   * once everything applied is stored, or the stored updates; a verslag nobody opened yet is its
   * template.
   */
  async read(meetingId: string): Promise<DocBlock[]> {
    await this.unloading.get(meetingId);
    const room = this.rooms.get(meetingId);
    let blocks: DocBlock[];
    if (room && !room.closed) {
      await room.ready;
      await room.flush();
      blocks = readReport(room.doc);
    } else {
      const doc = new Y.Doc();
      const { updates } = await this.o.store.reports.load(meetingId);
      for (const u of updates) Y.applyUpdate(doc, u);
      blocks = readReport(doc);
      doc.destroy();
    }
    return isEmptyDoc(blocks) ? await this.template(meetingId) : blocks;
  }

  /**
   * [REPORT10] The same verslag as `read`, still encoded: the loaded room's state, or the stored
   * updates as they are; and its template for when it is empty. The export's worker decodes it,
   * so a large verslag is never decoded on the event loop.
   */
  async state(meetingId: string): Promise<{ updates: Uint8Array[]; template: DocBlock[] }> {
    await this.unloading.get(meetingId);
    const room = this.rooms.get(meetingId);
    let updates: Uint8Array[];
    if (room && !room.closed) {
      await room.ready;
      await room.flush();
      updates = [Y.encodeStateAsUpdate(room.doc)];
    } else updates = (await this.o.store.reports.load(meetingId)).updates;
    return { updates, template: await this.template(meetingId) };
  }

  /** The loaded room of a meeting, if any (tests look at its connections). */
  loaded(meetingId: string): Room | undefined {
    return this.rooms.get(meetingId);
  }

  /** [MEET7] The meeting was deleted: its connections are closed, nothing more is stored. */
  closeMeeting(meetingId: string): void {
    const timer = this.unloadTimers.get(meetingId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(meetingId);
    this.rooms.get(meetingId)?.close(COLLAB_CLOSE.deleted, 'meeting deleted');
    this.rooms.delete(meetingId);
  }

  /** Stores what is pending in every room, then closes all connections (clients reconnect later). */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all(rooms.map((r) => r.flush()));
    for (const r of rooms) r.close(COLLAB_CLOSE.restart, 'server restart');
    await Promise.all([...this.unloading.values()]);
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** The token from the `Sec-WebSocket-Protocol` list (`oogst-token.<token>`), never from the URL. */
function tokenOf(req: http.IncomingMessage): string | undefined {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return undefined;
  for (const p of header.split(',')) {
    const v = p.trim();
    if (v.startsWith(TOKEN_PROTOCOL_PREFIX)) {
      const token = v.slice(TOKEN_PROTOCOL_PREFIX.length);
      return token.length > 0 && token.length <= 200 ? token : undefined;
    }
  }
  return undefined;
}
