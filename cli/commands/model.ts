import {
  assessReliability,
  buildLifetimeSummary,
  churnEventsFromFeatures,
  type ChurnPrediction,
  type CleaningReport,
  createSegmenter,
  type CustomerFeatures,
  DataValidationError,
  evaluateHoldout,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  type FittedGammaGamma,
  formatCodedError,
  formatNote,
  type FittedTransactionModel,
  type HoldoutEvaluation,
  label,
  type LabelKey,
  LifetimeModelError,
  type LifetimeSummary,
  parseDay,
  predictChurn,
  rankAuc,
  type Reliability,
  renderMessage,
  type Segmenter,
  type SegmentOptionsInput,
  type TimeUnit,
} from '../../core/index.js';
import { EXIT, todayOf, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { formatTable } from '../format-table.js';
import { parseMapping } from '../parse-mapping.js';
import { readInput } from '../read-segmented.js';
import { SOURCE_FLAGS, sourceFromFlags, type RowSource } from '../read-source.js';
import type { TableSink } from '../../io/index.js';
import { localeForErrors } from '../choose-locale.js';
import { renderHelp } from '../render-help.js';
import type { Locale } from '../../core/index.js';

/** This command's --help in `locale` (cli.help.model in the catalogue). */
export const MODEL_HELP = (locale: Locale): string => renderHelp('model', locale);

const OPTIONS = {
  'calibration-end': { type: 'string' },
  'holdout-end': { type: 'string' },
  unit: { type: 'string' },
  format: { type: 'string' },
  map: { type: 'string' },
  today: { type: 'string' },
  locale: { type: 'string' },
  ...SOURCE_FLAGS,
  help: { type: 'boolean', short: 'h' },
} as const;

function toDay(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const day = parseDay(value);
  if (day === undefined) throw new UsageError({ key: 'cli.usage.date', params: { flag, value } });
  return day;
}

/** Reads a transaction file (or a --source's rows, issue 12) keeping each customer's purchase days. */
async function readPurchases(
  file: string,
  options: SegmentOptionsInput,
  source?: RowSource,
): Promise<{ run: Segmenter }> {
  let run: Segmenter | undefined;
  const sink: TableSink = {
    header: (cells, rowNumber) => {
      run = createSegmenter(
        cells,
        { ...options, shape: 'transactions' },
        { headerRow: rowNumber, keepPurchaseDays: true },
      );
    },
    rows: (batch, first) => run!.addRows(batch, first),
  };
  await (source ? source.readRows(sink) : readInput(file, sink));
  if (!run)
    throw new DataValidationError([
      { code: 'empty-file', row: 0, column: '', value: file, message: `${file} has no header row.` },
    ]);
  return { run };
}

/**
 * The churn back-test of \`segment\` with the holdout as its test window:
 * as of the day after the holdout end, horizon = holdout end − calibration end.
 * @throws UsageError when the holdout is shorter than the 7-day minimum horizon.
 */
function backtestChurn(features: CustomerFeatures, calibrationEndDay: number, holdoutEndDay: number): ChurnPrediction {
  const horizonDays = holdoutEndDay - calibrationEndDay;
  if (horizonDays < 7) throw new UsageError({ key: 'cli.usage.holdout-horizon', params: { days: horizonDays } });
  return predictChurn({ ...churnEventsFromFeatures(features), asOfDay: holdoutEndDay + 1 }, { horizonDays });
}

const fixed = (x: number, digits = 4): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');

function parametersJson(fit: FittedTransactionModel | FittedGammaGamma): Record<string, number | boolean> {
  return { ...fit.params, logLikelihood: fit.logLikelihood, converged: fit.converged };
}

function parameterRows(name: string, fit: FittedTransactionModel | FittedGammaGamma): string[][] {
  return fit.parameterNames.map((p, i) => [
    i === 0 ? name : '',
    p,
    fixed((fit.params as Record<string, number>)[p]!),
    fixed((fit.standardErrors as Record<string, number>)[p]!),
    i === 0 ? fixed(fit.logLikelihood, 1) : '',
  ]);
}

/** The data line: customers, repeat buyers, the time unit and the cleaning counts (a zh-CN reader sees each issue's name, not its code). */
function summaryLine(input: string, summary: LifetimeSummary, report: CleaningReport, locale: Locale): string {
  const repeat = summary.frequency.reduce((n, x) => n + (x > 0 ? 1 : 0), 0);
  const counts = Object.entries(report.counts)
    .map(([code, n]) => `${locale === 'en' ? code : label(`issue.${code}` as LabelKey, locale)} ${n}`)
    .join(locale === 'en' ? ', ' : '，');
  return label('cli.model.summary', locale, {
    file: input,
    customers: summary.count.toLocaleString('en-US'),
    repeat: repeat.toLocaleString('en-US'),
    unit: unitText(summary.unit, locale),
    counts: counts || label('summary.no-issues', locale),
  });
}

const unitText = (unit: TimeUnit, locale: Locale): string => label(`cli.model.unit.${unit}`, locale);

/** The reliability verdict, and why not, one reason a line. */
function reliabilityLines(reliability: Reliability, locale: Locale): string[] {
  if (reliability.reliable) return [label('cli.model.reliable', locale)];
  return [
    label('cli.model.unreliable', locale),
    ...reliability.reasons.map((r) => `  ${renderMessage(r.text, locale)}`),
  ];
}

/**
 * `tierline model fit|evaluate`: fits BG/NBD, MBG/NBD and Gamma-Gamma.
 * @returns the exit code.
 */
export async function runModel(argv: readonly string[], io: ConsoleIo): Promise<number> {
  try {
    return await model(argv, io);
  } catch (error) {
    // Data too thin or degenerate for a model is bad data (exit 2), said plainly.
    if (!(error instanceof LifetimeModelError)) throw error;
    io.err(`tierline: ${formatCodedError(error, localeForErrors(argv, process.env))}\n`);
    return EXIT.data;
  }
}

async function model(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h') {
    io.out(MODEL_HELP(localeForErrors(argv, process.env)));
    return action === undefined ? EXIT.usage : EXIT.ok;
  }
  if (action !== 'fit' && action !== 'evaluate')
    throw new UsageError({ key: 'cli.usage.model-action', params: { action } });
  const { values, positionals } = parseCommandArgs(rest, OPTIONS);
  if (values.help) {
    io.out(MODEL_HELP(localeForErrors(argv, process.env)));
    return EXIT.ok;
  }
  const source = sourceFromFlags(values, positionals, `model ${action}`);
  if (!source && positionals.length !== 1) throw new UsageError({ key: 'cli.usage.model-file', params: { action } });
  // What the output names as the input: the file, or the source (password redacted).
  const input = source?.name ?? positionals[0]!;
  const calibrationEndDay = toDay('calibration-end', values['calibration-end']);
  if (calibrationEndDay === undefined)
    throw new UsageError({ key: 'cli.usage.model-calibration-end', params: { action } });
  const holdoutEndDay = toDay('holdout-end', values['holdout-end']);
  if (action === 'evaluate' && holdoutEndDay === undefined)
    throw new UsageError({ key: 'cli.usage.model-holdout-end' });
  if (holdoutEndDay !== undefined && holdoutEndDay <= calibrationEndDay)
    throw new UsageError({ key: 'cli.usage.holdout-after' });
  const unit = (values.unit ?? 'weeks') as TimeUnit;
  if (unit !== 'days' && unit !== 'weeks')
    throw new UsageError({ key: 'cli.usage.model-unit', params: { value: unit } });
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageError({ key: 'cli.usage.model-format', params: { value: format } });
  const mapping = parseMapping(values.map);
  if ('error' in mapping) throw new UsageError(mapping.error);

  const { run } = await readPurchases(input, { mapping: mapping.mapping, today: values.today ?? todayOf(io) }, source);
  const result = run.finish();
  const summary = buildLifetimeSummary(result.features.purchaseDays!, result.features.ids, {
    calibrationEndDay,
    unit,
    ...(holdoutEndDay !== undefined ? { observationEndDay: holdoutEndDay } : {}),
  });
  const bgnbd = fitBgNbd(summary);
  const mbgnbd = fitMbgNbd(summary);
  let gammaGamma: FittedGammaGamma | undefined;
  let spendProblem: string | undefined;
  let spendError: LifetimeModelError | undefined;
  try {
    gammaGamma = fitGammaGamma(summary);
  } catch (error) {
    if (!(error instanceof LifetimeModelError)) throw error;
    spendProblem = error.message;
    spendError = error;
  }
  // The tables and lines below are in the user's language (--locale, else the environment's; issue 14).
  const locale = localeForErrors(argv, process.env);
  const L = (key: LabelKey): string => label(key, locale);
  const reliability = assessReliability(summary, [bgnbd, mbgnbd, ...(gammaGamma ? [gammaGamma] : [])]);

  if (action === 'fit') {
    if (format === 'json') {
      io.out(
        JSON.stringify({
          bgnbd: parametersJson(bgnbd),
          mbgnbd: parametersJson(mbgnbd),
          gammaGamma: gammaGamma ? parametersJson(gammaGamma) : null,
          customers: summary.count,
          unit,
          reliable: reliability.reliable,
          reasons: reliability.reasons.map((r) => r.message),
          ...(spendProblem ? { gammaGammaError: spendProblem } : {}),
        }) + '\n',
      );
      return EXIT.ok;
    }
    const rows = [
      ...parameterRows('BG/NBD', bgnbd),
      ...parameterRows('MBG/NBD', mbgnbd),
      ...(gammaGamma ? parameterRows('Gamma-Gamma', gammaGamma) : []),
    ];
    const header = [
      L('cli.model.column.model'),
      L('cli.model.column.parameter'),
      L('cli.model.column.estimate'),
      L('cli.model.column.std-error'),
      L('cli.model.column.log-likelihood'),
    ];
    io.out(
      `${summaryLine(input, summary, result.report, locale)}\n\n${formatTable(header, rows, new Set([2, 3, 4]))}\n`,
    );
    if (spendError)
      io.out(
        `\n${label('cli.model.gamma-gamma-not-fitted', locale, { reason: formatCodedError(spendError, locale) })}\n`,
      );
    io.out(`\n${reliabilityLines(reliability, locale).join('\n')}\n`);
    return EXIT.ok;
  }

  const evaluations: HoldoutEvaluation[] = [evaluateHoldout(summary, bgnbd), evaluateHoldout(summary, mbgnbd)];
  const churn = backtestChurn(result.features, calibrationEndDay, holdoutEndDay!);
  const candidates = churn.candidates.map((c) => ({
    name: c.name,
    auc: c.auc,
    precisionAt20: c.precisionAt20,
    baseRate: c.baseRate,
    status: c.status,
    reason: c.reason,
  }));
  // BG/NBD gives every one-time buyer P(alive) = 1, so its P(alive) ranks them
  // first; the expected-purchases ranking is shown beside it for that reason.
  const boughtAgain = summary.holdoutFrequency!.map((x) => (x > 0 ? 1 : 0));
  const expectedAuc = evaluations.map((e) => rankAuc(e.predicted, boughtAgain));
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          customers: summary.count,
          unit,
          holdoutLength: summary.holdoutLength,
          models: candidates,
          selected: churn.selected,
          horizonDays: churn.horizonDays,
          holdout: evaluations.map((e, i) => ({
            model: e.model,
            actual: e.totals.actual,
            predicted: e.totals.predicted,
            mae: e.mae,
            auc: e.auc,
            aucExpectedPurchases: expectedAuc[i],
            holdoutBuyers: e.holdoutBuyers,
            buckets: e.buckets,
          })),
          reliable: reliability.reliable,
          reasons: reliability.reasons.map((r) => r.message),
        },
        (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
      ) + '\n',
    );
    return EXIT.ok;
  }
  const lines = [
    summaryLine(input, summary, result.report, locale),
    label('cli.model.holdout', locale, {
      length: fixed(summary.holdoutLength ?? Number.NaN, 2),
      unit: unitText(unit, locale),
      date: values['calibration-end']!,
    }),
  ];
  for (const [i, e] of evaluations.entries()) {
    lines.push(
      '',
      label('cli.model.holdout-totals', locale, {
        model: label(`churn.model.${e.model}`, locale),
        predicted: fixed(e.totals.predicted, 1),
        actual: e.totals.actual,
        mae: fixed(e.mae),
      }),
    );
    lines.push(
      label('cli.model.holdout-auc', locale, {
        buyers: e.holdoutBuyers,
        alive: fixed(e.auc, 3),
        expected: fixed(expectedAuc[i]!, 3),
      }),
    );
    lines.push(
      formatTable(
        [
          L('cli.model.column.calibration-purchases'),
          L('cli.model.column.customers'),
          L('cli.model.column.actual-mean'),
          L('cli.model.column.predicted-mean'),
        ],
        e.buckets.map((b) => [b.label, String(b.customers), fixed(b.actualMean, 3), fixed(b.predictedMean, 3)]),
        new Set([1, 2, 3]),
      ),
    );
  }
  if (!reliability.reliable) lines.push('', ...reliabilityLines(reliability, locale));
  lines.push(
    '',
    label('cli.model.churn-candidates', locale, {
      horizon: churn.horizonDays,
      from: values['calibration-end']!,
      to: values['holdout-end']!,
    }),
  );
  // English keeps the model ids and reasons it always printed (scripts match them); other locales read names.
  const modelName = (name: string): string =>
    locale === 'en' ? name : label(`churn.model.${name}` as LabelKey, locale);
  lines.push(
    formatTable(
      [
        L('cli.model.column.model'),
        L('cli.model.column.auc'),
        L('cli.model.column.precision-top-20'),
        L('cli.model.column.base-rate'),
        L('cli.model.column.status'),
        L('cli.model.column.reason'),
      ],
      churn.candidates.map((c) => [
        modelName(c.name),
        fixed(c.auc, 3),
        fixed(c.precisionAt20, 2),
        fixed(c.baseRate, 2),
        label(`churn.status.${c.status}`, locale),
        c.reasonText ? renderMessage(c.reasonText, locale) : locale === 'en' ? c.reason : '',
      ]),
      new Set([1, 2, 3]),
    ),
  );
  const because = churn.fallback
    ? churn.notes.find(
        (n) =>
          n.code !== 'fallback' &&
          n.code !== 'refunds-ignored' &&
          n.code !== 'future-ignored' &&
          n.code !== 'never-bought',
      )
    : undefined;
  const selected = modelName(churn.selected);
  lines.push(
    churn.fallback
      ? label('cli.model.selected-because', locale, {
          model: selected,
          reason: because ? formatNote(because, locale) : L('cli.model.fallback'),
        })
      : label('cli.model.selected', locale, { model: selected }),
  );
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}
