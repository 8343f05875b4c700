/** A call that answers a promise (a repository method, or a whole transaction). */
export type Call<T> = () => Promise<T>;
/** Runs a call in some discipline (waiting its turn, or checking that a transaction still lives). */
export type Wrap = <T>(call: Call<T>) => Promise<T>;

const attempt = <T>(call: Call<T>): Promise<T> => {
  try {
    return call();
  } catch (err) {
    return Promise.reject(err);
  }
};

/**
 * Turns for the one SQLite connection. better-sqlite3 runs each statement synchronously, but a
 * transaction spans `await`s, and any other flow's statement on the connection in between would
 * join it. So: plain calls (`shared`) run at once, side by side, while no transaction holds the
 * connection; a transaction (`exclusive`) waits until the plain calls in flight have settled and
 * then holds it alone until it ends. First come, first served: once a transaction waits, later
 * plain calls queue behind it, so a steady stream of them cannot starve it.
 */
export class SerialLock {
  private inFlight = 0;
  private held = false;
  private readonly queue: { exclusive: boolean; go: () => void }[] = [];

  shared<T>(call: Call<T>): Promise<T> {
    if (!this.held && this.queue.length === 0) return this.runShared(call);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ exclusive: false, go: () => this.runShared(call).then(resolve, reject) });
    });
  }

  exclusive<T>(call: Call<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const release = () => {
        this.held = false;
        this.drain();
      };
      this.queue.push({
        exclusive: true,
        go: () => {
          this.held = true;
          attempt(call).then(
            (value) => {
              release();
              resolve(value);
            },
            (err: unknown) => {
              release();
              reject(err);
            },
          );
        },
      });
      this.drain();
    });
  }

  private runShared<T>(call: Call<T>): Promise<T> {
    this.inFlight++;
    const p = attempt(call);
    const done = () => {
      this.inFlight--;
      this.drain();
    };
    p.then(done, done);
    return p;
  }

  private drain(): void {
    while (!this.held && this.queue.length > 0) {
      const next = this.queue[0]!;
      if (next.exclusive && this.inFlight > 0) return;
      this.queue.shift();
      next.go();
    }
  }
}

/** The same repository with every method run through `wrap`. */
export function wrapRepo<R extends object>(repo: R, wrap: Wrap): R {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repo)) {
    const method = value as (...args: unknown[]) => Promise<unknown>;
    out[name] =
      typeof value === 'function' ? (...args: unknown[]) => wrap(() => method.apply(repo, args)) : value;
  }
  return out as R;
}

/** Every repository of `repos` wrapped (see `wrapRepo`). */
export function wrapRepos<Rs extends Record<string, object>>(repos: Rs, wrap: Wrap): Rs {
  return Object.fromEntries(Object.entries(repos).map(([k, r]) => [k, wrapRepo(r, wrap)])) as Rs;
}
