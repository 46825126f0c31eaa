import { label, type LabelKey, type Locale } from '../i18n/labels.js';

/** The B tiers that carry a maintenance strategy (SPEC §7; 普通客户 has none in the source). */
export const MAINTENANCE_TIERS = ['strategic', 'core', 'potential', 'churn-warning'] as const;
export type MaintenanceTier = (typeof MAINTENANCE_TIERS)[number];

/** One B strategy row, localized (SPEC §7 B maintenance strategies 分层维护策略). */
export interface MaintenanceStrategy {
  readonly tier: MaintenanceTier;
  readonly measures: string;
  readonly owner: string;
  readonly cadence: string;
}

/**
 * The B maintenance strategy of a tier in `locale`: measures, owner role and
 * cadence (战略客户 ongoing, 核心客户 quarterly, 潜力客户 monthly, 流失预警客户
 * immediately). The win-back offer is B's strategy-table 「回归首单8折」
 * (template 2 shows 7折 after B's adjustment loop; SPEC §7 ambiguity).
 * @example maintenanceStrategy('core', 'en').cadence === 'Once a quarter'
 */
export function maintenanceStrategy(tier: MaintenanceTier, locale: Locale): MaintenanceStrategy {
  const key = (part: string): LabelKey => `maintenance.${tier}.${part}` as LabelKey;
  return {
    tier,
    measures: label(key('measures'), locale),
    owner: label(key('owner'), locale),
    cadence: label(key('cadence'), locale),
  };
}
