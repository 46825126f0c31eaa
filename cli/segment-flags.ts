import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Locale, parseConfigText, parseSchemeId, SCHEME_IDS, type SegmentOptionsInput } from '../core/index.js';
import { localeFromEnvironment } from './choose-locale.js';
import { todayOf, UsageError, type ConsoleIo } from './console-io.js';
import { parseMapping } from './parse-mapping.js';
import { describeSegmentFlags } from './render-help.js';

/** The flags every command that segments a file takes (parseArgs option table). */
export const SEGMENT_FLAGS = {
  scheme: { type: 'string' },
  k: { type: 'string' },
  config: { type: 'string' },
  'as-of': { type: 'string' },
  locale: { type: 'string' },
  map: { type: 'string' },
  customers: { type: 'string' },
  window: { type: 'string' },
  'frequency-by': { type: 'string' },
  refunds: { type: 'string' },
  currency: { type: 'string' },
  'date-order': { type: 'string' },
  shape: { type: 'string' },
  sheet: { type: 'string' },
  today: { type: 'string' },
  'date-floor': { type: 'string' },
  decimal: { type: 'string' },
  horizon: { type: 'string' },
  'churn-models': { type: 'string' },
} as const;

/** Where `tierline segment` reads from and who aggregates (issue 12): see cli/read-warehouse.ts. */
export const ENGINE_FLAGS = {
  engine: { type: 'string' },
  source: { type: 'string' },
  table: { type: 'string' },
  query: { type: 'string' },
  'statement-timeout': { type: 'string' },
  explain: { type: 'boolean' },
} as const;

