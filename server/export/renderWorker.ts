import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type RenderJob, renderDocument } from './render';

/** The render workers' nice value: below the event loop's (0), above idle (19). */
export const RENDER_NICE = 10;

/** What the pool sends a render worker: a job with its number. */
export interface RenderRequest {
  id: number;
  job: RenderJob;
}

/** What a render worker answers: the file's bytes (transferred, not copied), or why it failed. */
export type RenderReply =
  | { id: number; ok: true; body: Uint8Array }
  | { id: number; ok: false; error: string };

/**
 * A render worker (server/export/pool.ts): renders one DOCX or PDF at a time on its own thread, so
 * that the server's event loop keeps answering everyone else while a large verslag is made.
 */
const port = parentPort;
if (!port) throw new Error('renderWorker.ts runs as a worker thread');

/**
 * A render worker yields the CPU to the event loop when both want it: exports can wait a moment,
 * the meeting cannot. On Linux a thread has its own nice value (its id from /proc/thread-self);
 * elsewhere the OS shares the cores as it sees fit.
 */
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) os.setPriority(tid, RENDER_NICE);
} catch {
  // No /proc, or not allowed: normal priority.
}
port.on('message', async ({ id, job }: RenderRequest) => {
  try {
    const buf = await renderDocument(job);
    // A Buffer may share a pooled ArrayBuffer: copy out exactly its bytes, and transfer those.
    const body = new Uint8Array(buf.byteLength);
    body.set(buf);
    port.postMessage({ id, ok: true, body } satisfies RenderReply, [body.buffer]);
  } catch (err) {
    port.postMessage({
      id,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    } satisfies RenderReply);
  }
});
