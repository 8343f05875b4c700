import type { StateCreator } from 'zustand';
import type { ConnStatus } from '../connection';
import type { AppState } from './index';

export interface ConnectionSlice {
  conn: { status: ConnStatus; queued: number; refused: string | null };
  connStatus(status: ConnStatus, queued: number): void;
  connRefused(reason: string): void;
}

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  conn: { status: 'connecting', queued: 0, refused: null },
  connStatus: (status, queued) => set((s) => ({ conn: { ...s.conn, status, queued } })),
  connRefused: (reason) => set((s) => ({ conn: { ...s.conn, status: 'refused', refused: reason } })),
});