/** The engine flags, checked: which engine, which source, and the statement timeout. */
export interface EngineChoice {
  readonly engine: 'auto' | 'node' | 'duckdb';
  /** `--source`: a DuckDB file (csv, Parquet, .duckdb) or a PostgreSQL URL. */
  readonly source?:
    { readonly kind: 'duckdb'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly table?: string;
  readonly query?: string;
  readonly timeoutMs?: number;
  readonly explain: boolean;
}

/**
 * Reads the engine flags.
 * @throws UsageError for an unknown engine or source, --table with --query, a bad timeout, or --table/--query without --source.
 */
export function engineFromFlags(
  values: {
    readonly engine?: string;
    readonly source?: string;
    readonly table?: string;
    readonly query?: string;
    readonly 'statement-timeout'?: string;
    readonly explain?: boolean;
  },
  names: { readonly source: string; readonly 'statement-timeout': string } = {
    source: '--source',
    'statement-timeout': '--statement-timeout',
  },
): EngineChoice {
  const engine = chooseFlag('engine', values.engine, ['auto', 'node', 'duckdb'] as const) ?? 'auto';
  let source: EngineChoice['source'];
  if (values.source !== undefined) {
    if (/^postgres(ql)?:\/\//i.test(values.source)) source = { kind: 'postgres', url: values.source };
    else if (values.source.startsWith('duckdb:') && values.source.length > 7)
      source = { kind: 'duckdb', path: values.source.slice(7) };
    else throw new UsageError({ key: 'cli.usage.source-form', params: { flag: names.source, value: values.source } });
    if (engine === 'node') throw new UsageError({ key: 'cli.usage.engine-node-source' });
  }
  if (values.table !== undefined && values.query !== undefined)
    throw new UsageError({ key: 'cli.usage.segment-table-and-query' });
  if ((values.table !== undefined || values.query !== undefined) && source === undefined)
    throw new UsageError({ key: 'cli.usage.segment-needs-source' });
  let timeoutMs: number | undefined;
  if (values['statement-timeout'] !== undefined) {
    timeoutMs = Number(values['statement-timeout']);
    if (!(Number.isInteger(timeoutMs) && timeoutMs >= 1))
      throw new UsageError({
        key: 'cli.usage.statement-timeout',
        params: { flag: names['statement-timeout'], value: values['statement-timeout'] },
      });
  }
  return {
    engine,
    ...(source ? { source } : {}),
    ...(values.table !== undefined ? { table: values.table } : {}),
    ...(values.query !== undefined ? { query: values.query } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    explain: values.explain === true,
  };
}

/** The English help lines of SEGMENT_FLAGS (the commands' --help renders them in the user's locale: cli/render-help.ts). */
export const SEGMENT_FLAGS_HELP = describeSegmentFlags('en');

type FlagValues = { readonly [K in keyof typeof SEGMENT_FLAGS]?: string };

/** `value` if it is one of `allowed`, else a usage error naming the flag. */
export function chooseFlag<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new UsageError({ key: 'cli.usage.one-of', params: { flag: name, allowed, value } });
  return value as T;
}

const CHURN_MODEL_NAMES = ['rules', 'cadence', 'bg-nbd', 'mbg-nbd', 'gbdt'] as const;

/** `--horizon` and `--churn-models` as the engine's `churn` option (left out when neither is given). */
function churnFromFlags(values: FlagValues): Pick<SegmentOptionsInput, 'churn'> {
  if (values.horizon === undefined && values['churn-models'] === undefined) return {};
  const horizonDays = values.horizon === undefined ? undefined : Number(values.horizon);
  if (horizonDays !== undefined && !(Number.isInteger(horizonDays) && horizonDays >= 7 && horizonDays <= 3650))
    throw new UsageError({ key: 'cli.usage.horizon', params: { value: values.horizon ?? '' } });
  const list = values['churn-models'];
  if (list === 'off') return { churn: { enabled: false, ...(horizonDays !== undefined ? { horizonDays } : {}) } };
  const models = list === undefined ? undefined : list.split(',').map((m) => m.trim());
  for (const model of models ?? []) chooseFlag('churn-models', model, CHURN_MODEL_NAMES);
  return {
    churn: {
      ...(horizonDays !== undefined ? { horizonDays } : {}),
      ...(models ? { models: models as (typeof CHURN_MODEL_NAMES)[number][] } : {}),
    },
  };
}

/** Reads `--config`: JSON or YAML by extension (content validated by the engine). */
async function readConfig(path: string): Promise<unknown> {
  const ext = extname(path).toLowerCase();
  const format = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
  if (!format) throw new UsageError({ key: 'cli.usage.config-type', params: { path } });
  return parseConfigText(await readFile(path, 'utf8'), format);
}

/**
 * The engine options of the shared flags; unset flags are left out so the
 * engine's defaults apply.
 * @throws UsageError for a malformed flag; ConfigError for a config file that does not parse.
 */
export async function segmentOptionsFromFlags(
  values: FlagValues,
  io: ConsoleIo,
): Promise<{ options: SegmentOptionsInput; locale: Locale }> {
  const mapping = parseMapping(values.map);
  if ('error' in mapping) throw new UsageError(mapping.error);
  // --locale, then the environment's LANG/LC_ALL (issue 14), then en.
  const locale = chooseFlag('locale', values.locale, ['en', 'zh-CN'] as const) ?? localeFromEnvironment(process.env);
  let window: 'all' | number | undefined;
  if (values.window !== undefined) {
    window = values.window === 'all' ? 'all' : Number(values.window);
    if (window !== 'all' && !(Number.isInteger(window) && window >= 1 && window <= 120))
      throw new UsageError({ key: 'cli.usage.window', params: { value: values.window } });
  }
  let k: 'auto' | number | undefined;
  if (values.k !== undefined) {
    k = values.k === 'auto' ? 'auto' : Number(values.k);
    if (k !== 'auto' && !(Number.isInteger(k) && k >= 2 && k <= 20))
      throw new UsageError({ key: 'cli.usage.k', params: { value: values.k } });
  }
  const scheme = values.scheme;
  if (scheme !== undefined && !parseSchemeId(scheme))
    throw new UsageError({
      key: 'cli.usage.one-of',
      params: { flag: 'scheme', allowed: SCHEME_IDS, value: scheme },
    });
  const options: SegmentOptionsInput = {
    scheme,
    k,
    config: values.config === undefined ? undefined : await readConfig(values.config),
    asOf: values['as-of'],
    today: values.today ?? todayOf(io),
    dateFloor: values['date-floor'],
    decimal: chooseFlag('decimal', values.decimal, ['auto', '.', ','] as const),
    locale,
    mapping: mapping.mapping,
    shape: chooseFlag('shape', values.shape, ['auto', 'customers', 'transactions'] as const),
    frequencyBy: chooseFlag('frequency-by', values['frequency-by'], ['day', 'order'] as const),
    refunds: chooseFlag('refunds', values.refunds, ['net', 'exclude'] as const),
    ...(values.currency !== undefined ? { currency: values.currency } : {}),
    dateOrder: chooseFlag('date-order', values['date-order'], ['auto', 'dmy', 'mdy'] as const),
    window,
    ...churnFromFlags(values),
  };
  for (const key of Object.keys(options) as (keyof SegmentOptionsInput)[])
    if (options[key] === undefined) delete options[key];
  return { options, locale };
}
