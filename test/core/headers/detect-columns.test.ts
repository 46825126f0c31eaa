import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectColumns, isRequiredField, matchField } from '../../../core/headers/detect-columns.js';
import { DataValidationError } from '../../../core/report/cell-issue.js';
import { FIELDS, type FieldId } from '../../../core/schema/fields.js';
import type { Cell } from '../../../core/table/cell.js';

/** The DataValidationError a call throws (fails the test when it does not throw one). */
function thrown(fn: () => unknown): DataValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return error as DataValidationError;
  }
  throw new Error('expected a DataValidationError');
}

describe('matchField: SPEC §2 aliases', () => {
  it.each([
    ['客户ID', 'customerId'],
    ['客户编号', 'customerId'],
    ['Customer ID', 'customerId'],
    ['CustomerID', 'customerId'],
    ['cust_id', 'customerId'],
    ['customer_id', 'customerId'],
    ['最近购买时间', 'lastPurchaseDate'],
    ['Last purchase', 'lastPurchaseDate'],
    ['消费金额', 'orderAmount'],
    ['Amount', 'orderAmount'],
    ['Sales', 'orderAmount'],
    ['数量', 'quantity'],
    ['Quantity', 'quantity'],
    ['单价', 'unitPrice'],
    ['Unit price', 'unitPrice'],
    ['客户经理', 'accountManager'],
    ['Owner', 'accountManager'],
    ['下单时间', 'orderDate'],
    ['R值', 'recencyDays'],
    ['近6个月消费频次', 'frequency6m'],
    ['累计消费', 'cumulativeSpend'],
  ])('%j → %s', (header, field) => {
    expect(matchField(header)).toBe(field);
  });

  it('ignores case, spacing, full width and traditional characters', () => {
    expect(matchField('ＣＵＳＴＯＭＥＲ　ＩＤ')).toBe('customerId');
    expect(matchField('  customer   id ')).toBe('customerId');
    expect(matchField('LAST_PURCHASE')).toBe('lastPurchaseDate');
    expect(matchField('客戶編號')).toBe('customerId');
    expect(matchField('累計消費金額')).toBe('cumulativeSpend');
    expect(matchField('近６个月消费频次')).toBe('frequency6m');
  });

  it('drops a unit suffix only when the full header matches nothing', () => {
    expect(matchField('累计消费(元)')).toBe('cumulativeSpend');
    expect(matchField('累计消费（元）')).toBe('cumulativeSpend');
    expect(matchField('累計消費金額(元)')).toBe('cumulativeSpend');
    expect(matchField('Frequency (6 months)')).toBe('frequency6m');
    expect(matchField('Frequency')).toBe('historicalFrequency');
    expect(matchField('Spend (6 months)')).toBe('amount6m');
    expect(matchField('Amount (6 months)')).toBe('amount6m');
    expect(matchField('Amount (CNY)')).toBe('orderAmount');
  });

  it('knows nothing of empty or unknown headers', () => {
    expect(matchField('')).toBeUndefined();
    expect(matchField('   ')).toBeUndefined();
    expect(matchField('Notes')).toBeUndefined();
    expect(matchField('(元)')).toBeUndefined();
  });

  it('finds every field by its id and by every alias that no earlier field claimed', () => {
    const claimed = new Map<string, string>();
    for (const field of FIELDS) {
      expect(matchField(field.id), field.id).toBe(field.id);
      for (const alias of [...field.zh, ...field.en]) {
        const key = alias.toLowerCase().replace(/[\s_\-.()]/g, '');
        const owner = claimed.get(key) ?? field.id;
        claimed.set(key, owner);
        expect(matchField(alias), alias).toBe(owner);
      }
    }
  });
});

