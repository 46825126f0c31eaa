import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, HAVE_CHROMIUM } from '../support/system-tools.js';
import { run } from './run-cli.js';

const root = resolve(import.meta.dirname, '../..');
const artifacts = join(root, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'tierline-report-'));
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
  mkdirSync(artifacts, { recursive: true });
  if (HAVE_CHROMIUM) browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sample = (name: string): string => join(root, 'sample', name);

describe('tierline report', () => {
  it('writes a self-contained HTML report with every chart the spec asks for', async () => {
    const out = join(dir, 'report.html');
    const result = await run(
      'report',
      sample('transactions.csv'),
      '--customers',
      sample('customers.csv'),
      '--previous-as-of',
      '2026-08-01',
      '--out',
      out,
      '--xlsx',
      join(dir, 'summary.xlsx'),
    );
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const id of ['radar', 'share', 'pie-customers', 'pie-revenue', 'scatter', 'migration'])
      expect(html).toContain(`data-chart="${id}"`);
    // Self-contained: no script, no external resource.
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(existsSync(join(dir, 'summary.xlsx'))).toBe(true);
  }, 120_000);

  it('reports the k-means model (Table 4) with data-named clusters in the charts', async () => {
    const out = join(dir, 'kmeans.html');
    expect((await run('report', sample('transactions.csv'), '--scheme', 'kmeans', '--k', '4', '--out', out)).code).toBe(
      0,
    );
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('id="clusters"');
    expect(html).toContain('K = 4 (fixed)');
    // The legend and bars use the cluster names, not the ids.
    expect(html).not.toMatch(/>cluster-\d</);
    expect(html).toContain('Cluster 0 · ');
  });

  it.skipIf(!HAVE_CHROMIUM)(
    'renders in headless Chromium: every chart has marks and paints pixels (screenshot saved)',
    async () => {
      const out = join(dir, 'browser.html');
      expect(
        (
          await run(
            'report',
            sample('transactions.csv'),
            '--customers',
            sample('customers.csv'),
            '--previous-as-of',
            '2026-08-01',
            '--locale',
            'zh-CN',
            '--out',
            out,
          )
        ).code,
      ).toBe(0);
      const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(out).href);
      const charts = await page.$$eval('figure[data-chart]', (figures) =>
        figures.map((figure) => {
          const svg = figure.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return {
            id: figure.getAttribute('data-chart'),
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            marks: svg
              ? svg.querySelectorAll('[class*="role-mark"] path, [class*="role-mark"] rect, [class*="role-mark"] line')
                  .length
              : 0,
          };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual([
        'radar',
        'share',
        'pie-customers',
        'pie-revenue',
        'scatter',
        'migration',
      ]);
      for (const chart of charts) {
        expect(chart.width, chart.id!).toBeGreaterThan(200);
        expect(chart.height, chart.id!).toBeGreaterThan(150);
        expect(chart.marks, chart.id!).toBeGreaterThan(3);
      }
      // A blank figure compresses to a few hundred bytes; a drawn chart to several kilobytes.
      for (const id of ['radar', 'pie-revenue', 'scatter', 'migration']) {
        const shot = await page
          .locator(`figure[data-chart="${id}"]`)
          .screenshot({ path: join(artifacts, `report-${id}.png`) });
        expect(shot.length, id).toBeGreaterThan(8_000);
      }
      await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
      expect(await page.locator('h1').textContent()).toBe('客户细分可视化报告');
      expect(errors).toEqual([]);
      await page.close();
    },
    // Two segmentation runs (now and the earlier date) on a shared 2-core machine.
    120_000,
  );
});
