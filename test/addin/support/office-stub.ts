/**
 * Office.js as the task-pane browser test serves it in place of Microsoft's
 * CDN script: `Office.onReady`, the selection-changed event and `Excel.run`
 * backed by the in-memory workbook of the adapter tests. The page's
 * `?scenario=` picks the sheet; `window.tierlineFake` lets the test look at
 * the workbook afterwards.
 */
import { FakeWorkbook } from '../../../bench/addin/fake-excel.js';
import { createCustomerSheet } from '../../../bench/addin/customer-sheet.js';

const book = new FakeWorkbook();
const query = new URLSearchParams(window.location.search);
const scenario = query.get('scenario') ?? 'customers';
// Office's display language (`?lang=zh-CN`), which the pane starts in unless the workbook stored a choice.
const displayLanguage = query.get('lang') ?? 'en-US';
if (scenario === 'unknown-headers') {
  const sheet = book.addSheet('Export');
  sheet.put(0, 0, [
    ['Kunde', 'Datum', 'Betrag'],
    ['K1', '2026-10-01', 100],
    ['K2', '2026-09-01', 50],
    ['K1', '2026-06-11', 75.5],
  ]);
  book.select(sheet, 'B2');
} else {
  const sheet = book.addSheet('Customers');
  sheet.put(0, 0, createCustomerSheet(300));
  sheet.set(6, 8, '#N/A'); // I7: a formula error in Cumulative spend
  sheet.set(9, 6, '2026-02-30'); // G10: not a real date
  book.select(sheet, 'C4');
  if (scenario === 'stored-settings')
    book.settings.set(
      'tierline',
      JSON.stringify({
        scheme: 'c-value-tiers',
        locale: 'zh-CN',
        asOf: '2026-10-01',
        k: 4,
        // One value the pane's form shows (the mid tier's SLA) and one it does not.
        config: {
          tiers: { slaHours: { mid: 4 } },
          presets: { 'a-table5-rules': { 'high-value': { frequency6m: 9 } } },
        },
      }),
    );
  if (scenario === 'stored-english') book.settings.set('tierline', JSON.stringify({ scheme: 'rfm8', locale: 'en' }));
}

const office = {
  HostType: { Excel: 'Excel' },
  EventType: { DocumentSelectionChanged: 'documentSelectionChanged' },
  context: {
    displayLanguage,
    document: { addHandlerAsync: () => undefined },
    ui: { displayDialogAsync: () => undefined },
  },
  actions: { associate: () => undefined },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    callback?.(info);
    return Promise.resolve(info);
  },
};

const excel = {
  run: <T>(action: (context: Excel.RequestContext) => Promise<T>): Promise<T> => action(book.context),
};

Object.assign(window, { Office: office, Excel: excel, tierlineFake: book });
