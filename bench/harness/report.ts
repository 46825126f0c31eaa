import type { Benchmark, Measurement } from './benchmarks.js';
import { TARGETS } from './benchmarks.js';
import type { MachineFacts } from './machine.js';

/** The `--json` line of one benchmark; the first six keys are the contract. */
export interface BenchmarkRecord {
  readonly name: string;
  readonly rows: number;
  readonly oursSeconds: number;
  readonly referenceSeconds: number;
  /** ours ÷ reference; lower is better. */
  readonly ratio: number;
  /** Our process's peak RSS in MiB. */
  readonly peakMemoryMB: number;
  readonly referencePeakMemoryMB: number;
  readonly customers: number;
  /** Runs per side; the figures are each side's median run. */
  readonly repeats: number;
  readonly timing: { readonly ours: string; readonly reference: string };
  readonly phases: {
    readonly ours: Readonly<Record<string, number>>;
    readonly reference: Readonly<Record<string, number>>;
  };
  /** Whole-process wall time, start-up included (not used for the ratio). */
  readonly wallSeconds: { readonly ours: number; readonly reference: number };
  readonly targets: { readonly ratio: number; readonly peakMemoryMB: number };
  readonly meetsTargets: { readonly ratio: boolean; readonly peakMemory: boolean };
  readonly mismatches: readonly string[];
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const roundAll = (phases: Readonly<Record<string, number>> = {}) =>
  Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v, 3)]));

export function toRecord(m: Measurement): BenchmarkRecord {
  const ratio = m.ours.report.seconds / m.reference.report.seconds;
  return {
    name: m.name,
    rows: m.rows,
    oursSeconds: round(m.ours.report.seconds, 3),
    referenceSeconds: round(m.reference.report.seconds, 3),
    ratio: round(ratio, 3),
    peakMemoryMB: round(m.ours.report.peakMemoryMB, 1),
    referencePeakMemoryMB: round(m.reference.report.peakMemoryMB, 1),
    customers: m.ours.report.customers,
    repeats: m.repeats,
    timing: { ours: m.ours.report.timing, reference: m.reference.report.timing },
    phases: { ours: roundAll(m.ours.report.phases), reference: roundAll(m.reference.report.phases) },
    wallSeconds: { ours: round(m.ours.wallSeconds, 3), reference: round(m.reference.wallSeconds, 3) },
    targets: m.targets,
    meetsTargets: { ratio: ratio <= m.targets.ratio, peakMemory: m.ours.report.peakMemoryMB < m.targets.peakMemoryMB },
    mismatches: m.mismatches,
  };
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const secs = (n: number): string => `${n.toFixed(2)} s`;
const phaseText = (phases: Readonly<Record<string, number>>): string =>
  Object.entries(phases)
    .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
    .join(' · ');
const mark = (ok: boolean): string => (ok ? 'met' : 'MISSED');

export function headerLines(facts: MachineFacts, rows: number, repeats: number): string[] {
  const lines = [
    'Tierline benchmarks',
    `  node ${facts.node} · Python ${facts.python}, pandas ${facts.pandas}, numpy ${facts.numpy}`,
    `  ${facts.cpus} CPUs (${facts.cpuModel}) · ${facts.memoryGiB} GiB RAM · ${facts.platform} · load average ${facts.loadAverage.toFixed(2)} at start`,
    `  ${int(rows)} transactions (--rows) · each side runs alone in its own process, one after the other${repeats > 1 ? `, ${repeats} times (median kept)` : ''};`,
    '  seconds exclude interpreter start-up and imports (process wall time shown for reference);',
    `  ratio = ours ÷ reference, lower is better · targets: ratio ≤ ${TARGETS.ratio.toFixed(2)}, our peak RSS < ${int(TARGETS.peakMemoryMB)} MB`,
  ];
  if (facts.loadAverage > facts.cpus / 2)
    lines.push(
      `  note: the machine is busy (load ${facts.loadAverage.toFixed(2)} on ${facts.cpus} CPUs): timings will be noisy`,
    );
  return lines;
}

export function resultLines(benchmark: Benchmark, record: BenchmarkRecord, checks: readonly string[]): string[] {
  const ref = benchmark.referenceName.padEnd(7);
  const lines = [
    `${record.name} · ${int(record.rows)} ${benchmark.unit}`,
    `  ours    ${secs(record.oursSeconds).padStart(9)}   peak ${int(record.peakMemoryMB).padStart(6)} MB   ${phaseText(record.phases.ours)}   (process ${secs(record.wallSeconds.ours)})`,
    `  ${ref} ${secs(record.referenceSeconds).padStart(9)}   peak ${int(record.referencePeakMemoryMB).padStart(6)} MB   ${phaseText(record.phases.reference)}   (process ${secs(record.wallSeconds.reference)})`,
    `  ratio   ${record.ratio.toFixed(2).padStart(9)}   target ≤ ${record.targets.ratio.toFixed(2)}: ${mark(record.meetsTargets.ratio)}`,
    `  memory  ${(int(record.peakMemoryMB) + ' MB').padStart(9)}   target < ${int(record.targets.peakMemoryMB)} MB: ${mark(record.meetsTargets.peakMemory)}`,
    `  timed   ours: ${benchmark.oursTimes}`,
    `          ${benchmark.referenceName}: ${benchmark.referenceTimes}`,
  ];
  if (checks.length > 0) lines.push(`  check   ${checks.join('; ')}`);
  for (const mismatch of record.mismatches) lines.push(`  WARNING mismatch: ${mismatch}`);
  return lines;
}

export function verdictLine(record: BenchmarkRecord): string {
  const ok = record.meetsTargets.ratio && record.meetsTargets.peakMemory && record.mismatches.length === 0;
  const ratio = `ratio ${record.ratio.toFixed(2)} ${record.meetsTargets.ratio ? '≤' : '>'} ${record.targets.ratio.toFixed(2)}`;
  const memory = `peak ${int(record.peakMemoryMB)} MB ${record.meetsTargets.peakMemory ? '<' : '≥'} ${int(record.targets.peakMemoryMB)} MB`;
  const agreement =
    record.mismatches.length === 0
      ? ''
      : `, ${record.mismatches.length} mismatch${record.mismatches.length === 1 ? '' : 'es'} with the reference`;
  return `  ${record.name.padEnd(24)} ${ok ? 'PASS' : 'FAIL'}  ${ratio}, ${memory}${agreement}`;
}