describe('detectColumns: shape', () => {
  it('reads an order list as transactions', () => {
    expect(detectColumns(['客户编号', '下单时间', '订单金额'])).toEqual({
      shape: 'transactions',
      headers: ['客户编号', '下单时间', '订单金额'],
      columns: { customerId: 0, orderDate: 1, orderAmount: 2 },
      matchedBy: { customerId: 'alias', orderDate: 'alias', orderAmount: 'alias' },
      passThrough: [],
      issues: [],
    });
  });

  it('counts quantity × unit price as an amount', () => {
    const plan = detectColumns(['Customer ID', 'Order date', 'Quantity', 'Unit price', 'Notes']);
    expect(plan.shape).toBe('transactions');
    expect(plan.columns).toEqual({ customerId: 0, orderDate: 1, quantity: 2, unitPrice: 3 });
    expect(plan.passThrough).toEqual([4]);
  });

  it('reads a table with last purchase dates as customers', () => {
    const plan = detectColumns(['客户ID', '客户名称', '最近购买时间', '近6个月消费频次', '累计消费(元)', '客户经理']);
    expect(plan.shape).toBe('customers');
    expect(plan.columns).toEqual({
      customerId: 0,
      customerName: 1,
      lastPurchaseDate: 2,
      frequency6m: 3,
      cumulativeSpend: 4,
      accountManager: 5,
    });
    expect(plan.passThrough).toEqual([]);
  });

  it('accepts recency days instead of a last purchase date', () => {
    expect(detectColumns(['ID', 'R', 'F', 'M']).columns).toEqual({
      customerId: 0,
      recencyDays: 1,
      frequency6m: 2,
      amount6m: 3,
    });
    expect(detectColumns(['ID', 'R', 'F', 'M']).shape).toBe('customers');
  });

  it('keeps Frequency (6 months) and Frequency apart', () => {
    const plan = detectColumns(['Customer ID', 'Last purchase', 'Frequency (6 months)', 'Frequency', 'Amount']);
    expect(plan.columns).toMatchObject({ frequency6m: 2, historicalFrequency: 3, orderAmount: 4 });
    expect(plan.issues).toEqual([]);
  });

  it('follows an explicit shape', () => {
    expect(detectColumns(['客户ID', '下单时间', '订单金额'], { shape: 'transactions' }).shape).toBe('transactions');
    expect(detectColumns(['客户ID', '最近购买时间', '购买次数', '累计消费'], { shape: 'auto' }).shape).toBe(
      'customers',
    );
  });

  it('needs only the id for an attribute table', () => {
    const plan = detectColumns(['Customer ID', 'Region', 'Owner'], { role: 'attributes' });
    expect(plan.columns).toEqual({ customerId: 0, region: 1, accountManager: 2 });
  });

  it('reads header cells of any type as their text, trimmed', () => {
    const plan = detectColumns([' 客户ID ', 2024, null, '下单时间', '订单金额'] as Cell[]);
    expect(plan.headers).toEqual(['客户ID', '2024', '', '下单时间', '订单金额']);
    expect(plan.passThrough).toEqual([1, 2]);
  });
});

describe('detectColumns: pass-through and ambiguity', () => {
  it('lists the columns that are not fields', () => {
    const plan = detectColumns(['备注', 'Customer ID', 'Order date', 'Amount', '', 'VIP?']);
    expect(plan.passThrough).toEqual([0, 4, 5]);
  });

  it('reports two columns that match one field and uses the first', () => {
    const plan = detectColumns(['客户ID', '客户编号', '最近购买时间', '购买次数', '累计消费']);
    expect(plan.columns.customerId).toBe(0);
    expect(plan.passThrough).toEqual([1]);
    expect(plan.issues).toEqual([
      {
        code: 'ambiguous-column',
        row: 1,
        column: '客户编号',
        value: '客户编号',
        message:
          'Columns "客户ID" and "客户编号" both look like customerId; using "客户ID" (the first). Map the column explicitly to choose the other.',
      },
    ]);
  });

  it('reports each further duplicate at the given header row', () => {
    const plan = detectColumns(['Amount', 'Sales', 'Revenue', 'Customer ID', 'Order date'], { headerRow: 4 });
    expect(plan.columns.orderAmount).toBe(0);
    expect(plan.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['ambiguous-column', 4, 'Sales'],
      ['ambiguous-column', 4, 'Revenue'],
    ]);
  });
});

