/**
 * The task pane in real headless Chromium (Debian chromium + playwright-core).
 * The pane is built with the add-in's own vite config and served from
 * 127.0.0.1; Office.js is stubbed at the boundary: the CDN URL is answered
 * with a bundle that backs Excel.run with the adapter tests' in-memory
 * workbook. Screenshots of the pane at 420×900 (the size Excel gives a
 * task pane on a laptop) go to test-artifacts/screenshots/.
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
import { findEnglish } from '../../core/i18n/find-english.js';
import { PANE_MESSAGES } from '../../../core/i18n/pane-messages.js';
import { CUSTOMER_HEADER } from '../../../bench/addin/customer-sheet.js';
import { CHROMIUM_PATH, HAVE_CHROMIUM } from '../../support/system-tools.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const artifacts = join(repo, 'test-artifacts/screenshots');
const VIEWPORT = { width: 420, height: 900 };
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
  const page = await browser.newPage({ viewport: VIEWPORT });
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

/** The element's box lies wholly inside the 420×900 viewport (no scrolling needed to see it). */
async function expectInView(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  expect(box, selector).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
}

/**
 * English in the pane's visible text, the workbook's own headers and values aside: sentences
 * (the catalogue's detector) and any pane string's English text, however short ("Advanced options").
 */
async function englishInPane(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const sentences = text.split('\n').flatMap((line) => findEnglish(line, [...CUSTOMER_HEADER, 'Customers']));
  const paneStrings = Object.values(PANE_MESSAGES)
    .filter(([en, zh]) => en !== zh && !en.includes('{'))
    .map(([en]) => en)
    .filter((en) => text.includes(en));
  return [...sentences, ...paneStrings];
}

/** The segment table's count for one segment label, after a run. */
async function segmentCount(page: Page, name: string): Promise<number> {
  const row = page.locator('table.segments tbody tr', { has: page.locator('th', { hasText: name }) });
  // The table lists only segments with customers.
  if ((await row.count()) === 0) return 0;
  return Number(((await row.locator('td').first().textContent()) ?? '').replace(/,/g, ''));
}

