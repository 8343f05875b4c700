import { useEffect } from 'react';
import { resetMeetingState } from '../../store';
import { adoptEarly, openMeetingConnection } from './meetingConnection';

/**
 * Keeps the meeting's live connection open for as long as the view is mounted (the one opened
 * when the page started, if it is this view's: `openEarly`).
 */
export function useMeetingConnection(code: string, token: string | null | undefined, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const conn = adoptEarly(code, token ?? null) ?? openMeetingConnection(code, token ?? null);
    return () => {
      conn.close();
      resetMeetingState();
    };
  }, [code, token, enabled]);
}
