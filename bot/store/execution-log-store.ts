/** The execution log (SPEC Template 3) and snoozes: what owners did about a customer. */

/** SPEC Template 3 维护执行记录表: one row per contact. */
export interface ExecutionLogEntry {
  readonly id: number;
  /** 执行日期 YYYY-MM-DD. */
  readonly date: string;
  readonly customerId: string;
  readonly owner: string | null;
  /** 执行人: the Slack user who logged it. */
  readonly executor: string;
  readonly action: string;
  readonly feedback: string;
  readonly result: 'success' | 'follow-up';
  readonly createdAt: string;
}

/** Logged contacts and snoozes. */
export interface ExecutionLogStore {
  addExecutionLog(entry: Omit<ExecutionLogEntry, 'id'>): Promise<ExecutionLogEntry>;
  executionLog(filter: {
    readonly owner?: string;
    readonly customerId?: string;
    readonly since?: string;
  }): Promise<ExecutionLogEntry[]>;

  snooze(customerId: string, owner: string | null, until: string, by: string): Promise<void>;
  snoozedUntil(customerId: string): Promise<string | undefined>;
}
