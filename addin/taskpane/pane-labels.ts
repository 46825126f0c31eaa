import { label, type LabelKey, type Locale } from '../../core/index.js';

type Entry = readonly [en: string, zh: string];
type PaneKey = Extract<LabelKey, `pane.${string}`>;

/** A pane string's id: its catalogue key without the `pane.` prefix (core/i18n/pane-messages.ts). */
export type PaneLabel = PaneKey extends `pane.${infer Id}` ? Id : never;

/** The pane string `key` in `locale`, `{name}` placeholders filled (numbers with thousands separators): the one catalogue's `label`. */
export function formatPaneLabel(key: PaneLabel, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) text[name] = typeof value === 'number' ? value.toLocaleString('en-US') : value;
  return label(`pane.${key}` as PaneKey, locale, text);
}

/** Scheme choices in the pane, with their names (SPEC §5). */
export const SCHEME_CHOICES: readonly { readonly id: string; readonly name: Entry }[] = [
  { id: 'rfm', name: ['RFM: 11 named segments', 'RFM：11个命名群体'] },
  { id: 'rfm8', name: ['RFM: 8 classes (high/low vs mean)', 'RFM：8类（高/低于均值）'] },
  { id: 'rules:a-table5-rules', name: ['Rules: Table 5 tag groups (A)', '规则：表5标签分组（A）'] },
  { id: 'rules:a-step4-rules', name: ['Rules: step 4 segments (A)', '规则：第4步细分（A）'] },
  { id: 'rules:b-rfm-definitions', name: ['Rules: RFM definitions (B)', '规则：RFM定义（B）'] },
  { id: 'rules:b-maintenance-tiers', name: ['Rules: maintenance tiers (B)', '规则：维护层级（B）'] },
  { id: 'kmeans', name: ['k-means on R, F, M (automatic K)', 'k-means聚类（自动K）'] },
  { id: 'c-value-tiers', name: ['Value tiers and response SLA (C)', '价值分层与响应时限（C）'] },
  { id: 'd-grading-scorecard', name: ['Grading scorecard (D)', '评分卡分级（D）'] },
];
