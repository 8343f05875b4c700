import { useEffect } from 'react';
import { Connection } from '../../connection';
import { resetMeetingState, useAppStore } from '../../store';
import { bindSocket } from '../../store/bindSocket';

/**
 * Opens the meeting's live connection for as long as the view is mounted: every (re)connect first
 * fetches the full snapshot, then resends whatever waited in the outbox.
 */
export function useMeetingConnection(code: string, token: string | null | undefined, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const store = useAppStore.getState();
    const conn = new Connection(token ? { code, token } : { code }, {
      onStatus: (status, queued) => useAppStore.getState().connStatus(status, queued),
      onRefused: (reason) => useAppStore.getState().connRefused(reason),
      async onConnect(c) {
        const t0 = Date.now();
        const r = await c.request('session:sync', undefined);
        const t1 = Date.now();
        if (!r.ok) throw new Error(r.message);
        useAppStore.getState().applySnapshot(r.data);
        // [TIMER1] The server's clock at the middle of the round-trip: timers show server time.
        useAppStore.setState({ clockOffset: r.data.serverTime - (t0 + t1) / 2 });
      },
    });
    bindSocket(conn.socket);
    store.setConnection(conn);
    return () => {
      conn.close();
      resetMeetingState();
    };
  }, [code, token, enabled]);
}
