import readline from 'node:readline';
import { startProxy } from './proxy';

/**
 * The TCP proxy of proxy.ts as a process of its own (see proxyProcess.ts): `node proxyMain.ts
 * <target port>` prints `port <n>`, then takes `drop` and `restore` on stdin, one a line, and
 * answers each with the same line once done. It ends when stdin closes.
 */
const proxy = await startProxy(Number(process.argv[2]));
const say = (line: string) => process.stdout.write(`${line}\n`);
say(`port ${new URL(proxy.url).port}`);
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'drop') proxy.drop();
  else if (line === 'restore') proxy.restore();
  say(line);
});
lines.on('close', () => {
  void proxy.close().then(() => process.exit(0));
});
