// The report as a manager sees it (issue 13), in headless Chromium, in both
// locales: "what to do this week" comes first, the segment charts use eleven
// distinct colours, no internal word ("SPEC") and, in zh-CN, no English
// sentence. Screenshots go to test-artifacts/screenshots/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToLab, smallestColorDifference } from '../../../core/charts/color-difference.js';
import { findEnglish } from '../../core/i18n/find-english.js';
import { CHROMIUM_PATH, HAVE_CHROMIUM } from '../../support/system-tools.js';
import { run } from '../run-cli.js';

const root = resolve(import.meta.dirname, '../../..');
const shots = join(root, 'test-artifacts', 'screenshots');
const dir = mkdtempSync(join(tmpdir(), 'tierline-report-shots-'));
const sample = (name: string): string => join(root, 'sample', name);
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
beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  if (HAVE_CHROMIUM) browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every cell of the sample's customer table: the user's own data, which may stay Latin in a zh-CN page. */
function dataValues(): string[] {
  const lines = readFileSync(sample('customers.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  return [...new Set(lines.flatMap((line) => line.split(',')))].filter((v) => /[A-Za-z]/.test(v));
}

const hex = (color: string): string | null => {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (m) return `#${m[1]!.toLowerCase()}`;
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color.trim());
  return rgb
    ? `#${rgb
        .slice(1, 4)
        .map((x) => Number(x).toString(16).padStart(2, '0'))
        .join('')}`
    : null;
};

describe.skipIf(!HAVE_CHROMIUM)('tierline report in headless Chromium', () => {
  it.each(['en', 'zh-CN'] as const)(
    '%s: what to do this week first, eleven distinct chart colours, no internal words',
    async (locale) => {
      const out = join(dir, `report-${locale}.html`);
      const xlsx = join(dir, `report-${locale}.xlsx`);
      const result = await run(
        'report',
        sample('transactions.csv'),
        '--customers',
        sample('customers.csv'),
        '--locale',
        locale,
        '--out',
        out,
        '--xlsx',
        xlsx,
      );
      expect(result.code, result.err).toBe(0);

      const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(out).href);
      // First section: what to do this week, with one block per account manager, each with customers and actions.
      expect(await page.locator('main > section').first().getAttribute('id')).toBe('this-week');
      const owners = await page.$$eval('#this-week .owner', (blocks) =>
        blocks.map((b) => ({
          owner: b.querySelector('h3')?.textContent ?? '',
          rows: b.querySelectorAll('tbody tr').length,
          actions: [...b.querySelectorAll('td.action')].map((td) => td.textContent ?? ''),
        })),
      );
      // Ten account managers in the sample, largest value at risk first, and the 8 customers without one last.
      expect(owners.length).toBe(11);
      expect(owners[0]!.owner).toBe('陈静');
      expect(owners[10]!.owner).toBe(locale === 'zh-CN' ? '未分配客户经理' : 'No account manager');
      for (const o of owners) {
        expect(o.rows, o.owner).toBe(o === owners[10] ? 4 : 5);
        expect(o.actions.length, o.owner).toBeGreaterThan(0);
        // A shared action is written once for the rows it covers.
        expect(o.actions.length, o.owner).toBeLessThanOrEqual(o.rows);
      }
      expect(await page.locator('#strategy-groups tbody tr').count()).toBe(4);

      // Distinct colours, sampled from the rendered SVG: the pie's slices and the scatter's points.
      for (const id of ['pie-customers', 'scatter']) {
        const fills = await page.$$eval(`figure[data-chart="${id}"] [class*="role-mark"] path`, (paths) =>
          paths.map((p) => p.getAttribute('fill') ?? ''),
        );
        const colors = [...new Set(fills.map(hex).filter((c): c is string => c !== null))];
        expect(colors.length, id).toBe(11);
        for (const vision of ['normal', 'deuteranopia', 'protanopia'] as const)
          expect(smallestColorDifference(colors, vision).deltaE, `${id} ${vision}`).toBeGreaterThanOrEqual(9);
        expect(
          colors.every((c) => hexToLab(c).l <= 80),
          id,
        ).toBe(true);
      }
      // The money axis names the currency.
      const scatterText = await page.locator('figure[data-chart="scatter"]').textContent();
      expect(scatterText).toContain(locale === 'zh-CN' ? 'M · 消费金额（元）' : 'M · spend (¥)');

      const text = await page.locator('body').innerText();
      expect(text).not.toContain('SPEC');
      if (locale === 'zh-CN') {
        const allowed = [...dataValues(), sample('transactions.csv'), sample('customers.csv'), 'gbdt'];
        expect(findEnglish(text, allowed)).toEqual([]);
      }
      await page.locator('#this-week').screenshot({ path: join(shots, `report-this-week-${locale}.png`) });
      await page.screenshot({ path: join(shots, `report-${locale}.png`), fullPage: true });
      await page.close();

      // The xlsx opens on the same section.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      expect(workbook.worksheets[0]!.name).toBe(locale === 'zh-CN' ? '本周行动' : 'This week');
    },
    240_000,
  );
});
