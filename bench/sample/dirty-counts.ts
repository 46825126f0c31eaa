/**
 * How many faults of each kind the sample plants. The counts are exact (no
 * row carries two faults), so tests and the demo can assert them; the two
 * percentages scale with the customer count, the rest are fixed.
 */
export interface DirtyCounts {
  // transactions.csv
  /** Rows with a negative amount: full refunds of an earlier order, new id, later date. */
  readonly refunds: number;
  /** Of those, written in accounting style `(1,234.50)` instead of `-1234.50`. */
  readonly refundsInParentheses: number;
  /** Exact copies of a line inserted right after it. */
  readonly duplicateLines: number;
  /** `¥1,234.50` */
  readonly amountsWithYen: number;
  /** `1,234.50` */
  readonly amountsWithCommas: number;
  /** `2025/3/5` */
  readonly datesWithSlashes: number;
  /** `2025-03-05 14:30` */
  readonly datesWithTime: number;
  /** `2025年3月5日` */
  readonly datesInChinese: number;
  readonly emptyCustomerIds: number;
  /** Amount `#N/A` (an Excel formula error pasted as text). */
  readonly notAvailableAmounts: number;
  /** Amount `abc`. */
  readonly textAmounts: number;
  /** `2025-02-30` */
  readonly impossibleDates: number;
  /** `2027-01-15`: a 2026-01-15 order with the year mistyped. */
  readonly futureDates: number;
  // customers.csv
  /** Extra rows repeating an existing 客户编号 with fewer fields filled. */
  readonly duplicateCustomers: number;
  readonly emptyContacts: number;
  /** 联系方式 `空号` (number no longer in service). */
  readonly deadContacts: number;
  /** 联系方式 `12345`. */
  readonly shortContacts: number;
  /** 所属行业 `IT行业` instead of 信息技术. */
  readonly industryIt: number;
  /** 所属行业 `零售业` instead of 零售. */
  readonly industryRetail: number;
  readonly emptyManagers: number;
  /** 首次购买时间 `2024/3/5` */
  readonly firstPurchaseWithSlashes: number;
  /** 首次购买时间 `2024年3月5日` */
  readonly firstPurchaseInChinese: number;
}

/** The planted faults for a sample of `customers` customers (see the table in generate-sample.ts). */
export function dirtyCounts(customers: number): DirtyCounts {
  return {
    refunds: Math.round(customers * 0.18),
    refundsInParentheses: 20,
    duplicateLines: Math.round(customers * 0.06),
    amountsWithYen: 30,
    amountsWithCommas: 30,
    datesWithSlashes: 20,
    datesWithTime: 20,
    datesInChinese: 20,
    emptyCustomerIds: 5,
    notAvailableAmounts: 3,
    textAmounts: 2,
    impossibleDates: 2,
    futureDates: 1,
    duplicateCustomers: 2,
    emptyContacts: Math.round(customers * 0.02),
    deadContacts: 3,
    shortContacts: 3,
    industryIt: 8,
    industryRetail: 4,
    emptyManagers: 8,
    firstPurchaseWithSlashes: 15,
    firstPurchaseInChinese: 15,
  };
}
