import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { launchBrowser } from '../helpers/browser';
import { spawnServer } from '../helpers/process';
import { type BenchRow, connect, connected, pct, round } from './lib';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist/client');

/** Gzip size of what the participant's first screen loads: index.html's script and CSS, and their static imports. */
export function participantInitialBytes(): { js: number; css: number; files: string[] } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  const seen = new Set<string>();
  const visit = (rel: string) => {
    const file = path.join(DIST, rel.replace(/^\//, ''));
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    // Static imports only (`import … from "./x.js"`); dynamic `import()` chunks load later.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
      visit(path.posix.join(path.posix.dirname(rel), m[1]!));
    }
  };
  visit(entry);
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].reduce(
    (sum, m) => sum + gz(path.join(DIST, m[1]!.replace(/^\//, ''))),
    0,
  );
  const files = [...seen];
  return {
    js: files.reduce((sum, f) => sum + gz(f), 0),
    css,
    files: files.map((f) => path.relative(DIST, f)),
  };
}

/** Production bundle of the participant entry, and time to interactive of the participant view in Chromium. */
export async function clientBench(runs = 10): Promise<BenchRow[]> {
  execFileSync('npm', ['run', 'build:client'], { cwd: ROOT, stdio: 'ignore' });
  const size = participantInitialBytes();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-client-'));
  const srv = await spawnServer(dataDir);
  const created = await (
    await fetch(`${srv.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'TTI' }),
    })
  ).json();
  const fac = connect(srv.url, { code: created.code, token: created.facilitatorToken });
  await connected(fac);
  const pollId = newId();
  await fac.timeout(5000).emitWithAck('activity:create', {
    id: pollId,
    agendaItemId: null,
    anonymous: false,
    spec: { kind: 'scale', question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] },
  });
  await fac.timeout(5000).emitWithAck('activity:open', { id: pollId });

  const browser = await launchBrowser();
  const tti: number[] = [];
  for (let i = 0; i < runs; i++) {
    const j = await (
      await fetch(`${srv.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: created.code, name: `P${i}` }),
      })
    ).json();
    const context = await browser.newContext();
    await context.addInitScript(([code, creds]) => localStorage.setItem(`oogst:p:${code}`, creds), [
      created.code,
      JSON.stringify({ token: j.token, participantId: j.participant.id, name: `P${i}` }),
    ] as const);
    const page = await context.newPage();
    await page.goto(`${srv.url}/m/${created.code}`);
    // Interactive: the answer form is there and enabled (state arrived over the live connection).
    await page.getByRole('radio', { name: 'Zeer tevreden' }).and(page.locator(':enabled')).waitFor();
    tti.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  await browser.close();
  fac.disconnect();
  await srv.kill('SIGTERM');
  const kb = (b: number) => `${round(b / 1024, 1)} KB`;
  return [
    {
      bench: 'client',
      metric: 'participant initial JS (gzip)',
      value: kb(size.js),
      budget: '≤ 200 KB',
      ok: size.js <= 200 * 1024,
    },
    { bench: 'client', metric: 'participant initial CSS (gzip)', value: kb(size.css) },
    {
      bench: 'client',
      metric: `participant view interactive (Chromium, localhost, ${runs} runs) p50 / max`,
      value: `${round(pct(tti, 50))} / ${round(pct(tti, 100))} ms`,
    },
  ];
}
