import * as Y from 'yjs';
import type { ReportRepo } from '../storage/store';

/**
 * [REPORT9] Compacts a verslag's stored log: reads every row, merges them into one update (through
 * a scratch document, so deleted text is garbage-collected) and replaces exactly the rows it read
 * by it. A row another server appends meanwhile is not among them and stays; the next compaction
 * takes it in. Independent of any room's document: what is deleted is always what was merged.
 *
 * Resolves with the number of rows read, or 0 when there was nothing to compact.
 */
export async function compactReport(reports: ReportRepo, meetingId: string): Promise<number> {
  const { updates, ids } = await reports.load(meetingId);
  if (ids.length <= 1) return 0;
  const doc = new Y.Doc();
  let merged: Uint8Array;
  try {
    doc.transact(() => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    merged = Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
  await reports.compact(meetingId, merged, ids);
  return ids.length;
}
