import { describe, expect, it } from 'vitest';
import { resultHeaders, segmentTable } from '../../../core/index.js';
import { AS_OF, CUSTOMER_HEADER, createCustomerSheet } from '../../../bench/addin/customer-sheet.js';
import { isTableSafeHeader, makeUniqueHeaders } from '../../../addin/excel/table-headers.js';
import { findResultColumns } from '../../../addin/excel/find-result-columns.js';

describe('table headers', () => {
  it('names added columns as Excel would: a taken name (any case) gets 2, 3 …', () => {
    expect(makeUniqueHeaders(['Customer ID', 'frequency'], ['Frequency', 'Segment', 'Frequency'])).toEqual([
      'Frequency2',
      'Segment',
      'Frequency3',
    ]);
    expect(makeUniqueHeaders(['A', 'A2'], ['A'])).toEqual(['A3']);
  });

  it('accepts only a header Excel can keep as it is: text, non-empty, no repeats', () => {
    expect(isTableSafeHeader(['Customer ID', 'Amount'])).toBe(true);
    expect(isTableSafeHeader(['Customer ID', 'customer id'])).toBe(false);
    expect(isTableSafeHeader(['Customer ID', ''])).toBe(false);
    expect(isTableSafeHeader(['Customer ID', 2026])).toBe(false);
  });
});

describe('findResultColumns', () => {
  const rows = createCustomerSheet(5);
  const result = segmentTable(rows[0]!, rows.slice(1), { asOf: AS_OF });
  const results = resultHeaders(result);

  it('finds the trailing block of Tierline columns, also renamed by a table or in Chinese', () => {
    expect(findResultColumns([...CUSTOMER_HEADER, ...results])).toBe(12);
    expect(findResultColumns([...CUSTOMER_HEADER, ...makeUniqueHeaders([...CUSTOMER_HEADER], results)])).toBe(12);
    expect(findResultColumns(['客户ID', '金额', ...resultHeaders(result, 'zh-CN')])).toBe(2);
  });

  it('finds nothing in a source that only shares a name or two, or that is all results', () => {
    expect(findResultColumns([...CUSTOMER_HEADER])).toBeUndefined();
    expect(findResultColumns([...CUSTOMER_HEADER, 'Segment', 'Tags'])).toBeUndefined();
    expect(findResultColumns(results)).toBeUndefined();
    // Results followed by the analyst's own column: not a trailing block.
    expect(findResultColumns([...CUSTOMER_HEADER, ...results, 'My notes'])).toBeUndefined();
  });
});
