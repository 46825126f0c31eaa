import type { Rng } from '../../core/index.js';
import { formatChinese, formatIso, formatSlash } from './dates.js';
import type { DirtyCounts } from './dirty-counts.js';
import type { Order } from './orders.js';
import type { CustomerProfile } from './profiles.js';
import { DistinctPicker } from './sampling.js';

export const CUSTOMER_HEADER = [
  '客户编号',
  '客户名称',
  '企业名称',
  '联系方式',
  '所在地域',
  '所属行业',
  '企业规模',
  '客户经理',
  '首次购买时间',
  '渠道偏好',
  '投诉次数',
  '参与活动次数',
  '优惠券使用次数',
] as const;

const COLUMN = { company: 2, contact: 3, industry: 5, manager: 7, firstPurchase: 8 } as const;
/** Fields a second registration of the same customer left empty. */
const SPARSE_COLUMNS = [COLUMN.company, COLUMN.contact, COLUMN.industry, COLUMN.manager] as const;

/**
 * One row per customer in id order, 首次购买时间 = the earliest clean order and
 * 渠道偏好 = the channel of most of their orders, then the planted faults of
 * `counts`. Two customers get a second, appended row under the same 客户编号:
 * for the first the appended row is the sparser one, for the second the row
 * in place is, so "keep the row with most fields filled" differs from
 * "keep the first row". Header not included.
 * @throws Error when the sample is too small to host every planted fault.
 */
export function buildCustomerRows(
  rng: Rng,
  profiles: readonly CustomerProfile[],
  orders: readonly Order[],
  counts: DirtyCounts,
): string[][] {
  const firstDay = new Array<number>(profiles.length).fill(Number.POSITIVE_INFINITY);
  const online = new Array<number>(profiles.length).fill(0);
  const total = new Array<number>(profiles.length).fill(0);
  for (const order of orders) {
    firstDay[order.customer] = Math.min(firstDay[order.customer] ?? Number.POSITIVE_INFINITY, order.day);
    online[order.customer] = (online[order.customer] ?? 0) + (order.online ? 1 : 0);
    total[order.customer] = (total[order.customer] ?? 0) + 1;
  }

  const rows = profiles.map((p, i) => [
    p.id,
    p.name,
    p.company,
    p.contact,
    p.region,
    p.industry,
    p.size,
    p.manager,
    formatIso(firstDay[i] ?? 0),
    2 * (online[i] ?? 0) >= (total[i] ?? 0) ? '线上' : '线下',
    String(p.complaints),
    String(p.promotions),
    String(p.coupons),
  ]);
  const set = (i: number, column: number, value: string): void => {
    const row = rows[i];
    if (row) row[column] = value;
  };
  const profile = (i: number): CustomerProfile => profiles[i] as CustomerProfile;

  const picker = new DistinctPicker(rng, profiles.length);
  const duplicates = picker.take(counts.duplicateCustomers, (i) => profile(i).company !== '', 'duplicate customer');
  const sparse = (i: number): string[] => {
    const copy = [...(rows[i] ?? [])];
    for (const column of SPARSE_COLUMNS) copy[column] = '';
    return copy;
  };
  const appended = duplicates.map((i, k) => {
    const full = [...(rows[i] ?? [])];
    if (k % 2 === 0) return sparse(i);
    rows[i] = sparse(i);
    return full;
  });

  for (const i of picker.take(counts.industryIt, (i) => profile(i).industry === '信息技术', 'IT行业')) {
    set(i, COLUMN.industry, 'IT行业');
  }
  for (const i of picker.take(counts.industryRetail, (i) => profile(i).industry === '零售', '零售业')) {
    set(i, COLUMN.industry, '零售业');
  }
  for (const i of picker.take(counts.deadContacts, () => true, '空号')) set(i, COLUMN.contact, '空号');
  for (const i of picker.take(counts.shortContacts, () => true, '12345')) set(i, COLUMN.contact, '12345');
  for (const i of picker.take(counts.emptyContacts, () => true, 'empty contact')) set(i, COLUMN.contact, '');
  for (const i of picker.take(counts.emptyManagers, () => true, 'empty manager')) set(i, COLUMN.manager, '');
  for (const i of picker.take(counts.firstPurchaseWithSlashes, () => true, 'first purchase with slashes')) {
    set(i, COLUMN.firstPurchase, formatSlash(firstDay[i] ?? 0));
  }
  for (const i of picker.take(counts.firstPurchaseInChinese, () => true, 'first purchase in Chinese')) {
    set(i, COLUMN.firstPurchase, formatChinese(firstDay[i] ?? 0));
  }
  return [...rows, ...appended];
}
