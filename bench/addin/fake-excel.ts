/// <reference types="office-js" />
/**
 * An in-memory Excel workbook behind the Office.js objects the add-in uses,
 * built on office-addin-mock: every proxy (range, worksheet, chart …) is an
 * `OfficeMockObject`, so a scalar property read before `load()` + `sync()`
 * fails as it does in Excel. On top of the mock this fake:
 * - throws on reading an unloaded property (the mock would hand back an
 *   error string the adapter could carry along silently);
 * - queues writes in order and applies them at `context.sync()`, like Office.js;
 * - measures each sync's request and response payload (JSON bytes of the
 *   values and formats moved) and fails a sync over Excel on the web's 5 MB
 *   limit with Excel's error code;
 * - keeps cells, number formats, header styles, column widths, merged areas,
 *   hidden rows, tables, protection, charts and document settings.
 * Shared by the add-in tests, the task-pane browser test (bundled) and the
 * add-in benchmark.
 */
import { OfficeMockObject } from 'office-addin-mock';

export type FakeCell = string | number | boolean;
const EMPTY = '';
const NOT_LOADED = 'Error, property was not loaded';
const NOT_SYNCED = 'Error, context.sync() was not called';
/** Excel on the web's request/response limit. */
export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

export interface Box {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** One chart as the fake keeps it. */
export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  name: string;
  title: string;
  series: {
    name: string;
    values?: string;
    xValues?: string;
    /** Fill (`format.fill.setSolidColor`), line colour and marker colour, as set. */
    fill?: string;
    line?: string;
    marker?: string;
    /** Per-point fills (`points.getItemAt(i).format.fill.setSolidColor`). */
    pointFills?: string[];
  }[];
  axisTitles: { category?: string; value?: string };
  position?: [string, string];
}

/** What one `context.sync()` moved. */
export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly calculationSuspended: boolean;
}

const bytesOf = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

