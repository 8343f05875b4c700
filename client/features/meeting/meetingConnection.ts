import type { Snapshot } from '../../../shared/domain/types';
import { Connection } from '../../connection';
import { participantCredentials, savedStaffToken } from '../../credentials';
import type { Route } from '../../router';
import { useAppStore } from '../../store';
import { bindSocket } from '../../store/bindSocket';

/**
 * The meeting's live connection, bound to the store: every (re)connect first fetches the full
 * snapshot, then resends whatever waited in the outbox.
 */
export function openMeetingConnection(code: string, token: string | null): Connection {
  // When the engine's handshake arrived: from there to `connect` is one round trip (Socket.IO's
  // CONNECT), the measure of how long the pushed snapshot travelled.
  let openedAt = 0;
  const conn = new Connection(token ? { code, token, sync: true } : { code, sync: true }, {
    onStatus: (status, queued) => useAppStore.getState().connStatus(status, queued),
    onRefused: (reason) => useAppStore.getState().connRefused(reason),
    async onConnect(c) {
      const connectedAt = Date.now();
      const pushed = await c.pushedSnapshot();
      let snapshot: Snapshot;
      let serverTimeAt: number;
      if (pushed?.ok) {
        snapshot = pushed.data;
        serverTimeAt = Date.now() - Math.max(0, connectedAt - openedAt) / 2;
      } else {
        // No pushed snapshot (refused for now, or lost): ask for it, as before.
        const t0 = Date.now();
        const r = await c.request('session:sync', undefined);
        const t1 = Date.now();
        if (!r.ok) throw new Error(r.message);
        snapshot = r.data;
        serverTimeAt = (t0 + t1) / 2;
      }
      useAppStore.getState().applySnapshot(snapshot);
      // [TIMER1] The server's clock half a round trip before the snapshot arrived: timers show server time.
      useAppStore.setState({ clockOffset: snapshot.serverTime - serverTimeAt });
    },
  });
  conn.socket.io.on('open', () => {
    openedAt = Date.now();
  });
  bindSocket(conn.socket);
  useAppStore.getState().setConnection(conn);
  return conn;
}

let early: { code: string; token: string | null; conn: Connection } | null = null;

/**
 * [PERF2] Opens the connection of the meeting view the page starts on before React draws it (and
 * before a staff view's chunk has loaded): the WebSocket's handshake and the snapshot travel while
 * the first screen is built. The view's hook takes this connection over (`adoptEarly`).
 */
export function openEarly(route: Route): void {
  const open = (code: string, token: string | null) => {
    early = { code, token, conn: openMeetingConnection(code, token) };
  };
  switch (route.name) {
    case 'participant': {
      const creds = participantCredentials(route.code);
      if (creds) open(route.code, creds.token);
      return;
    }
    case 'facilitator':
    case 'facilitatorReport':
    case 'secretary': {
      // The secret link's token as StaffShell will read it (it also stores it and clears the address).
      const role = route.name === 'secretary' ? 'secretary' : 'facilitator';
      const token = window.location.hash.slice(1) || savedStaffToken(route.code, role);
      if (token) open(route.code, token);
      return;
    }
    case 'screen':
      open(route.code, null);
      return;
    default:
      return;
  }
}

/** The early connection if it is this view's (once); one for another meeting or token is closed. */
export function adoptEarly(code: string, token: string | null): Connection | null {
  const e = early;
  early = null;
  if (!e) return null;
  if (e.code === code && e.token === token) return e.conn;
  e.conn.close();
  return null;
}
