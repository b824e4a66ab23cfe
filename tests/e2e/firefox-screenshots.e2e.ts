import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXTENSION_ORIGIN,
  type KindredInFirefox,
  launchKindredInFirefox,
  panelByRole,
  panelFrame,
  panelIn,
  panelStatus,
  pressedState,
} from '../support/firefox';
import { SCREENSHOTS, removeUserDataDir } from '../support/harness';
import { AXE, seriousAxeViolations } from '../support/axe';
import { JANE, profilePage } from '../support/pages';

/**
 * Kindred's panel, options page and popup in real Firefox (ESR, MV2), light and dark, photographed for
 * the docs and checked as a person sees them: a dark background with light text in dark mode, the
 * opposite in light, the panel's tags pressed, and no axe-core violations.
 *
 * The colour scheme is set per profile with the pref `layout.css.prefers-color-scheme.content-override`
 * (0 dark, 1 light, 2 the system's, 3 the browser theme's). Tried in Firefox ESR 153.8: it decides
 * `prefers-color-scheme` for LinkedIn's page (so the content script tells the panel to be dark) and for
 * Kindred's own pages; with 2, headless Firefox on this machine is light and the dark run fails.
 */

const pages = (url: URL) => (url.pathname.startsWith(`/in/${JANE.id}`) ? profilePage(JANE) : undefined);
const WELCOME_URL = `${EXTENSION_ORIGIN}/options.html#welcome`;
const SCHEMES = { dark: 0, light: 1 } as const;
const OPTION_TABS = ['overview', 'review', 'contacts', 'queue', 'tags', 'data'];

/** The tab the install opened on the welcome (listed by puppeteer over BiDi as about:blank, so asked). */
async function welcomeTab(browser: Browser): Promise<Page | undefined> {
  for (const page of await browser.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (href === WELCOME_URL) return page;
  }
  return undefined;
}

/** What a person sees of an element: its background (the first opaque one from it up) and its text colour. */
interface Look {
  background: number;
  text: number;
}

/**
 * The relative luminance (WCAG 2) of the background behind `selector` and of its text, read from the
 * computed colours in the page or frame.
 */
function lookOf(where: Page | Frame, selector: string): Promise<Look> {
  return where.evaluate((selector) => {
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
      const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const element = document.querySelector(selector);
    if (!element) throw new Error(`Nothing matches ${selector}`);
    let background = 'rgb(255, 255, 255)';
    for (let at: Element | null = element; at; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor;
      const alpha = colour.startsWith('rgba') ? Number(colour.match(/[\d.]+/g)?.[3]) : 1;
      if (alpha > 0.5) {
        background = colour;
        break;
      }
    }
    return { background: luminance(background), text: luminance(getComputedStyle(element).color) };
  }, selector);
}

/** Dark: a background darker than 0.05 luminance and text lighter than 0.6; light: the opposite. */
function expectLook(look: Look, scheme: keyof typeof SCHEMES, what: string) {
  const seen = { what, darkBackground: look.background < 0.05, lightText: look.text > 0.6 };
  const lightSeen = { what, lightBackground: look.background > 0.8, darkText: look.text < 0.05 };
  if (scheme === 'dark') expect(seen).toEqual({ what, darkBackground: true, lightText: true });
  else expect(lightSeen).toEqual({ what, lightBackground: true, darkText: true });
}

/** Serious and critical axe-core violations in the page (tests/support/axe.ts). */
async function axeViolations(page: Page | Frame): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(seriousAxeViolations);
}

/**
 * Tabs to the next control and reads its focus ring as a person sees it: the outline's style and width,
 * and its contrast (WCAG ratio) with the background around the control.
 */
async function nextFocusRing(page: Page): Promise<{ style: string; width: number; contrast: number }> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
      const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const control = document.activeElement;
    if (!control || control === document.body) throw new Error('Tab reached no control');
    const style = getComputedStyle(control);
    let background = 'rgb(255, 255, 255)';
    for (let at = control.parentElement; at; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor;
      if (!colour.startsWith('rgba') || Number(colour.match(/[\d.]+/g)?.[3]) > 0.5) {
        background = colour;
        break;
      }
    }
    const [lighter, darker] = [luminance(style.outlineColor), luminance(background)].sort((a, b) => b - a);
    return {
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      contrast: Math.round(((lighter! + 0.05) / (darker! + 0.05)) * 10) / 10,
    };
  });
}

