import { z } from 'zod';

/** The document-settings key holding everything Tierline remembers in a workbook. */
export const SETTINGS_KEY = 'tierline';

/** The columns one run wrote right of a table: replaced, never appended, on the next run. */
const writtenColumnsSchema = z.object({
  headerRow: z.number().int().min(0),
  firstColumn: z.number().int().min(0),
  columnCount: z.number().int().min(1),
  /** Header row plus data rows. */
  rowCount: z.number().int().min(1),
  /** The header texts written, to confirm the cells are still Tierline's. */
  headers: z.array(z.string()),
  /**
   * The Excel table the columns belong to: the analyst's own (`created`
   * false: Remove deletes only Tierline's columns from it) or one Tierline
   * made over a plain range (Remove converts it back to a range).
   */
  table: z.object({ id: z.string(), created: z.boolean() }).optional(),
  /** Rows Tierline froze at the top (the sheet had no frozen panes); Remove unfreezes them. */
  frozeRows: z.number().int().min(1).optional(),
  /** The widths (points) the sheet's columns had before Tierline sized them; Remove puts them back. */
  widths: z.array(z.number()).optional(),
});

const settingsSchema = z.object({
  scheme: z.string().default('rfm'),
  asOf: z.string().optional(),
  /** Absent until a run stores the analyst's choice: the pane then follows Office's display language. */
  locale: z.enum(['en', 'zh-CN']).optional(),
  /** The analyst's last column mapping (field → header). */
  mapping: z.record(z.string(), z.string()).default({}),
  /** Threshold overrides passed to core as `config`. */
  config: z.unknown().optional(),
  k: z.union([z.literal('auto'), z.number().int()]).optional(),
  /** Written columns by worksheet id. */
  written: z.record(z.string(), writtenColumnsSchema).default({}),
  /** Worksheet ids of the sheets Tierline created, by role (`summary`, `customers`). */
  sheets: z.record(z.string(), z.string()).default({}),
});

export type WrittenColumns = z.infer<typeof writtenColumnsSchema>;
export type TierlineSettings = z.infer<typeof settingsSchema>;

/**
 * Reads the stored settings. A missing or damaged value gives the defaults:
 * a workbook edited by hand must never stop the add-in, and losing the
 * written-columns record only makes the next run refuse to overwrite.
 * @example parseSettings(undefined).scheme === 'rfm'
 */
export function parseSettings(value: unknown): TierlineSettings {
  const parsed = settingsSchema.safeParse(typeof value === 'string' ? safeJson(value) : (value ?? {}));
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** Loads the settings of the workbook (needs one sync by the caller). */
export function queueSettingsLoad(context: Excel.RequestContext): Excel.Setting {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load('value');
  return item;
}

/** The settings behind a loaded setting item. */
export function readSettingsItem(item: Excel.Setting): TierlineSettings {
  return parseSettings(item.isNullObject ? undefined : item.value);
}

/** Queues the settings write; it lands with the caller's next sync. */
export function queueSettingsSave(context: Excel.RequestContext, settings: TierlineSettings): void {
  // Stored as a JSON string: Excel keeps setting values as JSON anyway, and a
  // string round-trips identically on every platform.
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
}
