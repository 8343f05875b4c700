import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumAvailable, launchBrowser } from '../helpers/browser';

export { chromiumAvailable };

/** True when the browser tests should run (false only locally without Chromium; see globalSetup). */
export const hasBrowser = chromiumAvailable();

/** A window: its size in CSS px (1280 × 900 unless said), its language, and the device it is on. */
export interface WindowOptions {
  width?: number;
  height?: number;
  lang?: string;
  /** A screen's pixel ratio (also: browser zoom), a phone's touch. */
  device?: Pick<BrowserContextOptions, 'deviceScaleFactor' | 'isMobile' | 'hasTouch'>;
}

export interface BrowserKit {
  browser: Browser;
  /** A fresh, isolated browser context (its own storage: a different person). */
  context(opts?: WindowOptions): Promise<BrowserContext>;
  page(opts?: WindowOptions): Promise<Page>;
  /** Errors thrown in any page (uncaught exceptions), for asserting none happened. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserKit> {
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const kit: BrowserKit = {
    browser,
    pageErrors,
    async context(opts = {}) {
      const c = await browser.newContext({
        viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
        locale: opts.lang ?? 'nl-NL',
        ...opts.device,
      });
      c.setDefaultTimeout(10_000);
      c.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
      contexts.push(c);
      return c;
    },
    async page(opts = {}) {
      const c = await kit.context(opts);
      const p = await c.newPage();
      p.on('pageerror', (e) => pageErrors.push(e.message));
      return p;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
    },
  };
  return kit;
}

/** A participant in their own browser context, who joined by the participant `link` as `name`. */
export async function joinAs(kit: BrowserKit, link: string, name: string, window: WindowOptions = {}) {
  const p = await kit.page(window);
  await p.goto(link);
  await p.getByLabel('Je naam').fill(name);
  await p.getByRole('button', { name: 'Meedoen' }).click();
  await p.getByText(`Je doet mee als ${name}.`).waitFor();
  return p;
}

/** axe-core on the current page: no WCAG 2.x A/AA violations (WCAG 2.2 included). */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')} (${(v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)})`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Presses Tab (at most `max` times) until the focused element matches `matches`, then returns.
 * Proves the element is reachable by keyboard; fails if it never gets focus.
 */
export async function tabTo(
  page: Page,
  matches: { role?: string; name: string | RegExp },
  max = 60,
  backwards = false,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    const hit = await page.evaluate(
      ({ role, name, flags }) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return false;
        const tag = el.tagName.toLowerCase();
        const type = (el as HTMLInputElement).type;
        const actualRole =
          el.getAttribute('role') ??
          (tag === 'button' || (tag === 'input' && ['button', 'submit'].includes(type))
            ? 'button'
            : tag === 'a'
              ? 'link'
              : tag === 'input' && type === 'radio'
                ? 'radio'
                : tag === 'input' && type === 'checkbox'
                  ? 'checkbox'
                  : tag === 'select'
                    ? 'combobox'
                    : tag === 'textarea' || tag === 'input'
                      ? 'textbox'
                      : tag === 'summary'
                        ? 'summary'
                        : tag);
        if (role && actualRole !== role) return false;
        const labelled = el.getAttribute('aria-labelledby');
        const labels = (el as HTMLInputElement).labels;
        const accName = (
          el.getAttribute('aria-label') ??
          (labelled
            ? labelled
                .split(' ')
                .map((id) => document.getElementById(id)?.textContent ?? '')
                .join(' ')
            : null) ??
          (labels && labels.length > 0
            ? Array.from(labels)
                .map((l) => l.textContent)
                .join(' ')
            : null) ??
          el.textContent ??
          ''
        ).trim();
        return flags === null ? accName === name : new RegExp(name, flags).test(accName);
      },
      {
        role: matches.role,
        name: typeof matches.name === 'string' ? matches.name : matches.name.source,
        flags: typeof matches.name === 'string' ? null : matches.name.flags,
      },
    );
    if (hit) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${matches.role ?? 'element'} "${String(matches.name)}" with Tab`);
}