/** A focus ring a person can see: solid, at least 2 px, 3:1 against the background (WCAG 1.4.11). */
function expectVisibleRing(ring: { style: string; width: number; contrast: number }, what: string) {
  expect({ what, ...ring, visible: ring.style === 'solid' && ring.width >= 2 && ring.contrast >= 3 }).toMatchObject({
    what,
    visible: true,
  });
}

let kindred: KindredInFirefox | undefined;
afterEach(async () => {
  await kindred?.close();
  if (kindred) removeUserDataDir(kindred.userDataDir);
  kindred = undefined;
});

describe('screenshots in Firefox, light and dark', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the panel, the options page and the popup look ${scheme}`, async () => {
      kindred = await launchKindredInFirefox(pages, undefined, {
        keepWelcome: true,
        prefs: { 'layout.css.prefers-color-scheme.content-override': SCHEMES[scheme] },
      });
      mkdirSync(SCREENSHOTS, { recursive: true });

      // A profile: Jane tagged with a purpose and a relationship, and a touch logged.
      const profile = await kindred.newPage();
      await profile.goto(`https://www.linkedin.com/in/${JANE.id}/`);
      await (await panelByRole(profile, 'button', 'Career resilience')).click();
      await (await panelByRole(profile, 'button', 'Mentor')).click();
      await expect.poll(() => pressedState(profile, 'Career resilience')).toBe('true');
      await expect.poll(() => pressedState(profile, 'Mentor')).toBe('true');
      await expect.poll(() => panelStatus(profile)).toBe('Saved');
      await (await panelByRole(profile, 'button', 'I reached out')).click();
      const panel = await panelFrame(profile);
      await panel.waitForFunction(() => document.querySelector('.last-touch')?.textContent?.includes('today'));
      await expect.poll(() => panelStatus(profile)).toBe('Saved');
      expectLook(await lookOf(panel, '.panel'), scheme, 'panel');
      expectLook(await lookOf(panel, '.name'), scheme, 'panel name');
      expect(await axeViolations(panel)).toEqual([]);
      // The panel's region in the page: the element Kindred puts there, with the frame inside.
      await panelIn(profile);
      const host = await profile.$('kindred-panel');
      await host!.screenshot({ path: join(SCREENSHOTS, `firefox-panel-${scheme}.png`) });

      // The options page, from the welcome the install opened, on the overview.
      await expect.poll(async () => (await welcomeTab(kindred!.browser)) !== undefined, { timeout: 10_000 }).toBe(true);
      const options = (await welcomeTab(kindred.browser))!;
      await options.bringToFront();
      // The tab the install opened has the window's size, not puppeteer's: the Chromium shots' width.
      await options.setViewport({ width: 1280, height: 800 });
      await options.waitForSelector('::-p-aria([name="Welcome to Kindred"][role="heading"])');
      expectLook(await lookOf(options, '#welcome-heading + p'), scheme, 'welcome');
      expect(await axeViolations(options)).toEqual([]);
      await options.click('::-p-aria([name="Got it"][role="button"])');
      // Every tab passes axe; the overview is shown again last, as a person comes back to it (it notes
      // this month's balance when it opens, so the balance over time shows Jane).
      for (const tab of [...OPTION_TABS, 'overview']) {
        await options.click(`#tab-${tab}`);
        await options.waitForSelector(`#tab-${tab}[aria-selected="true"]`);
        await options.waitForSelector(`#panel-${tab} > :not(.muted:only-child)`);
        expectLook(await lookOf(options, `#panel-${tab}`), scheme, `options page, ${tab}`);
        expect(await axeViolations(options), tab).toEqual([]);
      }
      await options.waitForSelector('.split-text');
      await options.waitForSelector('.trend-table');
      expectLook(await lookOf(options, 'body'), scheme, 'options page');
      await options.screenshot({ path: join(SCREENSHOTS, `firefox-options-${scheme}.png`), fullPage: true });
      expectVisibleRing(await nextFocusRing(options), 'options page');

      // The popup's page in the same tab, at the popup's size.
      await options.setViewport({ width: 360, height: 600 });
      await options.evaluate(() => location.assign('/popup.html'));
      await options.waitForSelector('.diagnosis-sentence');
      await options.waitForSelector('.weekly');
      expectLook(await lookOf(options, 'body'), scheme, 'popup');
      expectLook(await lookOf(options, '.diagnosis-sentence'), scheme, 'popup diagnosis');
      expect(await axeViolations(options)).toEqual([]);
      await options.screenshot({ path: join(SCREENSHOTS, `firefox-popup-${scheme}.png`) });
      expectVisibleRing(await nextFocusRing(options), 'popup');
      expect(kindred.outsideRequests).toEqual([]);
    });
  }
});
