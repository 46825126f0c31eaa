// The bad-input catalogue: every command fed bad arguments, paths, files,
// stores and data through the real binary (node bin/tierline.js). Each case
// asserts the exit code, a message naming the flag/path/value, no stack trace,
// every input file unchanged (sha256) and, where output is written, that no
// customer was dropped and formula-looking text was escaped.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/tierline.js');
const dir = mkdtempSync(join(tmpdir(), 'tierline-catalogue-'));
const fx = join(dir, 'in');
const outDir = join(dir, 'out');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  /** What is wrong, as the test name shows it. */
  readonly name: string;
  /** Arguments; `@x` is the fixture x, `%x` a fresh output path x, `@@` the fixture folder. */
  readonly args: readonly string[];
  readonly code: number;
  /** Must match stderr (or stdout for `out`). */
  readonly err?: RegExp;
  readonly out?: RegExp;
  readonly env?: Readonly<Record<string, string>>;
  /** Extra checks on what was written (paths resolved). */
  readonly check?: (path: (token: string) => string, stdout: string) => Promise<void> | void;
  /** --debug cases: the stack is expected after the message. */
  readonly stack?: true;
}

const TX =
  [
    'Customer ID,Order date,Amount',
    'C1,2024-01-05,100',
    'C1,2024-03-01,50',
    'C2,2024-02-10,80',
    'C3,2024-03-15,20',
    'C3,2024-03-20,-5',
    'C4,2024-01-20,300',
    'C5,2024-02-28,45',
  ].join('\n') + '\n';
const CUSTOMERS =
  [
    '客户编号,客户名称,最近购买时间,购买次数,累计消费',
    'C001,*先生,2024-03-01,5,85000',
    'C002,*女士,2024-02-01,2,12000',
    'C003,*集团,2024-03-05,8,120000',
    'C004,*经理,2024-01-10,1,500',
  ].join('\n') + '\n';
const INJECT =
  [
    '客户编号,客户名称,最近购买时间,购买次数,累计消费,备注',
    'C001,"=HYPERLINK(""http://evil"",""x"")",2024-03-01,5,85000,+cmd|\' /C calc\'!A0',
    'C002,@SUM(A1:A9),2024-02-01,2,12000,-2+3',
    'C003,"\t=1+1",2024-03-05,8,120000,-5',
    'C004,plain,2024-01-10,1,500,',
  ].join('\n') + '\n';

async function writeFixtures(): Promise<void> {
  mkdirSync(fx);
  mkdirSync(outDir);
  const put = (name: string, data: string | Buffer): void => writeFileSync(join(fx, name), data);
  put('tx.csv', TX);
  put('customers.csv', CUSTOMERS);
  put('inject.csv', INJECT);
  put('empty.csv', '');
  put('header.csv', 'Customer ID,Order date,Amount\n');
  put('blank-lines.csv', '\n\n\n');
  put('bad-dates.csv', 'Customer ID,Order date,Amount\nC1,notadate,5\nC2,32/13/2024,6\n');
  put('bad-amounts.csv', 'Customer ID,Order date,Amount\nC1,2024-01-01,abc\nC2,2024-01-02,xyz\n');
  put('no-id.csv', 'Name,Notes\nA,B\n');
  put('no-date.csv', 'Customer ID,Amount\nC1,5\n');
  put('future.csv', 'Customer ID,Order date,Amount\nC1,2999-01-01,5\nC2,2999-02-01,6\n');
  put('random.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  put('random.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 104729 + 7) % 256)));
  put('report.pdf', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n');
  put('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  put('fake.xlsx', 'Customer ID,Order date,Amount\nC1,2024-01-01,5\n');
  put('zip.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
  put('utf16-garbled.csv', Buffer.from([0xff, 0xfe, 0x43, 0, 0x75, 0, 0x73, 0]));
  put('one-customer.csv', 'Customer ID,Order date,Amount\nC1,2024-01-01,5\nC1,2024-02-01,6\n');
  put('bad.json', '{ "thresholds": ');
  put('bad.yaml', 'a: [1, 2\n  b: }\n');
  put('unknown-key.json', '{ "nonsense": { "x": 1 } }');
  put('rules.toml', 'a = 1\n');
  put('notes.txt', 'just text\n');
  put('not-a-db.db', 'this is not sqlite\n');
  mkdirSync(join(fx, 'folder.csv'));
  symlinkSync(join(fx, 'tx.csv'), join(fx, 'link.csv'));
  symlinkSync(join(fx, 'gone.csv'), join(fx, 'dangling.csv'));
  linkSync(join(fx, 'tx.csv'), join(fx, 'hard.csv'));
  const foreign = new Database(join(fx, 'foreign.db'));
  foreign.exec('CREATE TABLE t (x)');
  foreign.close();
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Orders').addRows([
    ['Customer ID', 'Order date', 'Amount'],
    ['C1', '2024-01-05', 100],
    ['C2', '2024-02-05', 80],
  ]);
  book.addWorksheet('Customers').addRows([
    ['客户编号', '最近购买时间', '购买次数', '累计消费'],
    ['C001', '2024-03-01', 5, 85000],
    ['C002', '2024-02-01', 2, 12000],
  ]);
  await book.xlsx.writeFile(join(fx, 'book.xlsx'));
}

