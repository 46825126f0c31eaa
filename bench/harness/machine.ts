import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { PYTHON } from '../paths.js';

export interface MachineFacts {
  readonly node: string;
  readonly python: string;
  readonly pandas: string;
  readonly numpy: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly platform: string;
  /** 1-minute load average when the suite started: other work on the machine skews both sides. */
  readonly loadAverage: number;
}

/**
 * Versions and hardware the numbers depend on. Asks the reference
 * interpreter for its pandas version.
 * @throws Error when that interpreter has no pandas (with the fix).
 */
export function machineFacts(): MachineFacts {
  let versions: { python: string; pandas: string; numpy: string };
  try {
    const probe =
      'import json, platform, pandas, numpy; print(json.dumps({"python": platform.python_version(), "pandas": pandas.__version__, "numpy": numpy.__version__}))';
    versions = JSON.parse(
      execFileSync(PYTHON, ['-c', probe], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    ) as typeof versions;
  } catch (error) {
    throw new Error(
      `the reference needs pandas under ${PYTHON} (apt-get install -y python3-pandas, or set TIERLINE_BENCH_PYTHON): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  return {
    node: process.version,
    ...versions,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg()[0] ?? 0,
  };
}
