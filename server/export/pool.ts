import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../config';
import type { RenderJob } from './render';
import type { RenderReply, RenderRequest } from './renderWorker';

/** The render queue is full: the export is refused (503) and may be asked again a little later. */
export class ExportsBusyError extends Error {}

export interface RenderPoolOptions {
  /** Worker threads at most; each starts on first use. */
  size: number;
  /** Jobs that may wait for a worker; one more is refused with `ExportsBusyError`. */
  maxQueue: number;
  /** A worker with nothing to do for this long is stopped (ms); the next export starts one again. */
  idleMs?: number;
}

interface Waiting {
  id: number;
  job: RenderJob;
  resolve(body: Buffer): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  job: Waiting | null;
  idle: ReturnType<typeof setTimeout> | null;
}

const here = fileURLToPath(import.meta.url);

/**
 * A render worker: the built one next to the built server (`npm run build:server`), else the
 * TypeScript source with tsx's loader registered in the worker first (tsx, the tests).
 */
function startWorker(): Worker {
  if (here.endsWith('.js')) return new Worker(path.join(projectRoot, 'dist/server/export/renderWorker.js'));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
    /\.cjs$/,
    '.mjs',
  );
  const file = pathToFileURL(path.join(projectRoot, 'server/export/renderWorker.ts')).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); });`,
    { eval: true },
  );
}

/**
 * [REPORT10] DOCX and PDF are rendered off the event loop, on a small pool of worker threads of our
 * own: a large verslag takes seconds of CPU, and the server meanwhile keeps answering everyone in
 * every meeting. Jobs wait in order for a free worker; past `maxQueue` waiting they are refused
 * (the caller answers 503 with a sentence). A worker that crashes fails its job only and is
 * replaced on the next job.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Waiting[] = [];
  private next = 1;
  private closed = false;

  constructor(private readonly opts: RenderPoolOptions) {}

  render(job: RenderJob): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('the server is stopping'));
    const free = this.slots.length < this.opts.size || this.slots.some((s) => !s.job);
    if (!free && this.queue.length >= this.opts.maxQueue)
      return Promise.reject(new ExportsBusyError('the export queue is full'));
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.next++, job, resolve, reject });
      this.pump();
    });
  }

  /** Jobs being rendered and jobs waiting (for tests and logs). */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.job).length, waiting: this.queue.length };
  }

  /** Stops every worker; jobs still waiting or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.queue.splice(0)) w.reject(new Error('the server is stopping'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot =
        this.slots.find((s) => !s.job) ?? (this.slots.length < this.opts.size ? this.spawn() : null);
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.job = next;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.worker.postMessage({ id: next.id, job: next.job } satisfies RenderRequest);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), job: null, idle: null };
    // An idle worker does not keep the process alive; a running job is held by its request.
    slot.worker.unref();
    slot.worker.on('message', (r: RenderReply) => {
      const w = slot.job;
      if (!w || w.id !== r.id) return;
      slot.job = null;
      if (r.ok) w.resolve(Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength));
      else w.reject(new Error(r.error));
      this.rest(slot);
      this.pump();
    });
    const gone = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      if (slot.idle) clearTimeout(slot.idle);
      slot.job?.reject(err);
      slot.job = null;
      this.pump();
    };
    slot.worker.on('error', gone);
    slot.worker.on('exit', (code) => gone(new Error(`render worker stopped (${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /** A worker left without work is stopped after `idleMs` (its fonts and modules free their memory). */
  private rest(slot: Slot): void {
    if (this.queue.length > 0 || !this.opts.idleMs) return;
    slot.idle = setTimeout(() => {
      if (slot.job) return;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      void slot.worker.terminate();
    }, this.opts.idleMs);
    slot.idle.unref();
  }
}
