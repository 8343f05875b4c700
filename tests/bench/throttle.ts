/**
 * A throttled Chromium page for `npm run bench throttled`: CPU 4× slower (Emulation.setCPUThrottlingRate)
 * and a slow mobile network (Network.emulateNetworkConditions: 150 ms RTT, 1.6 Mbit/s down,
 * 750 kbit/s up), both set over the page's own CDP session before it navigates. The same session
 * records what the page transferred: every HTTP response's bytes on the wire (`encodedDataLength`:
 * headers and body as served, compressed or not), whether it came from the cache, and the WebSocket
 * frames' payload bytes.
 */
import type { Browser, BrowserContext, CDPSession, Locator, Page } from 'playwright-core';

export const CPU_SLOWDOWN = 4;
export const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
} as const;

export interface Transfer {
  url: string;
  bytes: number;
  fromCache: boolean;
}

export interface Traffic {
  http: Transfer[];
  wsIn: number;
  wsOut: number;
}

export interface ThrottledPage {
  page: Page;
  cdp: CDPSession;
  traffic: Traffic;
  /** HTTP bytes on the wire so far (responses from the cache count 0). */
  httpBytes(): number;
}

/** A new page in `context`, throttled before its first navigation. */
export async function throttledPage(context: BrowserContext): Promise<ThrottledPage> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const traffic: Traffic = { http: [], wsIn: 0, wsOut: 0 };
  const byId = new Map<string, Transfer>();
  cdp.on('Network.responseReceived', (e) => {
    const t: Transfer = {
      url: e.response.url,
      bytes: 0,
      fromCache: Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache),
    };
    byId.set(e.requestId, t);
    traffic.http.push(t);
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const t = byId.get(e.requestId);
    if (t) t.fromCache = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const t = byId.get(e.requestId);
    if (t) t.bytes = t.fromCache ? 0 : e.encodedDataLength;
  });
  cdp.on('Network.webSocketFrameReceived', (e) => {
    traffic.wsIn += e.response.payloadData.length;
  });
  cdp.on('Network.webSocketFrameSent', (e) => {
    traffic.wsOut += e.response.payloadData.length;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { ...NETWORK });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return {
    page,
    cdp,
    traffic,
    httpBytes: () => traffic.http.reduce((sum, t) => sum + t.bytes, 0),
  };
}

/**
 * Marks taken inside the page (a string: tsx would wrap named functions in a helper the page
 * lacks). `window.__mark(name)` stores `performance.now()` (milliseconds since the navigation
 * started) once, and `name + ':paint'` at the end of the next animation frame: a task posted from
 * the rAF callback runs after that frame's style, layout and paint. `window.__watch(name, test)`
 * marks `name` as soon as `test()` holds after a DOM change (checked in a MutationObserver, so the
 * mark is taken when the element is in the DOM, not when a polling client happens to look).
 */
export const MARKS_SCRIPT = `(() => {
  const w = window;
  w.__marks = {};
  w.__mark = (name, at) => {
    if (w.__marks[name] !== undefined) return;
    w.__marks[name] = at ?? performance.now();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { w.__marks[name + ':paint'] = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  w.__watch = (name, test) => {
    if (test()) return w.__mark(name);
    const mo = new MutationObserver(() => {
      if (test()) { mo.disconnect(); w.__mark(name); }
    });
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  // A post-it (or any .note) whose accessible name starts with \`text\` is added to the DOM.
  w.__watchNote = (name, text) => {
    const mo = new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          const notes = n.matches('.note') ? [n] : n.querySelectorAll('.note');
          for (const el of notes)
            if ((el.getAttribute('aria-label') || '').startsWith(text)) { mo.disconnect(); return w.__mark(name); }
        }
    });
    mo.observe(document.body, { subtree: true, childList: true });
  };
  // The click that submits a form (the join button, a dialog's save): its event time, taken
  // before any of the app's listeners run.
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('button[type=submit]') : null;
    if (b) w.__marks.submit = e.timeStamp;
  }, true);
})()`;

/** Tests for `__watch`, as page-side source. */
export const READY = {
  /** The join form can be used: its name field is there and its button enabled. */
  joinForm: `() => !!document.querySelector('input[autocomplete=nickname]') && !!document.querySelector('form button[type=submit]:enabled')`,
  /** The scale's choices are there, enabled and laid out (visible). */
  answerable: `() => { const r = [...document.querySelectorAll('.scale-answer input[type=radio]')]; return r.length >= 2 && r.every((i) => i.matches(':enabled') && (i.labels?.[0]?.getBoundingClientRect().width ?? 0) > 0); }`,
  /** The verslag editor holds the server's document and can be typed in. */
  editor: `() => !!document.querySelector('[role=textbox][contenteditable=true].report-editor__content')`,
} as const;

export async function watch(page: Page, name: string, test: string): Promise<void> {
  await page.evaluate(`window.__watch(${JSON.stringify(name)}, ${test})`);
}

/** Waits for a mark and its paint; returns both (ms since the page's navigation started). */
export async function markOf(
  page: Page,
  name: string,
  timeout = 60_000,
): Promise<{ at: number; paint: number }> {
  // A function, not a string: the app's CSP forbids evaluating strings in the page.
  await page.waitForFunction(
    (n) => (window as unknown as { __marks?: Record<string, number> }).__marks?.[n] !== undefined,
    `${name}:paint`,
    { timeout, polling: 50 },
  );
  return page.evaluate(
    `({ at: window.__marks[${JSON.stringify(name)}], paint: window.__marks[${JSON.stringify(`${name}:paint`)}] })`,
  );
}

/** A fresh context (empty cache) whose pages take the marks and watch for `watches` from the start. */
export async function freshContext(browser: Browser, watches: (keyof typeof READY)[], width = 412) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nl-NL' });
  await context.addInitScript({ content: MARKS_SCRIPT });
  await context.addInitScript({
    content: watches.map((w) => `window.__watch('${w}', ${READY[w]});`).join('\n'),
  });
  return context;
}

/**
 * A person's click: the mouse pressed and released at the element's centre through CDP
 * (Input.dispatchMouseEvent). Playwright's own click also checks, inside the page and around the
 * event, that nothing covers the target (elementsFromPoint and its selector engine): on a board of
 * 500 post-its at 4× that added up to 100 ms to what the bench measured after the event.
 */
export async function personClick(tp: ThrottledPage, target: Locator): Promise<void> {
  await target.waitFor();
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to click');
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left' as const, clickCount: 1 };
  await tp.cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
  await tp.cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
}
