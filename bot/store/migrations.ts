import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many
 * ran. Append only: a released migration is never edited, so every store file
 * reaches the same schema whatever version it started from.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: snapshots, customers, owner mapping, roles, subscriptions, digest runs, execution log, snoozes.
  `
  CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    source TEXT NOT NULL,
    scheme TEXT NOT NULL,
    segments TEXT NOT NULL,
    segment_labels TEXT NOT NULL,
    churn_source TEXT NOT NULL CHECK (churn_source IN ('model', 'spec-rule')),
    customer_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE customers (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    customer_id TEXT NOT NULL,
    name TEXT,
    company TEXT,
    owner TEXT,
    segment INTEGER NOT NULL,
    recency_days REAL,
    frequency REAL,
    monetary REAL,
    aov REAL,
    last_purchase TEXT,
    churn_risk INTEGER NOT NULL,
    churn_reason_en TEXT,
    churn_reason_zh TEXT,
    churn_probability REAL,
    value_at_risk REAL,
    -- What churn lists sort by: value at risk with a reliable model, else spend.
    rank_value REAL NOT NULL,
    strategy_group TEXT,
    due_date TEXT,
    PRIMARY KEY (snapshot_id, customer_id)
  ) WITHOUT ROWID;
  CREATE INDEX customers_owner_churn ON customers (snapshot_id, owner, churn_risk, rank_value DESC, customer_id);
  CREATE INDEX customers_churn ON customers (snapshot_id, churn_risk, rank_value DESC, customer_id);
  CREATE INDEX customers_owner_segment ON customers (snapshot_id, owner, segment, rank_value DESC, customer_id);
  CREATE INDEX customers_segment ON customers (snapshot_id, segment, rank_value DESC, customer_id);
  CREATE TABLE owners (
    owner TEXT PRIMARY KEY,
    slack_user_id TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('manual', 'email'))
  );
  CREATE INDEX owners_slack ON owners (slack_user_id);
  CREATE TABLE roles (
    slack_user_id TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('manager', 'admin'))
  );
  CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    cron TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    scope_kind TEXT NOT NULL CHECK (scope_kind IN ('all', 'owner')),
    scope_owner TEXT,
    locale TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE digest_runs (
    subscription_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
    claimed_by TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    posted_at TEXT,
    message_ts TEXT,
    attempts INTEGER NOT NULL DEFAULT 1,
    error TEXT,
    PRIMARY KEY (subscription_id, period)
  );
  CREATE TABLE execution_log (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    owner TEXT,
    executor TEXT NOT NULL,
    action TEXT NOT NULL,
    feedback TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('success', 'follow-up')),
    created_at TEXT NOT NULL
  );
  CREATE INDEX execution_log_owner ON execution_log (owner, date);
  CREATE INDEX execution_log_customer ON execution_log (customer_id, date);
  CREATE TABLE snoozes (
    customer_id TEXT PRIMARY KEY,
    owner TEXT,
    until TEXT NOT NULL,
    snoozed_by TEXT NOT NULL
  );
  `,
  // 2: the digest's columns per snapshot, one row of blobs. Snapshot rows never
  // change after import, and reading 1M rows one by one into JS costs ~3 s;
  // these blobs cost ~0.1 s (issue 6: digest of 1M customers < 5 s).
  `
  CREATE TABLE snapshot_columns (
    snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots(id) ON DELETE CASCADE,
    ids TEXT NOT NULL,
    owners TEXT NOT NULL,
    owner_index BLOB NOT NULL,
    segment BLOB NOT NULL,
    churn BLOB NOT NULL,
    recency BLOB NOT NULL,
    monetary BLOB NOT NULL
  );
  `,
  // 3: one churn truth (issue 11). Per snapshot the ranking model's evidence,
  // the definition of "at risk" in both locales and the currency; per customer
  // the expected loss. Older snapshots keep NULLs and read as before.
  `
  ALTER TABLE snapshots ADD COLUMN churn_model TEXT;
  ALTER TABLE snapshots ADD COLUMN churn_horizon_days INTEGER;
  ALTER TABLE snapshots ADD COLUMN churn_threshold REAL;
  ALTER TABLE snapshots ADD COLUMN churn_auc REAL;
  ALTER TABLE snapshots ADD COLUMN churn_precision_at_20 REAL;
  ALTER TABLE snapshots ADD COLUMN churn_base_rate REAL;
  ALTER TABLE snapshots ADD COLUMN churn_definition_en TEXT;
  ALTER TABLE snapshots ADD COLUMN churn_definition_zh TEXT;
  ALTER TABLE snapshots ADD COLUMN currency_code TEXT;
  ALTER TABLE snapshots ADD COLUMN currency_symbol TEXT;
  ALTER TABLE customers ADD COLUMN expected_loss REAL;
  CREATE INDEX customers_owner_churn_probability ON customers (snapshot_id, owner, churn_risk, churn_probability DESC);
  CREATE INDEX customers_churn_probability ON customers (snapshot_id, churn_risk, churn_probability DESC);
  `,
  // 4: Slack installations ("Add to Slack", OAuth mode): one row per workspace or
  // org-wide install, Bolt's record as JSON (it holds the bot token: a secret).
  `
  CREATE TABLE installations (
    key TEXT PRIMARY KEY,
    team_id TEXT,
    enterprise_id TEXT,
    installation TEXT NOT NULL,
    installed_at TEXT NOT NULL
  );
  `,
  // 5: the workspace a digest subscription was made in, so OAuth mode posts it
  // with that workspace's bot token (NULL: made in token mode, or before this).
  `
  ALTER TABLE subscriptions ADD COLUMN team_id TEXT;
  ALTER TABLE subscriptions ADD COLUMN enterprise_id TEXT;
  `,
];

/**
 * Brings `db` to the newest schema, one transaction per migration.
 * @throws Error `store-too-new` when the file was written by a newer Tierline.
 */
export function applyMigrations(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw Object.assign(
      new Error(`The store was written by a newer Tierline (schema ${current}; this one knows ${MIGRATIONS.length}).`),
      { code: 'store-too-new' },
    );
  }
  // Version read inside each write transaction: two processes opening a new
  // file at once must not both run the same migration.
  for (;;) {
    const done = db
      .transaction(() => {
        const version = db.pragma('user_version', { simple: true }) as number;
        if (version >= MIGRATIONS.length) return true;
        db.exec(MIGRATIONS[version]!);
        db.pragma(`user_version = ${version + 1}`);
        return false;
      })
      .immediate();
    if (done) break;
  }
  return MIGRATIONS.length;
}
