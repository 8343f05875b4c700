/**
 * `npm run demo`: Oogst with a meeting filled from the reference meeting (seed 000) and the chat
 * tips of seed 004, and the links to open it in every role. Data goes to ./data-demo (or DATA_DIR);
 * each start adds a fresh demo meeting and removes nothing.
 */
import path from 'node:path';
import { createApp } from './app';
import { projectRoot, readConfig } from './config';
import { demoLinks, seedDemoMeeting } from './demo/seed';
import { createLogger } from './log';
import { openStore } from './storage/open';

const config = readConfig({
  ...process.env,
  DATA_DIR: process.env.DATA_DIR || path.join(projectRoot, 'data-demo'),
});
const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
const store = await openStore(config);
const app = createApp({ config, store, log });

app.httpServer.listen(config.port, config.host, async () => {
  const addr = app.httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const base = config.publicUrl ?? `http://localhost:${port}`;
  const { meeting, facilitatorToken, secretaryToken } = await seedDemoMeeting(app.ctx);
  const links = demoLinks(base, meeting.code, facilitatorToken, secretaryToken);
  console.log(`
  Oogst-demo draait op ${base}
  Bijeenkomst: ${meeting.title} (code ${meeting.code})

  Gespreksleider:  ${links.facilitator}
  Verslaglegger:   ${links.secretary}
  Deelnemer:       ${links.participant}
  Scherm:          ${links.screen}

  Gegevens in ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir}. Stoppen: Ctrl+C.
`);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