function tierline(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const clean = {
      ...process.env,
      TIERLINE_DEBUG: '',
      TIERLINE_DB: join(outDir, 'default-store.db'),
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      ...env,
    };
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => done({ code, out, err }));
  });
}

let caseNo = 0;
function resolver(): (token: string) => string {
  const n = ++caseNo;
  return (token) =>
    token === '@@'
      ? fx
      : token.startsWith('@')
        ? join(fx, token.slice(1))
        : token.startsWith('%')
          ? join(outDir, `${n}-${token.slice(1)}`)
          : token;
}

async function readCsvRows(path: string): Promise<string[]> {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
}

const DB = '@store.db';
const usage = (err: RegExp, args: string[]): Case => ({ name: args.join(' '), args, code: 1, err });
const data = (err: RegExp, args: string[]): Case => ({ name: args.join(' '), args, code: 2, err });

const CASES: Case[] = [
  // Program level and help
  { name: 'no command', args: [], code: 1, out: /Usage: tierline <command>/ },
  usage(/unknown command "frobnicate"; commands: segment/, ['frobnicate']),
  usage(/unknown command "--nope"/, ['--nope']),
  usage(/help: unknown command "nope"/, ['help', 'nope']),
  usage(/unknown command "SEGMENT"/, ['SEGMENT', '@tx.csv']),
  // segment: arguments
  usage(/segment: missing <file>\.\ntierline: Run "tierline segment --help" to see the options\./, ['segment']),
  usage(/segment: one file expected, got 2/, ['segment', '@tx.csv', '@customers.csv']),
  usage(/Unknown option '--bogus'[^\n]*\ntierline: Run "tierline segment --help"/, ['segment', '@tx.csv', '--bogus']),
  usage(/--scheme must be one of .*; got "rules:nope"/, ['segment', '@tx.csv', '--scheme', 'rules:nope']),
  usage(/--k must be "auto" or a whole number 2–20; got "1"/, ['segment', '@tx.csv', '--k', '1']),
  usage(/--k must be .*; got "abc"/, ['segment', '@tx.csv', '--k', 'abc']),
  usage(/--k must be .*; got "21"/, ['segment', '@tx.csv', '--k', '21']),
  usage(/--k must be .*; got "2\.5"/, ['segment', '@tx.csv', '--k', '2.5']),
  usage(/--window must be "all" or a number of months 1–120; got "0"/, ['segment', '@tx.csv', '--window', '0']),
  usage(/--window .*got "six"/, ['segment', '@tx.csv', '--window', 'six']),
  usage(/--window .*got "121"/, ['segment', '@tx.csv', '--window', '121']),
  usage(/--locale must be one of en, zh-CN; got "fr"/, ['segment', '@tx.csv', '--locale', 'fr']),
  usage(/--format must be one of table, csv, json; got "xml"/, ['segment', '@tx.csv', '--format', 'xml']),
  usage(/--shape must be one of auto, customers, transactions; got "orders"/, [
    'segment',
    '@tx.csv',
    '--shape',
    'orders',
  ]),
  usage(/--frequency-by must be one of day, order; got "week"/, ['segment', '@tx.csv', '--frequency-by', 'week']),
  usage(/--refunds must be one of net, exclude; got "keep"/, ['segment', '@tx.csv', '--refunds', 'keep']),
  usage(/--date-order must be one of auto, dmy, mdy; got "ymd"/, ['segment', '@tx.csv', '--date-order', 'ymd']),
  usage(/Option "asOf" is not a real calendar date/, ['segment', '@tx.csv', '--as-of', '2024-02-31']),
  usage(/Option "asOf" must be a date written YYYY-MM-DD/, ['segment', '@tx.csv', '--as-of', 'yesterday']),
  usage(/Option "today" must be a date written YYYY-MM-DD/, ['segment', '@tx.csv', '--today', 'abc']),
  usage(/--map: "customerId" is not field=header/, ['segment', '@tx.csv', '--map', 'customerId']),
  usage(/--map/, ['segment', '@tx.csv', '--map', '=Customer ID']),
  usage(/--map: unknown field "nonsenseField"\. Known fields: customerId/, [
    'segment',
    '@tx.csv',
    '--map',
    'nonsenseField=Customer ID',
  ]),
  usage(/--sheet picks a sheet of an \.xlsx workbook; tx\.csv is not one/, ['segment', '@tx.csv', '--sheet', '2']),
  usage(/--out .*report\.txt: name the output \.csv or \.xlsx/, ['segment', '@tx.csv', '--out', '%report.txt']),
  usage(/--spot-check .*sample\.json: name the output \.csv or \.xlsx/, [
    'segment',
    '@tx.csv',
    '--spot-check',
    '%sample.json',
  ]),
  usage(/Option '--out <value>' argument missing/, ['segment', '@tx.csv', '--out']),
  usage(/--sheet must be a sheet name or a number from 1 \(the first sheet\); got "0"/, [
    'segment',
    '@book.xlsx',
    '--sheet',
    '0',
  ]),
  usage(/--sheet must be .*got "00"/, ['segment', '@book.xlsx', '--sheet', '00']),
  usage(/--sheet must be a sheet name or a number from 1; got an empty name/, [
    'segment',
    '@book.xlsx',
    '--sheet',
    ' ',
  ]),
  data(/book\.xlsx has no sheet number 99; its sheets are "Orders", "Customers"/, [
    'segment',
    '@book.xlsx',
    '--sheet',
    '99',
  ]),
  data(/book\.xlsx has no sheet "abc"; its sheets are "Orders", "Customers"/, [
    'segment',
    '@book.xlsx',
    '--sheet',
    'abc',
  ]),
  // segment: paths
  usage(/in\/missing\.csv: file not found; check the name and the folder/, ['segment', '@missing.csv']),
  usage(/in\/folder\.csv is a folder, not a file/, ['segment', '@folder.csv']),
  usage(/tierline-catalogue-\w+\/in is a folder, not a file/, ['segment', '@@']),
  usage(/in\/dangling\.csv: file not found/, ['segment', '@dangling.csv']),
  usage(/in\/no-such-folder\/tx\.csv: the folder .*no-such-folder does not exist/, [
    'segment',
    '@no-such-folder/tx.csv',
  ]),
  usage(/in\/tx\.csv\/x\.csv: part of the path is a file, not a folder/, ['segment', '@tx.csv/x.csv']),
  usage(/--out .*in\/tx\.csv is the input .*in\/tx\.csv: writing it would destroy the source/, [
    'segment',
    '@tx.csv',
    '--out',
    '@tx.csv',
  ]),
  usage(/--out .*link\.csv is the same file as the input .*tx\.csv/, ['segment', '@tx.csv', '--out', '@link.csv']),
  usage(/--out .*hard\.csv is the same file as the input .*tx\.csv/, ['segment', '@tx.csv', '--out', '@hard.csv']),
  usage(/--out .*tx\.csv is the same file as the input .*link\.csv/, ['segment', '@link.csv', '--out', '@tx.csv']),
  usage(/--out .*book\.xlsx is the input .*book\.xlsx/, [
    'segment',
    '@book.xlsx',
    '--sheet',
    '2',
    '--out',
    '@book.xlsx',
  ]),
  usage(/--issues .*tx\.csv is the input/, ['segment', '@tx.csv', '--issues', '@tx.csv']),
  usage(/--spot-check .*tx\.csv is the input/, ['segment', '@tx.csv', '--spot-check', '@tx.csv']),
  usage(/--issues .*customers\.csv is the input --customers .*customers\.csv/, [
    'segment',
    '@tx.csv',
    '--customers',
    '@customers.csv',
    '--issues',
    '@customers.csv',
  ]),
  usage(/--out .*bad\.json is the input --config/, [
    'segment',
    '@tx.csv',
    '--config',
    '@bad.json',
    '--out',
    '@bad.json',
  ]),
  usage(/--issues .*same\.csv is the same file as --out .*same\.csv; give each output its own name/, [
    'segment',
    '@tx.csv',
    '--out',
    '%same.csv',
    '--issues',
    '%same.csv',
  ]),
  usage(/no-folder\/x\.csv: the folder .*no-folder does not exist; create it/, [
    'segment',
    '@tx.csv',
    '--out',
    `${'%'}no-folder/x.csv`,
  ]),
  usage(/in\/folder\.csv is a folder, not a file/, ['segment', '@tx.csv', '--out', '@folder.csv']),
  usage(/in\/folder\.csv is a folder, not a file/, ['segment', '@tx.csv', '--issues', '@folder.csv']),
  usage(/--issues .*issues\.txt: name the output \.csv or \.xlsx/, ['segment', '@tx.csv', '--issues', '%issues.txt']),
  usage(/--config must be a \.json, \.yaml or \.yml file; got ".*rules\.toml"/, [
    'segment',
    '@tx.csv',
    '--config',
    '@rules.toml',
  ]),
  usage(/in\/nope\.json: file not found/, ['segment', '@tx.csv', '--config', '@nope.json']),
  usage(/in\/folder\.csv/, ['segment', '@tx.csv', '--config', '@folder.csv']),
  usage(/JSON|json/, ['segment', '@tx.csv', '--config', '@bad.json']),
  usage(/yaml|YAML|line/i, ['segment', '@tx.csv', '--config', '@bad.yaml']),
  usage(/nonsense/, ['segment', '@tx.csv', '--config', '@unknown-key.json']),
  usage(/in\/missing\.csv: file not found/, ['segment', '@tx.csv', '--customers', '@missing.csv']),
  usage(/in\/folder\.csv is a folder/, ['segment', '@tx.csv', '--customers', '@folder.csv']),
  usage(/--customers joins a customer table to a transaction file; this file is already one row per customer/, [
    'segment',
    '@customers.csv',
    '--customers',
    '@customers.csv',
  ]),
  // segment: bad files and data
  data(/empty\.csv is empty/, ['segment', '@empty.csv']),
  data(/header but no data rows/, ['segment', '@header.csv']),
  data(/blank-lines\.csv/, ['segment', '@blank-lines.csv']),
  data(/random\.csv looks like a binary file, not a table/, ['segment', '@random.csv']),
  data(/random\.bin looks like a binary file, not a table/, ['segment', '@random.bin']),
  data(/pdf|PDF/, ['segment', '@report.pdf']),
  data(/xls/i, ['segment', '@old.xls']),
  {
    name: 'a csv named .xlsx is read by its content, not refused or mangled',
    args: ['segment', '@fake.xlsx'],
    code: 0,
    out: /fake\.xlsx: transactions, 1 customers/,
  },
  data(/zip\.xlsx/, ['segment', '@zip.xlsx']),
  data(/missing customer ID/, ['segment', '@utf16-garbled.csv']),
  data(/Column "Order date": none of the 2 rows has a valid date \(row 2: "notadate"\)/, ['segment', '@bad-dates.csv']),
  data(/Column "Amount": none of the 2 rows has a valid amount \(row 2: "abc"\)/, ['segment', '@bad-amounts.csv']),
  data(/missing customer ID/, ['segment', '@no-id.csv']),
  data(/date/i, ['segment', '@no-date.csv']),
  data(/2999-01-01|future/, ['segment', '@future.csv']),
  data(/missing customer ID|notes\.txt/, ['segment', '@notes.txt']),
  data(/Column "Order date".*valid date/, ['segment', '@bad-dates.csv', '--out', '%never.csv']),
  data(
    /customers\.csv: none of the 4 customers could be scored \(no usable recency, frequency or spend\), e\.g\. .*; check the column mapping/,
    ['segment', '@customers.csv', '--as-of', '2020-01-01'],
  ),
  data(/none of the 4 customers could be scored/, [
    'report',
    '@customers.csv',
    '--as-of',
    '2020-01-01',
    '--out',
    '%unscored.html',
  ]),
  // segment: output that is written: nothing dropped, formulas escaped
  {
    name: 'segment inject.csv --out x.csv: formula text escaped, all 4 customers kept',
    args: ['segment', '@inject.csv', '--out', '%inject.csv'],
    code: 0,
    err: /Wrote 4 rows to .*inject\.csv/,
    check: async (path) => {
      const rows = await readCsvRows(path('%inject.csv'));
      expect(rows).toHaveLength(5);
      expect(rows[1]).toMatch(
        /^C001,"'=HYPERLINK\(""http:\/\/evil"",""x""\)",2024-03-01,5,85000,'\+cmd\|' \/C calc'!A0,/,
      );
      expect(rows[2]).toMatch(/^C002,'@SUM\(A1:A9\),2024-02-01,2,12000,'-2\+3,/);
      expect(rows[3]).toMatch(/^C003,'\t=1\+1,2024-03-05,8,120000,-5,/);
      expect(readdirSync(outDir).some((f) => f.endsWith('.tmp'))).toBe(false);
    },
  },
  {
    name: 'segment inject.csv --format csv: stdout escaped too, one row per customer',
    args: ['segment', '@inject.csv', '--format', 'csv'],
    code: 0,
    check: (_, stdout) => {
      const lines = stdout.split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(5);
      expect(lines.slice(1).every((line) => !/(^|,)[=+@\t]/.test(line))).toBe(true);
    },
  },
  {
    name: 'segment inject.csv --issues x.csv --spot-check y.csv: written whole',
    args: ['segment', '@inject.csv', '--issues', '%issues.csv', '--spot-check', '%spot.csv'],
    code: 0,
    check: async (path) => {
      expect((await readCsvRows(path('%issues.csv')))[0]).toBe('Issue,Row,Column,Value,Message');
      expect(existsSync(path('%spot.csv'))).toBe(true);
    },
  },
  {
    name: 'segment book.xlsx --sheet 2 --out other.xlsx: a new workbook, the source keeps both sheets',
    args: ['segment', '@book.xlsx', '--sheet', '2', '--out', '%other.xlsx'],
    code: 0,
    check: async (path) => {
      const out = new ExcelJS.Workbook();
      await out.xlsx.readFile(path('%other.xlsx'));
      expect(out.worksheets.map((s) => s.name)).toEqual(['Tierline']);
      expect(out.worksheets[0]!.rowCount).toBe(3);
      const source = new ExcelJS.Workbook();
      await source.xlsx.readFile(path('@book.xlsx'));
      expect(source.worksheets.map((s) => s.name)).toEqual(['Orders', 'Customers']);
    },
  },
  {
    name: 'segment tx.csv --out x.csv: 5 customers in, 5 rows out',
    args: ['segment', '@tx.csv', '--out', '%tx-out.csv'],
    code: 0,
    check: async (path) => expect(await readCsvRows(path('%tx-out.csv'))).toHaveLength(6),
  },
  // report
  usage(/report: missing <file>\.\ntierline: Run "tierline report --help" to see the options\./, ['report']),
  usage(/report: --out <file\.html> is required/, ['report', '@tx.csv']),
  usage(/--max-points must be a whole number ≥ 1; got "0"/, [
    'report',
    '@tx.csv',
    '--out',
    '%r.html',
    '--max-points',
    '0',
  ]),
  usage(/--max-points .*got "many"/, ['report', '@tx.csv', '--out', '%r.html', '--max-points', 'many']),
  usage(/--out .*tx\.csv is the input/, ['report', '@tx.csv', '--out', '@tx.csv']),
  usage(/--xlsx .*book\.xlsx is the input --previous/, [
    'report',
    '@tx.csv',
    '--out',
    '%r.html',
    '--previous',
    '@book.xlsx',
    '--xlsx',
    '@book.xlsx',
  ]),
  usage(/--xlsx .*same is the same file as --out/, ['report', '@tx.csv', '--out', '%same', '--xlsx', '%same']),
  usage(/in\/missing\.csv: file not found/, ['report', '@missing.csv', '--out', '%r.html']),
  usage(/no-folder does not exist/, ['report', '@tx.csv', '--out', '%no-folder/r.html']),
  usage(/in\/missing\.csv: file not found/, ['report', '@tx.csv', '--out', '%r.html', '--previous', '@missing.csv']),
  usage(/--previous-as-of 2099-01-01 must be before the analysis date/, [
    'report',
    '@tx.csv',
    '--out',
    '%r.html',
    '--previous-as-of',
    '2099-01-01',
  ]),
  data(/empty\.csv is empty/, ['report', '@empty.csv', '--out', '%r.html']),
  // model
  { name: 'model (no action)', args: ['model'], code: 1, out: /Usage: tierline model fit/ },
  usage(/model: unknown action "predict"; use fit or evaluate/, ['model', 'predict', '@tx.csv']),
  usage(/model fit: one transaction file expected/, ['model', 'fit']),
  usage(/model fit: --calibration-end is required/, ['model', 'fit', '@tx.csv']),
  usage(/--calibration-end must be a date written YYYY-MM-DD; got "2024-13-01"/, [
    'model',
    'fit',
    '@tx.csv',
    '--calibration-end',
    '2024-13-01',
  ]),
  usage(/model evaluate: --holdout-end is required/, [
    'model',
    'evaluate',
    '@tx.csv',
    '--calibration-end',
    '2024-02-01',
  ]),
  usage(/--holdout-end must be after --calibration-end/, [
    'model',
    'evaluate',
    '@tx.csv',
    '--calibration-end',
    '2024-02-01',
    '--holdout-end',
    '2024-01-01',
  ]),
  usage(/--unit must be days or weeks; got "months"/, [
    'model',
    'fit',
    '@tx.csv',
    '--calibration-end',
    '2024-02-01',
    '--unit',
    'months',
  ]),
  usage(/--format must be table or json; got "csv"/, [
    'model',
    'fit',
    '@tx.csv',
    '--calibration-end',
    '2024-02-01',
    '--format',
    'csv',
  ]),
  usage(/in\/missing\.csv: file not found/, ['model', 'fit', '@missing.csv', '--calibration-end', '2024-02-01']),
  usage(/in\/folder\.csv is a folder/, ['model', 'fit', '@folder.csv', '--calibration-end', '2024-02-01']),
  data(/empty\.csv is empty/, ['model', 'fit', '@empty.csv', '--calibration-end', '2024-02-01']),
  data(/One customer cannot identify a population model/, [
    'model',
    'fit',
    '@one-customer.csv',
    '--calibration-end',
    '2024-01-15',
  ]),
  // dimensions
  usage(/dimensions: missing <file>\.\ntierline: Run "tierline dimensions --help" to see the options\./, [
    'dimensions',
  ]),
  usage(/--goal must be one of .*; got "happiness"/, ['dimensions', '@tx.csv', '--goal', 'happiness']),
  usage(/--format must be one of table, csv, json; got "html"/, ['dimensions', '@tx.csv', '--format', 'html']),
  usage(/in\/missing\.csv: file not found/, ['dimensions', '@missing.csv']),
  data(/header but no data rows/, ['dimensions', '@header.csv']),
  // import
  usage(/import: missing <file>\.\ntierline: Run "tierline import --help" to see the options\./, ['import']),
  usage(/--db .*in\/folder\.csv is a folder, not a store file/, ['import', '@tx.csv', '--db', '@folder.csv']),
  usage(/--db .*out\/.*nowhere\/s\.db: the folder .* does not exist; create it/, [
    'import',
    '@tx.csv',
    '--db',
    '%nowhere/s.db',
  ]),
  usage(/--db .*not-a-db\.db is not a Tierline store \(not an SQLite database\)/, [
    'import',
    '@tx.csv',
    '--db',
    '@not-a-db.db',
  ]),
  usage(/--db .*foreign\.db is an SQLite database but not a Tierline store/, [
    'import',
    '@tx.csv',
    '--db',
    '@foreign.db',
  ]),
  usage(/--db .*tx\.csv is the input .*tx\.csv/, ['import', '@tx.csv', '--db', '@tx.csv']),
  usage(/in\/missing\.csv: file not found/, ['import', '@missing.csv', '--db', '%s.db']),
  usage(/--sheet must be .*got "0"[^\n]*\ntierline: Run "tierline import --help"/, [
    'import',
    '@book.xlsx',
    '--sheet',
    '0',
    '--db',
    '%s.db',
  ]),
  data(/empty\.csv is empty/, ['import', '@empty.csv', '--db', '%s.db']),
  // users
  { name: 'users (no action)', args: ['users'], code: 1, out: /Usage: tierline users map/ },
  usage(/no store at .*out\/\d+-none\.db: run tierline import <file> --db .* first/, [
    'users',
    'list',
    '--db',
    '%none.db',
  ]),
  usage(/not-a-db\.db is not a Tierline store/, ['users', 'list', '--db', '@not-a-db.db']),
  usage(/users: unknown action "delete"; use map, sync, list or role/, ['users', 'delete', '--db', DB]),
  usage(/users role: expected a Slack user id \(U…\) and manager, admin or none/, [
    'users',
    'role',
    'nobody',
    'king',
    '--db',
    DB,
  ]),
  usage(/users map: expected "Owner name=U0123"/, ['users', 'map', '--db', DB]),
  usage(/users map: "Alice" is not "Owner name=U0123"/, ['users', 'map', 'Alice', '--db', DB]),
  usage(/users map: "lowercase" is neither a Slack user id \(U…\) nor an email/, [
    'users',
    'map',
    'Alice=lowercase',
    '--db',
    DB,
  ]),
  usage(/users: matching by email calls Slack; set SLACK_BOT_TOKEN/, [
    'users',
    'map',
    'Alice=alice@example.com',
    '--db',
    DB,
  ]),
  // ask
  usage(/ask: missing the question\.\ntierline: Run "tierline ask --help" to see the options\./, ['ask']),
  usage(/ask: say who is asking: --as <owner> or --manager/, ['ask', 'who is at churn risk']),
  usage(/--page must be a whole number ≥ 1; got "0"/, ['ask', 'hi', '--manager', '--page', '0']),
  usage(/--locale must be en or zh-CN; got "de"/, ['ask', 'hi', '--manager', '--locale', 'de']),
  usage(/no store at .*typo\.db: run tierline import/, ['ask', 'hi', '--manager', '--db', '%typo.db']),
  usage(/no store at .*default-store\.db/, ['ask', 'hi', '--manager']),
  usage(/--db .*in is a folder, not a store file/, ['ask', 'hi', '--manager', '--db', '@@']),
  usage(/not-a-db\.db is not a Tierline store/, ['ask', 'hi', '--manager', '--db', '@not-a-db.db']),
  usage(/foreign\.db is an SQLite database but not a Tierline store/, [
    'ask',
    'hi',
    '--manager',
    '--db',
    '@foreign.db',
  ]),
  usage(/no store at .*nowhere\/x\.db/, ['ask', 'hi', '--manager', '--db', '%nowhere/x.db']),
  usage(/no customers are owned by "Nobody" in the snapshot/, ['ask', 'my summary', '--as', 'Nobody', '--db', DB]),
  // digest
  usage(/digest: only --preview is available from the command line/, ['digest']),
  usage(/--locale must be en or zh-CN; got "jp"/, ['digest', '--preview', '--locale', 'jp']),
  usage(/unexpected argument "now"/, ['digest', 'now', '--preview']),
  usage(/no store at .*gone\.db/, ['digest', '--preview', '--db', '%gone.db']),
  usage(/not-a-db\.db is not a Tierline store/, ['digest', '--preview', '--db', '@not-a-db.db']),
  usage(/folder\.csv is a folder, not a store file/, ['digest', '--preview', '--db', '@folder.csv']),
  // bot (no Slack needed: all refused before start)
  usage(/unexpected argument "now"\.\ntierline: Run "tierline bot --help" to see the options\./, ['bot', 'now']),
  usage(/bot: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN \(one workspace\), or SLACK_CLIENT_ID/, ['bot']),
  {
    name: 'bot --port abc',
    args: ['bot', '--port', 'abc'],
    code: 1,
    err: /--port must be a port number; got "abc"/,
    env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret' },
  },
  {
    name: 'bot --import-schedule nonsense',
    args: ['bot', '--import-file', '@tx.csv', '--import-schedule', 'whenever'],
    code: 1,
    err: /--import-schedule/,
    env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret' },
  },
  // --debug is global: the same first line, then the stack
  {
    name: 'segment book.xlsx --sheet 0 --debug',
    args: ['segment', '@book.xlsx', '--sheet', '0', '--debug'],
    code: 1,
    err: /^tierline: --sheet must be .*got "0".*\ntierline: Run "tierline segment --help".*\nUsageError: .*\n\s+at sheetOption/,
    stack: true,
  },
  {
    name: 'TIERLINE_DEBUG=1 tierline ask',
    args: ['ask'],
    code: 1,
    err: /^tierline: ask: missing the question.*\ntierline: Run "tierline ask --help".*\nUsageError: [^\n]*\n\s+at .*runAsk/,
    env: { TIERLINE_DEBUG: '1' },
    stack: true,
  },
];

/** Every fixture file's sha256 (folders and dangling links skipped). */
function hashInputs(): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const name of readdirSync(fx)) {
    const path = join(fx, name);
    if (!existsSync(path) || statSync(path).isDirectory()) continue;
    hashes.set(name, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return hashes;
}

describe('bad-input catalogue (real binary)', () => {
  const results = new Map<string, { code: number | null; out: string; err: string; path: (t: string) => string }>();
  let before: Map<string, string>;
  let after: Map<string, string>;

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/cli/main.js'))) throw new Error('Build first: npx tsc -b');
    await writeFixtures();
    // One real store for the cases that need one (users, ask --as).
    const made = await tierline(['import', join(fx, 'tx.csv'), '--db', join(fx, 'store.db')]);
    if (made.code !== 0) throw new Error(`import for the catalogue store failed: ${made.err}`);
    before = hashInputs();
    // A small pool: two cores are shared, each case is a node start-up.
    const queue = CASES.map((c, i) => ({ c, i }));
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const path = resolver();
        const r = await tierline(next.c.args.map(path), next.c.env);
        results.set(next.c.name + '#' + next.i, { ...r, path });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    after = hashInputs();
  }, 600_000);

  it(`has at least 100 distinct cases (${CASES.length})`, () => {
    expect(new Set(CASES.map((c) => c.args.join('\0') + JSON.stringify(c.env ?? {}))).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });

  it('leaves every input file byte for byte as it was', () => {
    expect(after).toEqual(before);
  });

  CASES.forEach((c, i) => {
    it(`${c.code} ← tierline ${c.name}`, async () => {
      const r = results.get(c.name + '#' + i)!;
      const shown = `stdout: ${r.out.slice(0, 400)}\nstderr: ${r.err}`;
      expect(r.code, shown).toBe(c.code);
      if (c.err) expect(r.err, shown).toMatch(c.err);
      if (c.out) expect(r.out, shown).toMatch(c.out);
      // No stack trace and no raw error dump unless --debug asked for one.
      expect(r.err).not.toMatch(/internal error|node:internal/);
      if (c.stack) return;
      expect(r.err).not.toMatch(/^\s+at /m);
      expect(r.err).not.toMatch(/^\w*Error: /m);
      // Failures are one line per problem, each starting "tierline:".
      if (c.code !== 0)
        expect(
          r.err
            .split('\n')
            .filter(Boolean)
            .every((line) => line.startsWith('tierline: ')),
          shown,
        ).toBe(true);
      if (c.code !== 0) expect(readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      await c.check?.(r.path, r.out);
    });
  });
});