/** Waits for the run's result; a run that ends in the pane's error fails with that error's text. */
async function waitForResult(page: Page): Promise<void> {
  await page.locator('.result .done, .error[role="alert"]').first().waitFor();
  const error = page.locator('.error[role="alert"]');
  if ((await error.count()) > 0) expect.fail(`the pane shows an error: ${await error.innerText()}`);
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
  it('puts Segment first, in view on load, with scheme and date visible, advanced options folded and no JSON box', async () => {
    const page = await openPane('customers');
    await expectInView(page, '#segment');
    await expectInView(page, '#scheme');
    await expectInView(page, '#as-of');
    await expect(page.locator('#segment').isVisible()).resolves.toBe(true);
    // Segment comes before the mapping table, the advanced options after it.
    const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
    expect(await top('#segment')).toBeLessThan(await top('h2#mapping-title'));
    expect(await top('h2#mapping-title')).toBeLessThan(await top('#advanced'));
    await expect(page.locator('#advanced').getAttribute('open')).resolves.toBeNull();
    await expect(page.locator('#locale').isVisible()).resolves.toBe(false);
    await expect(page.locator('textarea').count()).resolves.toBe(0);
    await page.screenshot({ path: join(artifacts, 'addin-pane-initial.png') });

    // Unfolded: a form of the scheme's numbers and a link to the config docs, still no JSON.
    await page.click('#advanced > summary');
    await expect(page.locator('#locale').isVisible()).resolves.toBe(true);
    // The zh-CN test's detector does see the English pane.
    expect(await englishInPane(page)).toEqual(expect.arrayContaining(['Advanced options', 'Column mapping']));
    await expect(page.locator('#advanced .thresholds').textContent()).resolves.toBe(
      'This scheme has no thresholds to set here.',
    );
    await expect(page.locator('#advanced .docs a').getAttribute('href')).resolves.toBe(
      'https://github.com/tierline/tierline/blob/main/README.md#config-file',
    );
    await page.selectOption('#scheme', 'kmeans');
    await expect(page.locator('#k').isVisible()).resolves.toBe(true);
    await page.selectOption('#scheme', 'rules:a-step4-rules');
    await expect(page.locator('#advanced legend').allTextContents()).resolves.toEqual([
      'High-value customer',
      'Potential customer',
      'Churn-risk customer',
    ]);
    await expect(page.locator('#advanced').getAttribute('open')).resolves.toBe('');
    await expect(page.locator('textarea').count()).resolves.toBe(0);
    await page.screenshot({ path: join(artifacts, 'addin-pane-advanced.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('after a run: the thresholds typed in the form reach the engine and are stored; Segment stays in view', async () => {
    // The default run on a workbook of its own: each page is one fresh workbook.
    const reference = await openPane('customers');
    await reference.selectOption('#scheme', 'rules:a-step4-rules');
    await reference.click('#segment');
    await waitForResult(reference);
    const byDefault = await segmentCount(reference, 'Churn-risk customer');
    await reference.close();

    const page = await openPane('customers');
    await page.selectOption('#scheme', 'rules:a-step4-rules');
    await page.click('#advanced > summary');
    // Churn risk: no purchase for over 3 months and at most 1 purchase ever; 10 purchases catches more.
    const frequency = page.locator('input[data-path="presets.a-step4-rules.churn-risk.historicalFrequency"]');
    await expect(frequency.getAttribute('placeholder')).resolves.toBe('1');
    await frequency.fill('10');
    await page.click('#segment');
    await waitForResult(page);
    await expect(page.locator('.result .done').textContent()).resolves.toContain('300 customers segmented');
    expect(await segmentCount(page, 'Churn-risk customer')).toBeGreaterThan(byDefault);
    const stored = await page.evaluate(() =>
      (window as unknown as { tierlineFake: FakeWorkbook }).tierlineFake.settings.get('tierline'),
    );
    expect(JSON.parse(String(stored)).config).toEqual({
      presets: { 'a-step4-rules': { 'churn-risk': { historicalFrequency: 10 } } },
    });
    await expectInView(page, '#segment');
    await page.screenshot({ path: join(artifacts, 'addin-pane-after-run.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('in zh-CN: no English sentence in the pane before or after a run, Segment in view', async () => {
    const page = await openPane('customers', 'zh-CN');
    await expectInView(page, '#segment');
    await expect(page.locator('#segment').textContent()).resolves.toBe('细分');
    await page.screenshot({ path: join(artifacts, 'addin-pane-zh-CN.png') });
    await page.selectOption('#scheme', 'rules:a-table5-rules');
    await page.click('#advanced > summary');
    expect(await englishInPane(page)).toEqual([]);
    await page.click('#segment');
    await waitForResult(page);
    expect(await englishInPane(page)).toEqual([]);
    await expectInView(page, '#segment');
    await page.screenshot({ path: join(artifacts, 'addin-pane-zh-CN-after-run.png'), fullPage: true });
    await page.close();
  }, 60_000);

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
    await page.click('#advanced > summary');
    await page.selectOption('#locale', 'zh-CN');
    await expect(page.locator('#segment').textContent()).resolves.toBe('细分');
    await page.click('#segment');
    await waitForResult(page);
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
    await page.screenshot({ path: join(artifacts, 'addin-pane-rfm8-zh-CN-after-run.png'), fullPage: true });

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
    await expect(page.locator('h2#mapping-title').textContent()).resolves.toBe('列映射');
    // The stored config fills the form; K belongs to k-means only; the value the form does not show is counted.
    await expect(page.locator('#k').count()).resolves.toBe(0);
    await expect(page.locator('input[data-path="tiers.slaHours.mid"]').inputValue()).resolves.toBe('4');
    await expect(page.locator('input[data-path="tiers.slaHours.high"]').inputValue()).resolves.toBe('');
    await expect(page.locator('input[data-path="tiers.slaHours.high"]').getAttribute('placeholder')).resolves.toBe('1');
    await expect(page.locator('#other-settings').textContent()).resolves.toBe('本工作簿中另存的1项设置将保留并生效。');
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
    await page.screenshot({ path: join(artifacts, 'addin-pane-mapping.png'), fullPage: true });
    await page.selectOption('select[data-field="customerId"]', 'Kunde');
    // Once the id is mapped the preview re-detects the shape locally and asks for the order fields.
    await page.locator('select[data-field="orderDate"]').waitFor();
    await page.selectOption('select[data-field="orderDate"]', 'Datum');
    await page.selectOption('select[data-field="orderAmount"]', 'Betrag');
    await page.click('#segment');
    await waitForResult(page);
    await expect(page.locator('.result .done').textContent()).resolves.toContain('2 customers segmented');
    await expect(fakeCell(page, 'Tierline Customers', 1, 0)).resolves.toBe('K1');
    await page.close();
  }, 60_000);
});
