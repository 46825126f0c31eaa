import { describe, expect, it } from 'vitest';
import { transactionSetup } from './transaction-setup.js';

describe('resolveTransactionColumns', () => {
  it('names a computed amount Quantity × UnitPrice and watches the unit price for a currency', () => {
    const { columns } = transactionSetup(['InvoiceNo', 'CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice', 'Region']);
    expect(columns).toMatchObject({
      id: 1,
      date: 2,
      amount: undefined,
      quantity: 3,
      unitPrice: 4,
      orderId: 0,
      money: 4,
      idName: 'CustomerID',
      dateName: 'InvoiceDate',
      amountName: 'Quantity',
      priceName: 'UnitPrice',
      moneyName: 'UnitPrice',
      amountCell: 'Quantity × UnitPrice',
      attributeFields: ['region'],
      attributeColumns: [5],
    });
  });

  it('names the amount column itself when there is one', () => {
    const { columns } = transactionSetup(['客户编号', '订单日期', '金额']);
    expect(columns).toMatchObject({
      amount: 2,
      money: 2,
      orderId: undefined,
      amountName: '金额',
      moneyName: '金额',
      amountCell: '金额',
      attributeFields: [],
    });
  });
});
