import { io as ioClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, NO_RATE_LIMITS, type RateLimitConfig } from '../../server/security/rateLimit';
import { newId } from '../../shared/domain/ids';
import { manualClock } from '../helpers/clock';
import { call, ok, startServer, type TestServer } from '../helpers/server';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const limits = (l: Partial<RateLimitConfig>) => ({ config: { rateLimits: { ...NO_RATE_LIMITS, ...l } } });
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('abuse limits', () => {
  it('[ABUSE1] meeting creation is rate-limited per address, with Retry-After', async () => {
    srv = await startServer(limits({ createPerHour: 3 }));
    for (let i = 0; i < 3; i++)
      expect((await post(`${srv.url}/api/meetings`, { title: `m${i}` })).status).toBe(201);
    const res = await post(`${srv.url}/api/meetings`, { title: 'one too many' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ ok: false, error: 'rate_limited' });
  });

  it('[ABUSE2] guessing join codes is cut off after a few misses, over HTTP and sockets alike', async () => {
    srv = await startServer(limits({ codeMissPerMinute: 5 }));
    const m = await srv.createMeeting();
    const guesses = ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD'];
    for (const g of guesses) expect((await fetch(`${srv.url}/api/meetings/code/${g}`)).status).toBe(404);
    await expect(srv.connect('EEEEEEEE')).rejects.toThrow(/not_found/);
    // Five misses used up: now even the right code is refused for a while, so guessing gains nothing.
    expect((await fetch(`${srv.url}/api/meetings/code/${m.code}`)).status).toBe(429);
    expect((await post(`${srv.url}/api/join`, { code: m.code, name: 'Ann' })).status).toBe(429);
    await expect(srv.connect(m.code)).rejects.toThrow(/rate_limited/);
    // The arithmetic behind "infeasible": 31^8 codes at the default miss rate.
    const codes = 31 ** 8;
    const years = codes / 2 / DEFAULT_RATE_LIMITS.codeMissPerMinute / 60 / 24 / 365;
    expect(years).toBeGreaterThan(10_000);
  });

  it('[ABUSE3] commands are rate-limited per connection; refused commands change nothing', async () => {
    const clock = manualClock();
    srv = await startServer({ ...limits({ commandsPerSecond: 5 }), clock });
    const m = await srv.createMeeting();
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call(fac, 'agenda:add', { id: newId(), title: `punt ${i}` })),
    );
    const accepted = results.filter((r) => r.ok).length;
    const refused = results.filter((r) => !r.ok && r.error === 'rate_limited').length;
    expect(accepted).toBeGreaterThanOrEqual(15);
    expect(accepted).toBeLessThan(20);
    expect(accepted + refused).toBe(40);
    await clock.advance(1000); // the bucket refills: the next command is taken again
    const snap = await ok(fac, 'session:sync');
    expect(snap.agenda).toHaveLength(accepted);
  });

  it('[ABUSE4] joins are rate-limited per address', async () => {
    srv = await startServer(limits({ joinPerMinute: 3 }));
    const m = await srv.createMeeting();
    for (let i = 0; i < 3; i++)
      expect((await post(`${srv.url}/api/join`, { code: m.code, name: `P${i}` })).status).toBe(201);
    expect((await post(`${srv.url}/api/join`, { code: m.code, name: 'P4' })).status).toBe(429);
  });

  it('[ABUSE5] live connections from another origin are refused; same origin and non-browser clients are not', async () => {
    srv = await startServer();
    const m = await srv.createMeeting();
    const attempt = (origin?: string) =>
      new Promise<string>((resolve) => {
        const s = ioClient(srv!.url, {
          forceNew: true,
          transports: ['websocket'],
          reconnection: false,
          auth: { code: m.code },
          ...(origin ? { extraHeaders: { origin } } : {}),
        });
        s.on('connect', () => {
          s.disconnect();
          resolve('connected');
        });
        s.on('connect_error', () => resolve('refused'));
      });
    expect(await attempt('https://evil.example')).toBe('refused');
    expect(await attempt(srv.url)).toBe('connected');
    expect(await attempt()).toBe('connected');
  });

  it('[ABUSE6] security headers: a strict CSP without inline scripts or other origins', async () => {
    srv = await startServer();
    const res = await fetch(`${srv.url}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:\/\//);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
