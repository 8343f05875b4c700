import { createApp } from './app';
import { connectCluster, localCluster } from './cluster';
import { readConfig } from './config';
import { createLogger } from './log';
import { openStore } from './storage/open';

const config = readConfig();
const log = createLogger(config.logLevel);
const store = await openStore(config);
// Several nodes share meetings through Redis (REDIS_URL); without it this process is the only one.
const cluster = config.redisUrl
  ? await connectCluster(config.redisUrl, config.redisPrefix, log)
  : localCluster();
const app = createApp({ config, store, log, cluster });

app.httpServer.listen(config.port, config.host, () => {
  const addr = app.httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const shown = config.publicUrl ?? `http://localhost:${port}`;
  log.info(`Oogst is running at ${shown}`, {
    port,
    store: config.databaseUrl ? 'postgresql' : 'sqlite',
    ...(config.databaseUrl ? {} : { dataDir: config.dataDir }),
  });
  console.log(`\n  Oogst draait op ${shown}\n`);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

// Benchmarks measure retained memory: started with --expose-gc, SIGUSR2 runs a full collection.
// With OOGST_BENCH_HEAP set it then prints the heap still in use (`heap-after-gc <bytes>`, the soak).
const gc = (globalThis as { gc?: () => void }).gc;
const printHeap = Boolean(process.env.OOGST_BENCH_HEAP);
if (gc)
  process.on('SIGUSR2', () => {
    gc();
    if (printHeap) console.log(`heap-after-gc ${process.memoryUsage().heapUsed}`);
  });
