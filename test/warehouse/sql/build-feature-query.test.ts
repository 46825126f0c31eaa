import { describe, expect, it } from 'vitest';
import { bindParameters, buildFeatureQueries, withLines } from '../../../warehouse/sql/build-feature-query.js';
import { DUCKDB, POSTGRES } from '../../../warehouse/sql/dialect.js';
import { IdentifierError, quoteIdentifier, quoteTableName } from '../../../warehouse/sql/quote-identifier.js';

const SPEC = {
  source: '"orders"',
  columns: ['id', 'day', 'amt'],
  map: { customerId: 'id', orderDate: 'day', orderAmount: 'amt', attributes: [] },
  headerRow: 1,
  decimal: '.',
  refunds: 'net',
} as const;

describe('quoting (issue 12: no SQL from user strings)', () => {
  it('doubles embedded quotes, so a hostile name stays one identifier', () => {
    expect(quoteIdentifier('Order date')).toBe('"Order date"');
    expect(quoteIdentifier('x"; DROP TABLE t; --')).toBe('"x""; DROP TABLE t; --"');
  });

  it('splits schema.table on dots, honouring quoted parts', () => {
    expect(quoteTableName('sales.orders')).toBe('"sales"."orders"');
    expect(quoteTableName('"my.schema".orders')).toBe('"my.schema"."orders"');
    expect(quoteTableName('orders; DROP TABLE orders')).toBe('"orders; DROP TABLE orders"');
  });

  it.each(['', 'a..b', 'a.b.c.d', '"open', 'x\u0000y'])('refuses %j', (name) => {
    expect(() => quoteTableName(name)).toThrow(IdentifierError);
  });
});

describe('bindParameters', () => {
  it('numbers placeholders in order of first use and repeats the number', () => {
    expect(bindParameters('a = {{x}} AND b = {{y}} OR c = {{x}}', { x: 1, y: 2 })).toEqual({
      sql: 'a = $1 AND b = $2 OR c = $1',
      values: [1, 2],
    });
  });

  it('refuses a placeholder without a value', () => {
    expect(() => bindParameters('{{missing}}', {})).toThrow('no value for parameter {{missing}}');
  });
});

describe('buildFeatureQueries', () => {
  it('binds every value: the statements hold no literal date, floor or as-of', () => {
    const q = buildFeatureQueries(SPEC, DUCKDB);
    expect(bindParameters(q.lines, { floor: 0, today: null }).values).toEqual([0, null]);
    expect(bindParameters(q.copies, {}).values).toEqual([]);
    expect(bindParameters(q.customerLines, { asOf: 1, start3: 2 }).values.sort()).toEqual([1, 2]);
    expect(bindParameters(q.customers, { asOf: 1, start3: 2 }).values.sort()).toEqual([1, 2]);
    // One row per line, sorted: no per-customer string or list aggregate for Node to parse.
    expect(q.lineRows).toContain('ORDER BY cust, day, row_no');
    expect(withLines(q, 'lineRows')).not.toMatch(/string_agg|list\(/);
  });

  it('reads a typed date and amount without text or regular expressions; a text column with them', () => {
    const typed = buildFeatureQueries({ ...SPEC, types: { day: 'date', amt: 'number' } }, DUCKDB).lines;
    expect(typed).toContain('CAST("day" AS DATE) AS date_value');
    expect(typed).not.toContain('regexp_extract(date_text');
    expect(typed).not.toContain('regexp_matches(qty_text');
    const text = buildFeatureQueries(SPEC, DUCKDB).lines;
    expect(text).toContain('regexp_extract(date_text');
    expect(text).toContain("regexp_matches(qty_text, '^-?[0-9]+([.][0-9]+)?$') AS qty_plain");
  });

  it('writes the PostgreSQL dialect: TEXT casts, ~, to_char days, md5 line hash, OFFSET 0 fences', () => {
    const q = buildFeatureQueries(SPEC, POSTGRES);
    const all = withLines(q, 'lineRows');
    expect(all).toContain('CAST("id" AS TEXT)');
    expect(withLines(q, 'issues')).toContain("to_char(DATE '1970-01-01'");
    expect(all).toContain('md5(concat_ws(');
    expect(all).toContain('OFFSET 0');
    expect(all).not.toContain('VARCHAR)) AS');
  });
});