function columnName(index: number): string {
  let n = index + 1,
    s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** `B2:D5` of a box. */
export function formatBoxAddress(box: Box): string {
  const a = `${columnName(box.column)}${box.row + 1}`;
  return box.rowCount === 1 && box.columnCount === 1
    ? a
    : `${a}:${columnName(box.column + box.columnCount - 1)}${box.row + box.rowCount}`;
}

/** Parses `A1`, `B2:D5`, `A:A`, `B:J` (no sheet part). */
export function parseAddress(address: string): Box {
  const [from, to = from] = address.replaceAll('$', '').split(':');
  const part = (text: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(text);
    if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
    return { column: m[1] ? columnIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
  };
  const a = part(from!),
    b = part(to ?? from!);
  const column = a.column ?? 0,
    row = a.row ?? 0;
  const columnEnd = b.column ?? MAX_COLUMNS - 1,
    rowEnd = b.row ?? MAX_ROWS - 1;
  return { row, column, rowCount: rowEnd - row + 1, columnCount: columnEnd - column + 1 };
}

const intersect = (a: Box, b: Box): Box | undefined => {
  const row = Math.max(a.row, b.row),
    column = Math.max(a.column, b.column);
  const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount),
    columnEnd = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  return rowEnd > row && columnEnd > column
    ? { row, column, rowCount: rowEnd - row, columnCount: columnEnd - column }
    : undefined;
};

const contains = (box: Box, row: number, column: number): boolean =>
  row >= box.row && row < box.row + box.rowCount && column >= box.column && column < box.column + box.columnCount;

/** Excel's table header rule: an empty name becomes `ColumnN`, a taken one (any case) gets 2, 3 … */
function uniqueHeader(taken: readonly string[], wanted: string, at: number): string {
  const used = new Set(taken.map((h) => h.toLowerCase()));
  const base = wanted === '' ? `Column${at + 1}` : wanted;
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

/** An Excel table: its box holds the header row, the data rows and the totals row (when shown). */
export interface FakeTable {
  readonly id?: string;
  name: string;
  box: Box;
  showTotals: boolean;
}

/** A conditional format "cell value equals <text>" with the fill and font it shows. */
export interface FakeConditionalFormat {
  readonly box: Box;
  equals: FakeCell | undefined;
  fill?: string;
  font?: string;
}

/** One worksheet's state. */
export class FakeSheet {
  /** Rows of cells; a missing row or cell is empty. */
  readonly rows: FakeCell[][] = [];
  readonly numberFormats = new Map<string, string>();
  /** Uniform formats set on whole ranges (Office.js broadcasts a single value). */
  readonly formatAreas: { box: Box; format: string }[] = [];
  readonly styles = new Map<string, { bold?: boolean; color?: string; fill?: string; size?: number }>();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  readonly merged: Box[] = [];
  readonly tables: FakeTable[] = [];
  readonly charts: FakeChart[] = [];
  /** Conditional formats (cell value equals a text), in the order added. */
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Rows frozen at the top (0: none). */
  frozenRows = 0;
  protected = false;
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  /** The value of a cell ('' when empty). */
  get(row: number, column: number): FakeCell {
    return this.rows[row]?.[column] ?? EMPTY;
  }

  set(row: number, column: number, value: FakeCell): void {
    (this.rows[row] ??= [])[column] = value;
  }

  /** Writes a 2-D block at a corner (test setup). */
  put(row: number, column: number, values: readonly (readonly FakeCell[])[]): void {
    values.forEach((line, i) => line.forEach((value, j) => this.set(row + i, column + j, value)));
  }

  /** The values of a box as Excel returns them. */
  read(box: Box): FakeCell[][] {
    const out: FakeCell[][] = new Array(box.rowCount);
    for (let i = 0; i < box.rowCount; i++) {
      const source = this.rows[box.row + i];
      const line: FakeCell[] = new Array(box.columnCount);
      for (let j = 0; j < box.columnCount; j++) line[j] = source?.[box.column + j] ?? EMPTY;
      out[i] = line;
    }
    return out;
  }

  /** The number format of a cell: per-cell writes, then the last uniform area holding it. */
  formatAt(row: number, column: number): string {
    const own = this.numberFormats.get(`${row},${column}`);
    if (own !== undefined) return own;
    for (let i = this.formatAreas.length - 1; i >= 0; i--) {
      const { box, format } = this.formatAreas[i]!;
      if (
        row >= box.row &&
        row < box.row + box.rowCount &&
        column >= box.column &&
        column < box.column + box.columnCount
      )
        return format;
    }
    return 'General';
  }

  /** The smallest box holding every non-empty cell, or undefined. */
  usedBox(): Box | undefined {
    let top = Infinity,
      bottom = -1,
      left = Infinity,
      right = -1;
    this.rows.forEach((line, r) => {
      if (!line) return;
      line.forEach((value, c) => {
        if (value === EMPTY || value === undefined) return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    return bottom < 0
      ? undefined
      : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  /** Excel's current region: grow from a cell until bounded by blank rows and columns. */
  surroundingRegion(row: number, column: number): Box {
    let box: Box = { row, column, rowCount: 1, columnCount: 1 };
    const filled = (r: number, c: number) => r >= 0 && c >= 0 && this.get(r, c) !== EMPTY;
    for (let grew = true; grew;) {
      grew = false;
      const { row: r0, column: c0, rowCount, columnCount } = box;
      const r1 = r0 + rowCount - 1,
        c1 = c0 + columnCount - 1;
      const any = (rows: [number, number], cols: [number, number]) => {
        for (let r = rows[0]; r <= rows[1]; r++) for (let c = cols[0]; c <= cols[1]; c++) if (filled(r, c)) return true;
        return false;
      };
      let next: Box | undefined;
      if (r0 > 0 && any([r0 - 1, r0 - 1], [c0 - 1, c1 + 1])) next = { ...box, row: r0 - 1, rowCount: rowCount + 1 };
      else if (any([r1 + 1, r1 + 1], [c0 - 1, c1 + 1])) next = { ...box, rowCount: rowCount + 1 };
      else if (c0 > 0 && any([r0, r1], [c0 - 1, c0 - 1]))
        next = { ...box, column: c0 - 1, columnCount: columnCount + 1 };
      else if (any([r0, r1], [c1 + 1, c1 + 1])) next = { ...box, columnCount: columnCount + 1 };
      if (next) {
        box = next;
        grew = true;
      }
    }
    return box;
  }

  /** The fill a cell shows: the first matching conditional format, else its own fill. */
  fillAt(row: number, column: number): string | undefined {
    return this.conditionalFormatAt(row, column)?.fill ?? this.styles.get(`${row},${column}`)?.fill;
  }

  /** The font colour a cell shows: the first matching conditional format, else its own. */
  fontColorAt(row: number, column: number): string | undefined {
    return this.conditionalFormatAt(row, column)?.font ?? this.styles.get(`${row},${column}`)?.color;
  }

  private conditionalFormatAt(row: number, column: number): FakeConditionalFormat | undefined {
    const value = this.get(row, column);
    return this.conditionalFormats.find((f) => contains(f.box, row, column) && f.equals === value);
  }

  table(name: string): FakeTable {
    const found = this.tables.find((t) => t.name === name || t.id === name);
    if (!found) throw new Error(`ItemNotFound: no table ${name}`);
    return found;
  }

  /**
   * Sorts a table's data rows by one of its columns (0-based within the
   * table), as Excel's sort and filter buttons do: whole table rows move
   * together, cells outside the table stay where they are. Numbers before
   * text, text case-insensitive, empty cells last.
   */
  sortTable(name: string, key: number, ascending = true): void {
    const { box, showTotals } = this.table(name);
    const first = box.row + 1,
      count = box.rowCount - 1 - (showTotals ? 1 : 0);
    const rows = this.read({ row: first, column: box.column, rowCount: count, columnCount: box.columnCount });
    const rank = (v: FakeCell) => (v === EMPTY ? 2 : typeof v === 'number' ? 0 : 1);
    const order = rows.map((line, i) => ({ line, i }));
    order.sort((a, b) => {
      const x = a.line[key]!,
        y = b.line[key]!;
      if (rank(x) !== rank(y)) return rank(x) - rank(y);
      if (x === EMPTY) return a.i - b.i;
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'en', { sensitivity: 'base' });
      return (ascending ? c : -c) || a.i - b.i;
    });
    order.forEach(({ line }, i) => line.forEach((v, j) => this.set(first + i, box.column + j, v)));
  }

  /** Inserts a column into a table at `at` (relative): the table's rows shift right from there. */
  insertTableColumn(table: FakeTable, at: number, name: string | undefined): string {
    const { box } = table;
    if (at < 0 || at > box.columnCount) throw new Error(`InvalidArgument: column index ${at}`);
    const column = box.column + at;
    const headers = this.read({ ...box, rowCount: 1 })[0]!.map(String);
    for (let r = box.row; r < box.row + box.rowCount; r++) {
      const line = (this.rows[r] ??= []);
      if (line.length > column) line.splice(column, 0, EMPTY);
    }
    const header = uniqueHeader(headers, name ?? '', at);
    this.set(box.row, column, header);
    table.box = { ...box, columnCount: box.columnCount + 1 };
    return header;
  }

  /** Deletes a table column (relative index): its cells, formats and conditional formats go; the rest shift left. */
  deleteTableColumn(table: FakeTable, at: number): void {
    const { box } = table;
    if (at < 0 || at >= box.columnCount) throw new Error(`InvalidArgument: column index ${at}`);
    const column = box.column + at;
    const rows = { row: box.row, column: 0, rowCount: box.rowCount, columnCount: MAX_COLUMNS };
    for (let r = box.row; r < box.row + box.rowCount; r++) this.rows[r]?.splice(column, 1);
    const shift = <T extends { box: Box }>(list: T[]) => {
      for (let i = list.length - 1; i >= 0; i--) {
        const b = list[i]!.box;
        if (!intersect(b, rows)) continue;
        if (b.column === column && b.columnCount === 1) list.splice(i, 1);
        else if (b.column > column) list[i] = { ...list[i]!, box: { ...b, column: b.column - 1 } };
      }
    };
    shift(this.formatAreas);
    shift(this.conditionalFormats);
    for (const key of [...this.styles.keys()]) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (r < box.row || r >= box.row + box.rowCount || c < column) continue;
      const style = this.styles.get(key)!;
      this.styles.delete(key);
      if (c > column) this.styles.set(`${r},${c - 1}`, style);
    }
    table.box = { ...box, columnCount: box.columnCount - 1 };
  }

  clear(box: Box): void {
    for (let r = box.row; r < box.row + box.rowCount; r++) {
      const line = this.rows[r];
      if (!line) continue;
      for (let c = box.column; c < Math.min(line.length, box.column + box.columnCount); c++) line[c] = EMPTY;
    }
    for (let r = box.row; r < box.row + Math.min(box.rowCount, 50); r++)
      for (let c = box.column; c < box.column + box.columnCount; c++) this.styles.delete(`${r},${c}`);
    this.formatAreas.push({ box, format: 'General' });
  }
}

/** The address of every range proxy, for charts (reading `address` would need a load). */
const rangeAddresses = new WeakMap<object, string>();
const addressOf = (range: unknown): string => rangeAddresses.get(range as object) ?? '?';

interface Op {
  readonly bytes: number;
  apply(): void;
}

/** The workbook state and the request context the adapter talks to. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  readonly syncs: SyncRecord[] = [];
  workbookProtected = false;
  selection: { sheet: FakeSheet; box: Box } | undefined;
  /** Makes the n-th sync attempt (1-based) fail before it applies anything, to test the undo path. */
  failAtSync: number | undefined;
  /** The largest response a sync may return (Excel on the web: 5 MB); lower it to test splitting. */
  responseLimit = FAKE_PAYLOAD_LIMIT;
  /** Syncs that failed (told to, or over a payload limit). */
  failedSyncs = 0;
  /** Milliseconds spent inside the fake (proxies, syncs), so a benchmark can leave it out. */
  fakeMs = 0;
  private nextId = 1;
  private attempts = 0;
  private queue: Op[] = [];
  private pending: (() => number)[] = [];
  private mocks: OfficeMockObject[] = [];
  private suspended = false;
  readonly context: Excel.RequestContext;

  constructor() {
    this.context = this.createContext();
  }

  /** Adds a sheet (test setup). */
  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`ItemNotFound: no sheet ${name}`);
    return found;
  }

  /** Selects `address` on `sheet`. */
  select(sheet: FakeSheet, address: string): void {
    this.selection = { sheet, box: parseAddress(address) };
  }

  /** Total syncs so far. */
  get syncCount(): number {
    return this.syncs.length;
  }

  private timed<T>(fn: () => T): T {
    const t = performance.now();
    try {
      return fn();
    } finally {
      this.fakeMs += performance.now() - t;
    }
  }

  private enqueue(bytes: number, apply: () => void): void {
    this.queue.push({ bytes, apply });
  }

  /**
   * Wraps a mock so that reading an unloaded property throws (as Office.js
   * does), writes to the listed array properties are queued, and nested
   * mocks are wrapped too. `onSet` returns true when it handled the write.
   */
  private strict<T extends object>(
    mock: OfficeMockObject,
    path: string,
    hooks: {
      get?: (key: string) => { value: unknown } | undefined;
      set?: (key: string, value: unknown) => boolean;
    } = {},
  ): T {
    const cache = new Map<string, unknown>();
    const proxyOf = () => wrapped;
    const wrapped = new Proxy(mock, {
      get: (target, key) => {
        if (typeof key !== 'string') return Reflect.get(target, key);
        const hooked = hooks.get?.(key);
        if (hooked) return hooked.value;
        const value = (target as Record<string, unknown>)[key];
        if (key === 'load') {
          return (props?: string | string[]) => {
            this.mocks.push(target);
            target.load(props as string);
            return proxyOf();
          };
        }
        if (typeof value === 'function') return (value as (...a: unknown[]) => unknown).bind(target);
        if (value === NOT_LOADED || value === NOT_SYNCED)
          throw new Error(`PropertyNotLoaded: ${path}.${key} (${value})`);
        if (value instanceof OfficeMockObject) {
          if (!cache.has(key))
            cache.set(
              key,
              this.strict(value, `${path}.${key}`, {
                set: (k, v) => {
                  hooks.set?.(`${key}.${k}`, v);
                  (value as Record<string, unknown>)[k] = v;
                  return true;
                },
              }),
            );
          return cache.get(key);
        }
        return value;
      },
      set: (target, key, value) => {
        // Serialising and storing a write is Excel's work: timed as the fake's.
        if (typeof key === 'string' && this.timed(() => hooks.set?.(key, value))) return true;
        (target as Record<string, unknown>)[key as string] = value;
        return true;
      },
    });
    return wrapped as unknown as T;
  }

  private createRange(sheet: FakeSheet, box: Box): Excel.Range {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxies' methods run with their own `this`.
    const fake = this;
    let loadedValues: FakeCell[][] | undefined;
    let wantValues = false;
    const address = `${sheet.name.includes(' ') ? `'${sheet.name}'` : sheet.name}!${formatBoxAddress(box)}`;
    const mock = new OfficeMockObject(
      {
        address,
        rowIndex: box.row,
        columnIndex: box.column,
        rowCount: box.rowCount,
        columnCount: box.columnCount,
        format: {
          font: { bold: false, color: '#000000', size: 11 },
          fill: { color: '#FFFFFF' },
          columnWidth: sheet.columnWidths.get(box.column) ?? 64,
          rowHeight: 15,
        },
        host: 'excel',
      },
      'excel' as never,
    );
    const methods: Record<string, unknown> = {
      load(props: string | string[]) {
        const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim());
        if (list.includes('values')) wantValues = true;
        const rest = list.filter((p) => p !== 'values');
        if (rest.length > 0) {
          fake.mocks.push(mock);
          OfficeMockObject.prototype.load.call(mock, rest);
        }
        if (wantValues) {
          fake.pending.push(() => {
            loadedValues = sheet.read(box);
            return bytesOf(loadedValues);
          });
        }
        return proxy;
      },
      getCell: (r: number, c: number) =>
        fake.timed(() =>
          fake.createRange(sheet, { row: box.row + r, column: box.column + c, rowCount: 1, columnCount: 1 }),
        ),
      getSurroundingRegion: () =>
        fake.timed(() => fake.createRange(sheet, sheet.surroundingRegion(box.row, box.column))),
      getTables: () => fake.timed(() => fake.createTables(sheet, box)),
      conditionalFormats: {
        add: (type: string) => {
          if (type !== 'CellValue') throw new Error(`not used by the adapter: conditional format ${type}`);
          const record: FakeConditionalFormat = { box, equals: undefined };
          fake.enqueue(60, () => sheet.conditionalFormats.push(record));
          const rule = (value: { formula1: string; operator: string }) => {
            if (value.operator !== 'EqualTo') throw new Error(`not used by the adapter: operator ${value.operator}`);
            const text = /^="(.*)"$/s.exec(value.formula1);
            record.equals = text ? text[1]!.replaceAll('""', '"') : Number(value.formula1.replace(/^=/, ''));
          };
          return {
            cellValue: {
              format: {
                fill: {
                  set color(c: string) {
                    record.fill = c;
                  },
                },
                font: {
                  set color(c: string) {
                    record.font = c;
                  },
                },
              },
              set rule(value: { formula1: string; operator: string }) {
                rule(value);
              },
            },
          };
        },
        clearAll: () =>
          fake.enqueue(30, () => {
            for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--)
              if (intersect(sheet.conditionalFormats[i]!.box, box)) sheet.conditionalFormats.splice(i, 1);
          }),
      },
      getMergedAreasOrNullObject: () =>
        fake.timed(() =>
          fake.createAreas(
            sheet.merged.map((m) => intersect(m, box)).filter((m): m is Box => m !== undefined),
            sheet,
          ),
        ),
      getSpecialCellsOrNullObject: (kind: string) =>
        fake.timed(() => {
          const cells: Box[] = [];
          for (let r = box.row; r < box.row + box.rowCount; r++) {
            const line = sheet.rows[r];
            if (!line) continue;
            for (let c = box.column; c < Math.min(line.length, box.column + box.columnCount); c++) {
              const v = line[c];
              if (v === EMPTY || v === undefined) continue;
              const formula = typeof v === 'string' && v.startsWith('=');
              if ((kind === 'Formulas') === formula) cells.push({ row: r, column: c, rowCount: 1, columnCount: 1 });
            }
          }
          return fake.createAreas(cells, sheet);
        }),
      getIntersectionOrNullObject: () => {
        throw new Error('not used by the adapter');
      },
      clear: () => fake.enqueue(40, () => sheet.clear(box)),
      select: () => fake.enqueue(20, () => (fake.selection = { sheet, box })),
      get worksheet() {
        return fake.createWorksheet(sheet);
      },
    };
    const proxy: Excel.Range = this.strict(mock, address, {
      get: (key) => {
        if (key in methods) return { value: methods[key] };
        if (key === 'values') {
          if (!loadedValues) throw new Error(`PropertyNotLoaded: ${address}.values`);
          return { value: loadedValues };
        }
        return undefined;
      },
      set: (key, value) => {
        if (key === 'values' || key === 'numberFormat') {
          // Excel broadcasts a single value, or a 1×1 number-format array, to every cell.
          const single =
            Array.isArray(value) &&
            key === 'numberFormat' &&
            value.length === 1 &&
            (value[0] as unknown[]).length === 1;
          if (single) value = (value as string[][])[0]![0];
          const isArray = Array.isArray(value);
          if (
            isArray &&
            ((value as unknown[]).length !== box.rowCount ||
              ((value as unknown[][])[0]?.length ?? 0) !== box.columnCount)
          ) {
            throw new Error(`InvalidArgument: ${key} of ${(value as unknown[]).length} rows for ${address}`);
          }
          const copy = isArray ? (value as FakeCell[][]).map((line) => [...line]) : value;
          fake.enqueue(bytesOf(copy) + 60, () => {
            if (key === 'values') {
              if (sheet.protected) throw new Error(`AccessDenied: ${sheet.name} is protected`);
              for (let i = 0; i < box.rowCount; i++)
                for (let j = 0; j < box.columnCount; j++) {
                  const v = isArray ? (copy as FakeCell[][])[i]![j]! : (copy as FakeCell);
                  // Office.js keeps a leading apostrophe as the text prefix, not as text.
                  sheet.set(
                    box.row + i,
                    box.column + j,
                    typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v ?? EMPTY),
                  );
                }
            } else if (isArray)
              (copy as string[][]).forEach((line, i) =>
                line.forEach((f, j) => sheet.numberFormats.set(`${box.row + i},${box.column + j}`, f)),
              );
            else sheet.formatAreas.push({ box, format: String(copy) });
          });
          return true;
        }
        const style = (apply: (s: { bold?: boolean; color?: string; fill?: string; size?: number }) => void) =>
          fake.enqueue(40, () => {
            for (let r = box.row; r < box.row + Math.min(box.rowCount, 50); r++)
              for (let c = box.column; c < box.column + box.columnCount; c++) {
                const s = sheet.styles.get(`${r},${c}`) ?? {};
                apply(s);
                sheet.styles.set(`${r},${c}`, s);
              }
          });
        if (key === 'format.font.bold') style((s) => (s.bold = Boolean(value)));
        else if (key === 'format.font.color') style((s) => (s.color = String(value)));
        else if (key === 'format.font.size') style((s) => (s.size = Number(value)));
        else if (key === 'format.fill.color') style((s) => (s.fill = String(value)));
        else if (key === 'format.columnWidth')
          fake.enqueue(40, () => {
            for (let c = box.column; c < box.column + Math.min(box.columnCount, 64); c++)
              sheet.columnWidths.set(c, Number(value));
          });
        return false;
      },
    });
    rangeAddresses.set(proxy, address);
    return proxy;
  }

  private createAreas(boxes: readonly Box[], sheet: FakeSheet): Excel.RangeAreas {
    const isNull = boxes.length === 0;
    const mock = new OfficeMockObject(
      {
        address: boxes.map((b) => `${sheet.name}!${formatBoxAddress(b)}`).join(','),
        areaCount: boxes.length,
        cellCount: boxes.reduce((n, b) => n + b.rowCount * b.columnCount, 0),
      },
      'excel' as never,
    );
    return this.strict(mock, 'RangeAreas', { get: (key) => (key === 'isNullObject' ? { value: isNull } : undefined) });
  }

  private createTables(sheet: FakeSheet, box: Box): Excel.TableScopedCollection {
    const found = sheet.tables.filter((t) => intersect(t.box, box));
    const made = found.map((t) => this.createTable(sheet, t));
    let loaded = false;
    const mock = new OfficeMockObject({}, 'excel' as never);
    return this.strict(mock, 'Tables', {
      get: (key) => {
        if (key === 'load')
          return {
            value: () => {
              for (const { raw } of made) {
                this.mocks.push(raw);
                OfficeMockObject.prototype.load.call(raw, ['id', 'name', 'showTotals']);
              }
              this.pending.push(() => ((loaded = true), 40 * made.length));
            },
          };
        if (key === 'items') {
          if (!loaded) throw new Error('PropertyNotLoaded: tables.items');
          return { value: made.map((m) => m.proxy) };
        }
        return undefined;
      },
    });
  }

  /** An Excel.Table over a fake table (or a null object); its edits apply at sync. */
  private createTable(
    sheet: FakeSheet | undefined,
    table: FakeTable | undefined,
    lookup = '',
  ): { raw: OfficeMockObject; proxy: Excel.Table } {
    const raw = new OfficeMockObject(
      { id: table?.id ?? table?.name ?? lookup, name: table?.name ?? lookup, showTotals: table?.showTotals ?? false },
      'excel' as never,
    );
    const live = () => {
      if (!sheet || !table || !sheet.tables.includes(table)) throw new Error(`ItemNotFound: table ${lookup}`);
      return { sheet, table };
    };
    let counted: number | undefined;
    const columns = {
      load: (props: string) => {
        if (props !== 'count') throw new Error(`not used by the adapter: columns.load(${props})`);
        this.pending.push(() => ((counted = live().table.box.columnCount), 20));
      },
      get count(): number {
        if (counted === undefined) throw new Error('PropertyNotLoaded: columns.count');
        return counted;
      },
      add: (index?: number | null, values?: unknown, name?: string) => {
        if (values !== undefined && values !== null) throw new Error('not used by the adapter: column values');
        this.enqueue(40, () => {
          const t = live();
          t.sheet.insertTableColumn(
            t.table,
            index === undefined || index === null || index < 0 ? t.table.box.columnCount : index,
            name,
          );
        });
        return {};
      },
      getItemAt: (index: number) => ({
        delete: () =>
          this.enqueue(30, () => {
            const t = live();
            t.sheet.deleteTableColumn(t.table, index);
          }),
      }),
    };
    const proxy = this.strict<Excel.Table>(raw, `Table ${table?.name ?? lookup}`, {
      get: (key) => {
        if (key === 'isNullObject') return { value: table === undefined };
        if (key === 'getRange') return { value: () => this.createRange(live().sheet, live().table.box) };
        if (key === 'columns') return { value: columns };
        if (key === 'convertToRange')
          return {
            value: () =>
              this.enqueue(30, () => {
                const t = live();
                t.sheet.tables.splice(t.sheet.tables.indexOf(t.table), 1);
              }),
          };
        return undefined;
      },
    });
    return { raw, proxy };
  }

  /** The table with this id or name on any sheet. */
  private findTable(key: string): { sheet: FakeSheet; table: FakeTable } | undefined {
    for (const sheet of this.sheets) {
      const table = sheet.tables.find((t) => t.id === key || t.name === key);
      if (table) return { sheet, table };
    }
    return undefined;
  }

  private createWorksheet(sheet: FakeSheet | undefined, lookup?: string): Excel.Worksheet {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxies' methods run with their own `this`.
    const fake = this;
    const mock = new OfficeMockObject(
      {
        id: sheet?.id ?? '',
        name: sheet?.name ?? lookup ?? '',
        protection: { protected: sheet?.protected ?? false },
        position: 0,
      },
      'excel' as never,
    );
    const charts = this.strict<Excel.ChartCollection>(new OfficeMockObject({}, 'excel' as never), 'charts', {
      get: (key) =>
        key === 'add'
          ? {
              value: (type: string, range: Excel.Range, seriesBy: string) =>
                fake.createChart(sheet!, type, range, seriesBy),
            }
          : undefined,
    });
    const methods: Record<string, unknown> = {
      getRange: (address = 'A1') => fake.timed(() => fake.createRange(sheet!, parseAddress(address))),
      getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) =>
        fake.timed(() => fake.createRange(sheet!, { row, column, rowCount, columnCount })),
      getUsedRangeOrNullObject: () => {
        const used = sheet!.usedBox();
        return used ? fake.createRange(sheet!, used) : fake.createNull('Range');
      },
      delete: () =>
        fake.enqueue(30, () => {
          const at = fake.sheets.indexOf(sheet!);
          if (at < 0) throw new Error(`ItemNotFound: sheet ${sheet?.name ?? lookup}`);
          fake.sheets.splice(at, 1);
        }),
      activate: () => fake.enqueue(20, () => undefined),
      charts,
      tables: {
        add: (address: Excel.Range | string, hasHeaders: boolean) => {
          if (!hasHeaders) throw new Error('not used by the adapter: a table without headers');
          const n = fake.nextId++;
          const box = parseAddress((typeof address === 'string' ? address : addressOf(address)).replace(/^.*!/, ''));
          const table: FakeTable = { id: `{table-${n}}`, name: `Table${n}`, box, showTotals: false };
          fake.enqueue(60, () => {
            if (sheet!.tables.some((t) => intersect(t.box, box)))
              throw new Error('InvalidOperation: a table cannot overlap another table');
            if (sheet!.merged.some((m) => intersect(m, box)))
              throw new Error('InvalidOperation: a table cannot contain merged cells');
            // Excel names the header cells: empty ones ColumnN, repeated ones with 2, 3 …
            const taken: string[] = [];
            for (let j = 0; j < box.columnCount; j++) {
              const name = uniqueHeader(taken, String(sheet!.get(box.row, box.column + j)), j);
              sheet!.set(box.row, box.column + j, name);
              taken.push(name);
            }
            sheet!.tables.push(table);
          });
          return fake.createTable(sheet, table).proxy;
        },
      },
      freezePanes: {
        freezeRows: (count: number) => fake.enqueue(20, () => (sheet!.frozenRows = count)),
        unfreeze: () => fake.enqueue(20, () => (sheet!.frozenRows = 0)),
        getLocationOrNullObject: () =>
          sheet!.frozenRows > 0
            ? fake.createRange(sheet!, { row: 0, column: 0, rowCount: sheet!.frozenRows, columnCount: MAX_COLUMNS })
            : fake.createNull('Range'),
      },
    };
    return this.strict(mock, `Worksheet ${sheet?.name ?? lookup}`, {
      get: (key) => {
        if (key === 'isNullObject') return { value: sheet === undefined };
        if (key in methods) return { value: methods[key] };
        return undefined;
      },
    });
  }

  private createNull(kind: string): never {
    const mock = new OfficeMockObject({}, 'excel' as never);
    return this.strict(mock, `null ${kind}`, {
      get: (key) =>
        key === 'isNullObject' ? { value: true } : key === 'load' ? { value: () => undefined } : undefined,
    }) as never;
  }

  private createChart(sheet: FakeSheet, type: string, range: Excel.Range, seriesBy: string): Excel.Chart {
    const chart: FakeChart = {
      type,
      source: addressOf(range),
      seriesBy,
      name: '',
      title: '',
      series: [{ name: '' }],
      axisTitles: {},
    };
    this.enqueue(120, () => sheet.charts.push(chart));
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxies' methods run with their own `this`.
    const fake = this;
    const seriesProxy = (s: FakeChart['series'][number]) =>
      fake.strict(new OfficeMockObject({}, 'excel' as never), 'series', {
        get: (key) =>
          key === 'setValues'
            ? { value: (r: Excel.Range) => (s.values = addressOf(r)) }
            : key === 'setXAxisValues'
              ? { value: (r: Excel.Range) => (s.xValues = addressOf(r)) }
              : key === 'format'
                ? {
                    value: {
                      fill: { setSolidColor: (c: string) => (s.fill = c) },
                      line: {
                        set color(c: string) {
                          s.line = c;
                        },
                      },
                    },
                  }
                : key === 'points'
                  ? {
                      value: {
                        getItemAt: (i: number) => ({
                          format: { fill: { setSolidColor: (c: string) => ((s.pointFills ??= [])[i] = c) } },
                        }),
                      },
                    }
                  : undefined,
        set: (key, value) =>
          key === 'name'
            ? ((s.name = String(value)), true)
            : key === 'markerBackgroundColor' || key === 'markerForegroundColor'
              ? ((s.marker = String(value)), true)
              : false,
      });
    const series = fake.strict(new OfficeMockObject({}, 'excel' as never), 'seriesCollection', {
      get: (key) =>
        key === 'getItemAt'
          ? { value: (i: number) => seriesProxy((chart.series[i] ??= { name: '' })) }
          : key === 'add'
            ? {
                value: (name: string) => {
                  const s = { name };
                  chart.series.push(s);
                  return seriesProxy(s);
                },
              }
            : undefined,
    });
    const mock = new OfficeMockObject(
      {
        name: '',
        title: { text: '' },
        axes: { categoryAxis: { title: { text: '' } }, valueAxis: { title: { text: '' } } },
      },
      'excel' as never,
    );
    return this.strict(mock, 'chart', {
      get: (key) =>
        key === 'series'
          ? { value: series }
          : key === 'setPosition'
            ? { value: (a: string, b: string) => (chart.position = [a, b]) }
            : undefined,
      set: (key, value) => {
        if (key === 'name') chart.name = String(value);
        else if (key === 'title.text') chart.title = String(value);
        else if (key === 'axes.categoryAxis.title.text') chart.axisTitles.category = String(value);
        else if (key === 'axes.valueAxis.title.text') chart.axisTitles.value = String(value);
        return false;
      },
    });
  }

  private createContext(): Excel.RequestContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxies' methods run with their own `this`.
    const fake = this;
    const settings = this.strict(new OfficeMockObject({}, 'excel' as never), 'settings', {
      get: (key) => {
        if (key === 'getItemOrNullObject')
          return {
            value: (name: string) => {
              let loaded = false;
              return fake.strict(new OfficeMockObject({}, 'excel' as never), `setting ${name}`, {
                get: (k) => {
                  if (k === 'load')
                    return {
                      value: () => fake.pending.push(() => ((loaded = true), bytesOf(fake.settings.get(name) ?? null))),
                    };
                  if (k === 'isNullObject') return { value: !fake.settings.has(name) };
                  if (k === 'value') {
                    if (!loaded) throw new Error(`PropertyNotLoaded: setting ${name}`);
                    return { value: fake.settings.get(name) };
                  }
                  return undefined;
                },
              });
            },
          };
        if (key === 'add')
          return {
            value: (name: string, value: unknown) =>
              fake.enqueue(bytesOf(value) + 40, () => fake.settings.set(name, JSON.parse(JSON.stringify(value)))),
          };
        return undefined;
      },
    });
    const worksheets = this.strict(new OfficeMockObject({}, 'excel' as never), 'worksheets', {
      get: (key) => {
        // Office.js finds a worksheet by name or by id.
        if (key === 'getItem')
          return {
            value: (name: string) =>
              fake.timed(() =>
                fake.createWorksheet(
                  fake.sheets.find((s) => s.name === name || s.id === name) ??
                    (() => {
                      throw new Error(`ItemNotFound: ${name}`);
                    })(),
                ),
              ),
          };
        if (key === 'getItemOrNullObject')
          return {
            value: (name: string) =>
              fake.createWorksheet(
                fake.sheets.find((s) => s.name === name || s.id === name),
                name,
              ),
          };
        if (key === 'add')
          return {
            value: (name: string) => {
              const sheet = new FakeSheet(`{sheet-${fake.nextId++}}`, name);
              fake.enqueue(40, () => {
                if (fake.workbookProtected) throw new Error('AccessDenied: workbook structure is protected');
                if (fake.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
                fake.sheets.push(sheet);
              });
              return fake.createWorksheet(sheet);
            },
          };
        return undefined;
      },
    });
    const workbookMock = new OfficeMockObject({}, 'excel' as never);
    let protectionLoaded = false;
    const protection = {
      load: () => fake.pending.push(() => ((protectionLoaded = true), 20)),
      get protected(): boolean {
        if (!protectionLoaded) throw new Error('PropertyNotLoaded: workbook.protection.protected');
        return fake.workbookProtected;
      },
    };
    const application = this.strict(new OfficeMockObject({}, 'excel' as never), 'application', {
      get: (key) =>
        key === 'suspendApiCalculationUntilNextSync'
          ? { value: () => fake.enqueue(30, () => (fake.suspended = true)) }
          : undefined,
    });
    const workbook = this.strict(workbookMock, 'workbook', {
      get: (key) => {
        if (key === 'getSelectedRange') {
          return {
            value: () => {
              if (!fake.selection) throw new Error('no selection');
              return fake.createRange(fake.selection.sheet, fake.selection.box);
            },
          };
        }
        if (key === 'worksheets') return { value: worksheets };
        if (key === 'settings') return { value: settings };
        if (key === 'application') return { value: application };
        if (key === 'protection') return { value: protection };
        if (key === 'tables')
          return {
            value: {
              getItem: (key: string) => {
                const found = fake.findTable(key);
                if (!found) throw new Error(`ItemNotFound: table ${key}`);
                return fake.createTable(found.sheet, found.table, key).proxy;
              },
              getItemOrNullObject: (key: string) => {
                const found = fake.findTable(key);
                return fake.createTable(found?.sheet, found?.table, key).proxy;
              },
            },
          };
        return undefined;
      },
    });
    return {
      workbook,
      sync: async () => fake.sync(),
    } as unknown as Excel.RequestContext;
  }

  /** Applies the queued writes in order, then answers the queued loads. */
  private async sync(): Promise<void> {
    const started = performance.now();
    const n = ++this.attempts;
    const ops = this.queue,
      loads = this.pending;
    this.queue = [];
    this.pending = [];
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    try {
      if (this.failAtSync === n) throw new Error('GeneralException: the fake was told to fail this sync');
      if (requestBytes > FAKE_PAYLOAD_LIMIT) throw new Error(`RequestPayloadSizeLimitExceeded: ${requestBytes} bytes`);
      this.suspended = false;
      for (const op of ops) op.apply();
      let responseBytes = 0;
      for (const load of loads) responseBytes += load();
      if (responseBytes > this.responseLimit)
        throw new Error(`ResponsePayloadSizeLimitExceeded: ${responseBytes} bytes`);
      for (const mock of this.mocks) await mock.sync();
      // Proxies of earlier batches keep their loaded values; drop them from the
      // sync list so a 100,000-row run does not re-sync every old proxy.
      this.mocks = [];
      this.syncs.push({ requestBytes, responseBytes, calculationSuspended: this.suspended });
    } catch (error) {
      this.failedSyncs++;
      throw error;
    } finally {
      this.fakeMs += performance.now() - started;
    }
  }
}