describe('detectColumns: explicit mapping', () => {
  it('wins over detection and accepts field ids or aliases as keys', () => {
    const plan = detectColumns(['Cust', 'Date', 'Amt'], {
      mapping: { customerId: 'Cust', 订单日期: 'Date', amount: 'Amt' },
    });
    expect(plan.columns).toEqual({ customerId: 0, orderDate: 1, orderAmount: 2 });
    expect(plan.matchedBy).toEqual({ customerId: 'mapping', orderDate: 'mapping', orderAmount: 'mapping' });
    expect(plan.shape).toBe('transactions');
  });

  it('moves a field to the mapped column; the column detection would have chosen passes through', () => {
    const plan = detectColumns(['客户ID', '最近购买时间', '购买次数', '累计消费', 'Customer ID'], {
      mapping: { customerId: 'Customer ID' },
    });
    expect(plan.columns.customerId).toBe(4);
    expect(plan.matchedBy.customerId).toBe('mapping');
    expect(plan.matchedBy.lastPurchaseDate).toBe('alias');
    expect(plan.passThrough).toEqual([0]);
    expect(plan.issues).toEqual([]);
  });

  it('finds the mapped header case- and width-insensitively', () => {
    expect(
      detectColumns(['ＣＵＳＴ', 'Date', 'Amt'], {
        mapping: { customerId: 'cust', orderDate: 'date', orderAmount: 'AMT' },
      }).columns,
    ).toEqual({ customerId: 0, orderDate: 1, orderAmount: 2 });
  });

  it('throws for an unknown field, naming the known ones', () => {
    expect(() =>
      detectColumns(['Cust', 'Date', 'Amt'], { mapping: { bogus: 'Cust' } }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataValidationError: Unknown field "bogus" in the column mapping. Known fields: customerId, customerName, company, contact, industry, region, companySize, registrationDate, accountManager, age, gender, membershipLevel, accountBalance, assetSize, orderId, orderDate, orderAmount, quantity, unitPrice, product, category, channel, firstPurchaseDate, firstPurchaseAmount, lastPurchaseDate, recencyDays, frequency6m, amount6m, averageOrderValue, annualFrequency, historicalFrequency, purchaseCycleDays, logins3m, consultations, complaints6m, promotionsJoined6m, couponUses, satisfaction, interactionCount, cumulativeSpend, profitContribution, referralRate, repurchaseRate, serviceCost, ltv.]`,
    );
  });

  it('throws for a header that is not present', () => {
    expect(() =>
      detectColumns(['Cust', 'Date', 'Amt'], { mapping: { customerId: 'Nope' } }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataValidationError: Column "Nope" (mapped to customerId) is not in the header. Headers found: Cust, Date, Amt.]`,
    );
  });

  it('reports every bad mapping entry at once', () => {
    const error = thrown(() =>
      detectColumns(['Cust', '', 'Amt'], { mapping: { bogus: 'Cust', customerId: 'Nope' }, headerRow: 2 }),
    );
    expect(error.code).toBe('missing-columns');
    expect(error.issues.map(({ code, row, column, value }) => ({ code, row, column, value }))).toEqual([
      { code: 'missing-columns', row: 2, column: 'Cust', value: 'bogus' },
      { code: 'missing-columns', row: 2, column: 'Nope', value: 'Nope' },
    ]);
    expect(error.issues[1]!.message).toBe(
      'Column "Nope" (mapped to customerId) is not in the header. Headers found: Cust, Amt.',
    );
  });
});

