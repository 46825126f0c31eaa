import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeWorkbook } from '../../../bench/addin/fake-excel.js';
import { AS_OF, createCustomerSheet } from '../../../bench/addin/customer-sheet.js';
import { SETTINGS_KEY } from '../../../addin/excel/run-settings.js';

/** The ribbon's function file runs in Office; here its globals are stubbed at the boundary. */
const associated = new Map<string, (event: Office.AddinCommands.Event) => Promise<void>>();
const dialogs: string[] = [];
let book: FakeWorkbook;

beforeAll(async () => {
  Object.assign(globalThis, {
    window: { location: { href: 'https://localhost:3000/commands/commands.html' } },
    Office: {
      onReady: (callback: () => void) => {
        callback();
        return Promise.resolve({});
      },
      actions: {
        associate: (name: string, handler: (event: Office.AddinCommands.Event) => Promise<void>) =>
          associated.set(name, handler),
      },
      context: {
        ui: {
          displayDialogAsync: (url: string, _options: unknown, done: () => void) => {
            dialogs.push(url);
            done();
          },
        },
      },
    },
    Excel: { run: <T>(action: (context: Excel.RequestContext) => Promise<T>) => action(book.context) },
  });
  await import('../../../addin/commands/commands.js');
});

const event = () =>
  ({ completed: vi.fn(), source: { id: 'Tierline.SegmentButton' } }) as unknown as Office.AddinCommands.Event & {
    completed: ReturnType<typeof vi.fn>;
  };

describe('ribbon Segment button (ExecuteFunction)', () => {
  it('registers the function the manifest names and segments with the stored settings', async () => {
    book = new FakeWorkbook();
    const sheet = book.addSheet('Customers');
    sheet.put(0, 0, createCustomerSheet(40));
    book.select(sheet, 'B3');
    book.settings.set(SETTINGS_KEY, JSON.stringify({ scheme: 'rfm8', locale: 'zh-CN', asOf: AS_OF }));
    const e = event();
    await associated.get('segment')!(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toEqual([]);
    expect(sheet.get(0, 22)).toBe('细分群体');
    expect(book.sheets.map((s) => s.name)).toEqual(['Customers', 'Tierline 汇总']);
  });

  it('shows why it stopped in a dialog, and still completes the event', async () => {
    book = new FakeWorkbook();
    const sheet = book.addSheet('Empty');
    book.select(sheet, 'D4');
    const e = event();
    await associated.get('segment')!(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toHaveLength(1);
    const url = new URL(dialogs[0]!);
    expect(url.origin + url.pathname).toBe('https://localhost:3000/commands/message.html');
    expect(url.searchParams.get('text')).toBe(
      'The selected cell D4 is empty and has no data around it. Select a cell inside your customer table (or the whole table), then click Segment.',
    );
  });
});

describe('ribbon Remove Tierline results button (ExecuteFunction)', () => {
  it('removes what Segment wrote and completes the event, without a dialog', async () => {
    book = new FakeWorkbook();
    const sheet = book.addSheet('Customers');
    sheet.put(0, 0, createCustomerSheet(20));
    book.select(sheet, 'B3');
    await associated.get('segment')!(event());
    expect(sheet.get(0, 22)).toBe('Segment');
    const shown = dialogs.length;
    const e = event();
    await associated.get('removeResults')!(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toHaveLength(shown);
    expect(sheet.get(0, 22)).toBe('');
    expect(sheet.tables).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(['Customers']);
  });
});
