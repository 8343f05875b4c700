import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScalePoll } from '../helpers/fixtures';
import { type CreatedMeeting, startServer, type TestServer } from '../helpers/server';
import { type BrowserKit, hasBrowser, joinAs, openBrowser } from './helpers';

let srv: TestServer;
let kit: BrowserKit;
let m: CreatedMeeting;

beforeAll(async () => {
  if (!hasBrowser) return;
  srv = await startServer();
  kit = await openBrowser();
  m = await srv.createMeeting('Snel op een trage telefoon');
  const fac = await srv.connect(m.code, m.facilitatorToken);
  await openScalePoll(fac);
  fac.disconnect();
});
afterAll(async () => {
  await kit?.close();
  await srv?.close();
});

/** Every meeting WebSocket the page opens from now on, with the frames it sends. */
function recordSockets(page: Page) {
  const sockets: { url: string; sent: string[]; openedAt: number }[] = [];
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/socket.io/')) return;
    const s = { url: ws.url(), sent: [] as string[], openedAt: Date.now() };
    sockets.push(s);
    ws.on('framesent', (f) => s.sent.push(String(f.payload)));
  });
  return sockets;
}

describe.runIf(hasBrowser)('a meeting page on a slow connection', () => {
  it('[PERF2][PERF3] a returning participant’s page opens one connection as it starts and gets the snapshot without asking', async () => {
    const p = await joinAs(kit, m.links.participant, 'Anna');
    const sockets = recordSockets(p);
    await p.reload();
    await p.getByRole('radio', { name: 'Zeer tevreden' }).waitFor();
    expect(await p.getByRole('radio', { name: 'Zeer tevreden' }).isEnabled()).toBe(true);
    await p.waitForTimeout(300);
    expect(sockets).toHaveLength(1);
    // It connected with `sync`, and never had to ask for the snapshot itself.
    expect(sockets[0]!.sent.some((f) => f.startsWith('40') && f.includes('"sync":true'))).toBe(true);
    expect(sockets[0]!.sent.filter((f) => f.includes('session:sync'))).toEqual([]);
  });

  it('[PERF2] the secretary’s page opens its one meeting connection before the view’s code has loaded', async () => {
    const p = await kit.page({ width: 1366, height: 900 });
    const sockets = recordSockets(p);
    const chunks: { url: string; at: number }[] = [];
    p.on('requestfinished', (r) => {
      if (/\/assets\/SecretaryView-[^/]+\.js$/.test(r.url())) chunks.push({ url: r.url(), at: Date.now() });
    });
    // The view's chunk is held back until the page has opened its connection (at most 10 s, as on
    // a very slow network): a page whose connection waits for the view's code opens it only after.
    await p.route(/\/assets\/SecretaryView-[^/]+\.js$/, async (route) => {
      const until = Date.now() + 10_000;
      while (sockets.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      await route.continue();
    });
    await p.goto(m.links.secretary);
    await p.getByRole('textbox', { name: 'Verslag', exact: true }).waitFor();
    expect(sockets).toHaveLength(1);
    expect(chunks).toHaveLength(1);
    expect(sockets[0]!.openedAt).toBeLessThan(chunks[0]!.at);
    // The secret link's token is still kept, and taken out of the address, as before (MEET10).
    expect(new URL(p.url()).hash).toBe('');
  });

  it('[PERF4] the page of a staff link names its view’s chunks for preloading, from the real build', async () => {
    const html = await (await fetch(`${srv.url}/m/${m.code}/verslag`)).text();
    const preloads = [...html.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)].map((x) => x[1]!);
    expect(preloads.some((f) => /\/assets\/SecretaryView-[^/]+\.js$/.test(f))).toBe(true);
    expect(preloads.some((f) => /\/assets\/ReportWorkspace-[^/]+\.js$/.test(f))).toBe(true);
    for (const f of preloads) expect((await fetch(`${srv.url}${f}`)).status, f).toBe(200);
    const participant = await (await fetch(`${srv.url}/m/${m.code}`)).text();
    expect(participant).not.toMatch(/SecretaryView|ReportWorkspace/);
  });
});
