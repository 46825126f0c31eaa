// The manager's digest and a salesperson's answer as Slack would show them
// (issue 13), rendered from their Block Kit to simple HTML and screenshotted
// in headless Chromium, in both locales: labelled shares, customers grouped
// under one suggested action, no internal word ("SPEC"), no English sentence
// in zh-CN. Screenshots go to test-artifacts/screenshots/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveViewer } from '../../../bot/access/resolve-viewer.js';
import { answerQuestion } from '../../../bot/answers/answer-question.js';
import { buildChurnList } from '../../../bot/blocks/build-answer.js';
import { renderDigest } from '../../../bot/digests/render-digest.js';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { findEnglish } from '../../core/i18n/find-english.js';
import { CHROMIUM_PATH, HAVE_CHROMIUM } from '../../support/system-tools.js';
import { importRows, ROWS, USERS } from '../fixtures.js';
import { blocksToHtml } from './blocks-to-html.js';

const shots = join(resolve(import.meta.dirname, '../../..'), 'test-artifacts', 'screenshots');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser | undefined;
let store: SqliteStore | undefined;
beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  if (HAVE_CHROMIUM) browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}, 60_000);
afterAll(async () => browser?.close());
afterEach(async () => {
  await store?.close();
  store = undefined;
});

// The fixture's own data, which a zh-CN reader sees as written in their file.
const DATA = ROWS.flatMap((row) => row.map(String));

describe.skipIf(!HAVE_CHROMIUM)('Slack messages in headless Chromium', () => {
  it.each(['en', 'zh-CN'] as const)(
    '%s: the digest labels both shares and lists new churn risks once per shared action',
    async (locale) => {
      store = new SqliteStore(':memory:');
      await importRows(store);
      await store.mapOwner('Maria', USERS.maria, 'manual');
      const digest = await renderDigest(store, undefined, locale, 'channel');
      const viewer = await resolveViewer(store, USERS.maria, { managers: [], admins: [] });
      const churn = await answerQuestion(
        { kind: 'churn' },
        { store, viewer, locale, surface: 'dm', today: '2026-11-25' },
      );
      if (churn.kind !== 'churn') throw new Error(churn.kind);

      const page = await browser!.newPage({ viewport: { width: 800, height: 600 } });
      await page.setContent(blocksToHtml('Tierline', [digest.blocks, buildChurnList(churn, locale)], locale));
      const texts = await page.locator('.message').allInnerTexts();
      const digestText = texts[0]!,
        answerText = texts[1]!;

      // Every tier line names both percentages.
      const tierLines = digestText.split('\n').filter((line) => line.startsWith('•') && /%/.test(line));
      expect(tierLines.length).toBeGreaterThan(0);
      for (const line of tierLines)
        expect(line).toMatch(
          locale === 'zh-CN' ? /占客户数 [\d.]+% · 占收入 [\d.]+%/ : /[\d.]+% of customers · [\d.]+% of revenue/,
        );
      // The four new churn risks fall under two actions (win-back; the potential group's coupon), each written once.
      const actionLabel = locale === 'zh-CN' ? '建议动作：' : 'Suggested action: ';
      const actions = digestText.split('\n').filter((line) => line.includes(actionLabel));
      expect(actions).toHaveLength(2);
      expect(new Set(actions).size).toBe(2);
      expect(digestText.match(/C00\d · /g)).toHaveLength(4);

      for (const text of [digestText, answerText]) {
        expect(text).not.toContain('SPEC');
        if (locale === 'zh-CN') expect(findEnglish(text, DATA)).toEqual([]);
      }
      await page.screenshot({ path: join(shots, `slack-digest-and-answer-${locale}.png`), fullPage: true });
      await page.close();
    },
    60_000,
  );
});
