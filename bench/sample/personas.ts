/**
 * Buying personas behind the sample. Each customer gets exactly one; the mix
 * is chosen so every one of the 11 RFM segments (SPEC Appendix) and every
 * a-table5 rule group (SPEC §5b) has members.
 *
 * Why at-risk and can't-lose customers are silent for only 2–5 months: SPEC
 * §5a counts F and M over the last 6 months, so anyone silent for longer has
 * F = M = 0 and scores like a lost customer (111). The Can't-lose codes (155,
 * 154, 144: oldest recency quintile yet high F and M) can only occur if fewer
 * than 20% of customers are silent for more than 6 months and heavy buyers sit
 * just inside the oldest quintile; lost and most hibernating customers (about
 * 15% together) are the only ones silent longer than that.
 */

export const PERSONA_IDS = [
  'champion',
  'loyal',
  'promising',
  'new',
  'price-sensitive',
  'need-attention',
  'occasional',
  'at-risk',
  'cant-lose',
  'hibernating',
  'lost',
] as const;

export type PersonaId = (typeof PERSONA_IDS)[number];

export const COMPANY_SIZES = ['个人', '中小企业', '大型企业'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

type Range = readonly [min: number, max: number];

export interface Persona {
  readonly id: PersonaId;
  /** Share of customers, percent. */
  readonly share: number;
  /** Days from the last order to the end date. */
  readonly recencyDays: Range;
  /** Days from the first order to the end date (raised to recency when below it). */
  readonly firstOrderDaysAgo: Range;
  /** Orders per 30 days between first and last order; 0 = use `orders` only. */
  readonly ordersPerMonth: Range;
  /** Bounds on the number of orders. */
  readonly orders: Range;
  /** Median order value of an SME customer, yuan. */
  readonly medianAmount: number;
  /** Log-normal spread of one customer's order values. */
  readonly amountSigma: number;
  /** Weights of 个人 / 中小企业 / 大型企业. */
  readonly sizeWeights: readonly [number, number, number];
  /** Probability an order is placed online. */
  readonly onlineShare: number;
  /** Probability of at least one complaint in the last 6 months, and the most. */
  readonly complaintRate: number;
  readonly maxComplaints: number;
  /** 参与活动次数 (promotions joined, 6 months) and 优惠券使用次数 (coupon uses). */
  readonly promotions: Range;
  readonly coupons: Range;
}

export const PERSONAS: readonly Persona[] = [
  {
    id: 'champion',
    share: 8,
    recencyDays: [0, 14],
    firstOrderDaysAgo: [300, 729],
    ordersPerMonth: [1.3, 2.2],
    orders: [8, 80],
    medianAmount: 1500,
    amountSigma: 0.55,
    sizeWeights: [15, 60, 25],
    onlineShare: 0.6,
    complaintRate: 0.03,
    maxComplaints: 1,
    promotions: [1, 4],
    coupons: [0, 3],
  },
  {
    id: 'loyal',
    share: 12,
    recencyDays: [0, 40],
    firstOrderDaysAgo: [240, 729],
    ordersPerMonth: [0.5, 0.9],
    orders: [5, 40],
    medianAmount: 800,
    amountSigma: 0.55,
    sizeWeights: [25, 62, 13],
    onlineShare: 0.55,
    complaintRate: 0.04,
    maxComplaints: 1,
    promotions: [0, 3],
    coupons: [0, 3],
  },
  {
    id: 'promising',
    share: 10,
    recencyDays: [0, 30],
    firstOrderDaysAgo: [60, 240],
    ordersPerMonth: [0.3, 0.8],
    orders: [2, 15],
    medianAmount: 500,
    amountSigma: 0.6,
    sizeWeights: [28, 65, 7],
    onlineShare: 0.6,
    complaintRate: 0.03,
    maxComplaints: 1,
    promotions: [0, 3],
    coupons: [0, 2],
  },
  {
    id: 'new',
    share: 8,
    recencyDays: [0, 45],
    firstOrderDaysAgo: [0, 60],
    ordersPerMonth: [0, 0],
    orders: [1, 2],
    medianAmount: 550,
    amountSigma: 0.7,
    sizeWeights: [35, 60, 5],
    onlineShare: 0.7,
    complaintRate: 0.02,
    maxComplaints: 1,
    promotions: [0, 2],
    coupons: [0, 1],
  },
  {
    id: 'price-sensitive',
    share: 11,
    recencyDays: [0, 45],
    firstOrderDaysAgo: [200, 729],
    ordersPerMonth: [1.0, 2.0],
    orders: [6, 60],
    medianAmount: 160,
    amountSigma: 0.5,
    sizeWeights: [45, 53, 2],
    onlineShare: 0.8,
    complaintRate: 0.05,
    maxComplaints: 1,
    promotions: [3, 8],
    coupons: [3, 12],
  },
  {
    id: 'need-attention',
    share: 9,
    recencyDays: [45, 120],
    firstOrderDaysAgo: [180, 729],
    ordersPerMonth: [0.35, 0.8],
    orders: [3, 25],
    medianAmount: 600,
    amountSigma: 0.6,
    sizeWeights: [30, 62, 8],
    onlineShare: 0.5,
    complaintRate: 0.25,
    maxComplaints: 2,
    promotions: [0, 2],
    coupons: [0, 2],
  },
  {
    id: 'occasional',
    share: 10,
    recencyDays: [20, 120],
    firstOrderDaysAgo: [150, 729],
    ordersPerMonth: [0.15, 0.35],
    orders: [2, 8],
    medianAmount: 300,
    amountSigma: 0.6,
    sizeWeights: [33, 62, 5],
    onlineShare: 0.55,
    complaintRate: 0.05,
    maxComplaints: 1,
    promotions: [0, 2],
    coupons: [0, 2],
  },
  {
    id: 'at-risk',
    share: 9,
    recencyDays: [60, 110],
    firstOrderDaysAgo: [365, 729],
    ordersPerMonth: [0.9, 1.8],
    orders: [5, 40],
    medianAmount: 1000,
    amountSigma: 0.6,
    sizeWeights: [25, 62, 13],
    onlineShare: 0.5,
    complaintRate: 0.35,
    maxComplaints: 3,
    promotions: [0, 2],
    coupons: [0, 2],
  },
  {
    id: 'cant-lose',
    share: 4,
    recencyDays: [115, 150],
    firstOrderDaysAgo: [300, 500],
    ordersPerMonth: [3.5, 5],
    orders: [10, 60],
    medianAmount: 2200,
    amountSigma: 0.55,
    sizeWeights: [10, 55, 35],
    onlineShare: 0.45,
    complaintRate: 0.4,
    maxComplaints: 3,
    promotions: [0, 1],
    coupons: [0, 1],
  },
  {
    id: 'hibernating',
    share: 10,
    recencyDays: [110, 300],
    firstOrderDaysAgo: [300, 729],
    ordersPerMonth: [0.15, 0.4],
    orders: [2, 8],
    medianAmount: 350,
    amountSigma: 0.6,
    sizeWeights: [33, 62, 5],
    onlineShare: 0.5,
    complaintRate: 0.05,
    maxComplaints: 1,
    promotions: [0, 1],
    coupons: [0, 1],
  },
  {
    id: 'lost',
    share: 9,
    recencyDays: [365, 729],
    firstOrderDaysAgo: [365, 729],
    ordersPerMonth: [0, 0],
    orders: [1, 2],
    medianAmount: 300,
    amountSigma: 0.7,
    sizeWeights: [35, 60, 5],
    onlineShare: 0.5,
    complaintRate: 0.02,
    maxComplaints: 1,
    promotions: [0, 0],
    coupons: [0, 1],
  },
];

/** Order values scale with the buyer: individuals spend less than companies. */
export const SIZE_AMOUNT_FACTOR: Readonly<Record<CompanySize, number>> = {
  个人: 0.5,
  中小企业: 1,
  大型企业: 2.5,
};
