/**
 * The task pane in real headless Chromium (Debian chromium + playwright-core).
 * The pane is built with the add-in's own vite config and served from
 * 127.0.0.1; Office.js is stubbed at the boundary: the CDN URL is answered
 * with a bundle that backs Excel.run with the adapter tests' in-memory
 * workbook. Screenshots go to test-artifacts/.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeWorkbook } from '../../../bench/addin/fake-excel.js';
import { SCHEMES } from '../../../core/segment/scheme-registry.js';
import { CHROMIUM_PATH, HAVE_CHROMIUM } from '../../support/system-tools.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const artifacts = join(repo, 'test-artifacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
};

let out: string | undefined;
let server: Server;
let origin: string;
let browser: Browser;
let stub: string;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  out = mkdtempSync(join(tmpdir(), 'tierline-pane-'));
  await build({
    configFile: join(repo, 'addin/vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: join(out, 'web'), emptyOutDir: true },
  });
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { 'office-addin-manifest': join(repo, 'test/addin/support/office-addin-manifest-shim.ts') } },
    build: {
      outDir: join(out, 'stub'),
      emptyOutDir: true,
      lib: {
        entry: join(repo, 'test/addin/support/office-stub.ts'),
        formats: ['iife'],
        name: 'TierlineOfficeStub',
        fileName: () => 'office-stub.js',
      },
    },
  });
  stub = readFileSync(join(out, 'stub/office-stub.js'), 'utf8');
  const root = join(out, 'web');
  server = createServer((request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(path);
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  mkdirSync(artifacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (out) rmSync(out, { recursive: true, force: true });
});

async function openPane(scenario: string, displayLanguage = 'en-US'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // No test reaches the internet: the Office.js CDN answers with the stub, anything else fails.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('https://appsforoffice.microsoft.com/'))
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (url.startsWith(origin)) return route.continue();
    return route.abort();
  });
  await page.goto(`${origin}/taskpane/taskpane.html?scenario=${scenario}&lang=${displayLanguage}`);
  await page.locator('table.fields').waitFor();
  expect(errors).toEqual([]);
  return page;
}

const fakeCell = (page: Page, sheet: string, row: number, column: number) =>
  page.evaluate(
    ([s, r, c]) =>
      (window as unknown as { tierlineFake: FakeWorkbook }).tierlineFake
        .sheet(s as string)
        .get(r as number, c as number),
    [sheet, row, column] as const,
  );

describe.skipIf(!HAVE_CHROMIUM)('task pane in headless Chromium', () => {
  it('loads, shows the mapping preview, segments with the chosen options and links the report to the cells', async () => {
    const page = await openPane('customers');
    await expect(page.locator('p.source').textContent()).resolves.toBe('Table Customers!A1:L301: one row per customer');
    const customerId = page.locator('select[data-field="customerId"]');
    await expect(customerId.inputValue()).resolves.toBe('Customer ID');
    await expect(page.locator('select[data-field="lastPurchaseDate"]').inputValue()).resolves.toBe(
      'Last purchase date',
    );

    await page.selectOption('#scheme', 'rfm8');
    await page.fill('#as-of', '2026-11-01');
    await page.selectOption('#locale', 'zh-CN');
    await expect(page.locator('#segment').textContent()).resolves.toBe('细分');
    await page.click('#segment');
    await page.locator('.result .done').waitFor();
    const done = await page.locator('.result .done').textContent();
    expect(done).toContain('已用RFM：8类（高/低于均值）细分300位客户（分析日期2026-11-01）');
    expect(done).toContain('Customers!M1:AL301');
    const segmentRows = await page.locator('table.segments tbody tr').count();
    expect(segmentRows).toBeGreaterThan(3);
    await expect(page.locator('table.segments tbody tr').first().locator('th').textContent()).resolves.toMatch(/客户$/);

    // The workbook got the zh-CN columns and the summary sheet.
    await expect(fakeCell(page, 'Customers', 0, 22)).resolves.toBe('细分群体');
    await expect(fakeCell(page, 'Tierline 汇总', 0, 0)).resolves.toBe('群体汇总');

    // The cleaning report links select the offending cells.
    const link = page.locator('.issues li[data-code="formula-error"] a.issue-link');
    await expect(link.textContent()).resolves.toBe('I7');
    await link.click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const selection = (window as unknown as { tierlineFake: FakeWorkbook }).tierlineFake.selection!;
          return `${selection.sheet.name}!${selection.box.row},${selection.box.column}`;
        }),
      )
      .toBe('Customers!6,8');
    await expect(page.locator('.issues li[data-code="invalid-date"] a').textContent()).resolves.toBe('G10');
    await page.screenshot({ path: join(artifacts, 'addin-taskpane-segmented.png'), fullPage: true });

    // The choices are remembered in the document settings for the next run.
    const stored = await page.evaluate(() =>
      (window as unknown as { tierlineFake: FakeWorkbook }).tierlineFake.settings.get('tierline'),
    );
    expect(JSON.parse(String(stored))).toMatchObject({ scheme: 'rfm8', asOf: '2026-11-01', locale: 'zh-CN' });
    await page.close();
  }, 60_000);

  it('opens with the choices stored in the workbook', async () => {
    const page = await openPane('stored-settings');
    await expect(page.locator('#scheme').inputValue()).resolves.toBe('c-value-tiers');
    await expect(page.locator('#locale').inputValue()).resolves.toBe('zh-CN');
    await expect(page.locator('#as-of').inputValue()).resolves.toBe('2026-10-01');
    await expect(page.locator('#k').inputValue()).resolves.toBe('4');
    await expect(page.locator('h2#mapping-title').textContent()).resolves.toBe('列映射');
    await page.close();
  }, 60_000);

  it("starts in Office's display language when the workbook stored none; the scheme menu is the registry", async () => {
    const page = await openPane('customers', 'zh-TW');
    await expect(page.locator('#locale').inputValue()).resolves.toBe('zh-CN');
    await expect(page.locator('h2#mapping-title').textContent()).resolves.toBe('列映射');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    const options = await page
      .locator('#scheme option')
      .evaluateAll((nodes) => nodes.map((n) => [(n as HTMLOptionElement).value, n.textContent]));
    expect(options).toEqual(SCHEMES.map((entry) => [entry.id, entry.labels['zh-CN']]));
    await page.close();
  }, 60_000);

  it("keeps the language the workbook stored over Office's display language", async () => {
    const page = await openPane('stored-english', 'zh-CN');
    await expect(page.locator('#locale').inputValue()).resolves.toBe('en');
    await expect(page.locator('#scheme').inputValue()).resolves.toBe('rfm8');
    await expect(page.locator('h2#mapping-title').textContent()).resolves.toBe('Column mapping');
    await page.close();
  }, 60_000);

  it('asks for the mapping when the headers are not recognised, then segments with it', async () => {
    const page = await openPane('unknown-headers');
    await expect(page.locator('p.source').textContent()).resolves.toContain('columns missing');
    await page.click('#segment');
    const alert = page.locator('.error[role="alert"]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe(
      'Tierline could not find these columns: Customer ID, Last purchase date, Frequency, Spend. Choose the matching column for each under "Column mapping", then click Segment again.',
    );
    expect(await page.locator('tr.asked').count()).toBe(4);
    await page.screenshot({ path: join(artifacts, 'addin-taskpane-mapping.png'), fullPage: true });
    await page.selectOption('select[data-field="customerId"]', 'Kunde');
    // Once the id is mapped the preview re-detects the shape locally and asks for the order fields.
    await page.locator('select[data-field="orderDate"]').waitFor();
    await page.selectOption('select[data-field="orderDate"]', 'Datum');
    await page.selectOption('select[data-field="orderAmount"]', 'Betrag');
    await page.click('#segment');
    await page.locator('.result .done').waitFor();
    await expect(page.locator('.result .done').textContent()).resolves.toContain('2 customers segmented');
    await expect(fakeCell(page, 'Tierline Customers', 1, 0)).resolves.toBe('K1');
    await page.close();
  }, 60_000);
});