describe('detectColumns: fatal problems', () => {
  it('lists what was found and everything missing in one customer-table error', () => {
    const error = thrown(() => detectColumns(['Customer ID', 'Name', 'Region', 'Notes']));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      code: 'missing-columns',
      row: 1,
      column: '',
      value: 'lastPurchaseDate,historicalFrequency,cumulativeSpend',
    });
    expect(error.message).toMatchInlineSnapshot(
      `"Cannot read this as a customer table: missing last purchase date (最近购买时间) or recency days (R值); frequency (购买频次 / 近6个月消费频次); spend (累计消费 / 近6个月消费金额 / 消费金额). Found: Customer ID → customerId, Name → customerName, Region → region, Notes. Name the columns with a mapping, e.g. --map "lastPurchaseDate=<header>"."`,
    );
  });

  it('names the transaction amount alternatives', () => {
    expect(() => detectColumns(['客户ID', '下单时间', '数量'])).toThrowErrorMatchingInlineSnapshot(
      `[DataValidationError: Cannot read this as a transaction table: missing amount (消费金额), or quantity (数量) × unit price (单价). Found: 客户ID → customerId, 下单时间 → orderDate, 数量 → quantity. Name the columns with a mapping, e.g. --map "orderAmount=<header>".]`,
    );
  });

  it('asks for the id of an attribute table at its header row', () => {
    const error = thrown(() => detectColumns(['Name', '', 'Region'], { role: 'attributes', headerRow: 3 }));
    expect(error.issues[0]!.row).toBe(3);
    expect(error.message).toMatchInlineSnapshot(
      `"Cannot read this as a customer attribute table: missing customer ID (客户ID). Found: Name → customerName, Region → region. Name the columns with a mapping, e.g. --map "customerId=<header>"."`,
    );
  });

  it('throws empty-file for an all-empty header row', () => {
    for (const header of [[], [''], ['', null, '  ', undefined]] as Cell[][]) {
      const error = thrown(() => detectColumns(header, { headerRow: 2 }));
      expect(error.issues).toEqual([
        {
          code: 'empty-file',
          row: 2,
          column: '',
          value: '',
          message: 'Row 2 has no column headers.',
          key: 'clean.no-headers',
          params: { row: 2 },
        },
      ]);
    }
  });
});

describe('detectColumns: properties', () => {
  const anyHeader = fc.oneof(
    fc.constantFrom(...FIELDS.flatMap((f) => [...f.zh, ...f.en])),
    fc.string({ maxLength: 12 }),
  );

  it('assigns every column exactly once: to a field or to pass-through', () => {
    fc.assert(
      fc.property(fc.array(anyHeader, { maxLength: 12 }), (extra) => {
        const header = ['客户ID', '下单时间', '订单金额', ...extra];
        const plan = detectColumns(header, { shape: 'transactions' });
        const used = [...Object.values(plan.columns), ...plan.passThrough].sort((a, b) => a - b);
        expect(new Set(Object.values(plan.columns)).size).toBe(Object.values(plan.columns).length);
        expect(used).toEqual(header.map((_, i) => i));
        expect(plan.headers).toHaveLength(header.length);
        for (const issue of plan.issues) expect(issue.code).toBe('ambiguous-column');
      }),
    );
  });
});

describe('isRequiredField', () => {
  it('marks every alternative that meets a requirement of the shape, and nothing else', () => {
    expect(
      ['customerId', 'orderDate', 'orderAmount', 'quantity', 'unitPrice'].every((f) =>
        isRequiredField(f as FieldId, 'transactions'),
      ),
    ).toBe(true);
    expect(isRequiredField('recencyDays', 'customers')).toBe(true);
    expect(isRequiredField('averageOrderValue', 'customers')).toBe(true);
    expect(isRequiredField('region', 'customers')).toBe(false);
    expect(isRequiredField('lastPurchaseDate', 'transactions')).toBe(false);
  });
});
