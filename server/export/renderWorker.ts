import { parentPort } from 'node:worker_threads';
import { type RenderJob, renderDocument } from './render';

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
