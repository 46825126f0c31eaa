import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openTableWriter } from '../../io/index.js';
import { DATA_DIR } from '../paths.js';
import { createCustomerSheet } from './customer-sheet.js';

/**
 * The add-in benchmark's customer sheet saved as an .xlsx file in bench/data
 * (generated once, reused), for the command-line side of the comparison.
 * @returns the file's path.
 */
export async function ensureCustomerXlsx(rows: number, log: (line: string) => void): Promise<string> {
  const path = join(DATA_DIR, `addin-customers-${rows}.xlsx`);
  if (existsSync(path)) return path;
  mkdirSync(DATA_DIR, { recursive: true });
  log(`  generating ${path} …`);
  const partial = `${path}.partial.xlsx`;
  const writer = await openTableWriter(partial, { sheetName: 'Customers' });
  for (const row of createCustomerSheet(rows)) writer.writeRow(row);
  await writer.close();
  // Renamed only when complete: an interrupted run never leaves a short file behind.
  renameSync(partial, path);
  return path;
}
