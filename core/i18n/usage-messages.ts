/**
 * The `tierline` command's usage errors (issue 14: one catalogue), raised as
 * UsageError with a Message and rendered in the user's locale by
 * cli/report-error.ts. The English is what the CLI (and Node's parseArgs)
 * printed before the move, so scripts and tests that match it keep working.
 */
export const USAGE_MESSAGES = {
  // cli/main.ts
  'cli.usage.unknown-command': [
    'unknown command "{command}"; commands: {commands}, help.',
    '未知命令 "{command}"；可用命令：{commands}、help。',
  ],
  'cli.usage.help-unknown-command': [
    'help: unknown command "{command}"; commands: {commands}.',
    'help：未知命令 "{command}"；可用命令：{commands}。',
  ],
  // cli/parse-command.ts (Node's parseArgs errors, by code)
  'cli.usage.unknown-option': [
    "Unknown option '{option}'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"{option}\"",
    "未知选项 '{option}'。以 '-' 开头的位置参数请放在命令末尾的 '--' 之后，例如 '-- \"{option}\"'。",
  ],
  'cli.usage.option-missing-value': ["Option '{option} <value>' argument missing", "选项 '{option}' 缺少取值"],
  'cli.usage.option-ambiguous': [
    "Option '{option}' argument is ambiguous.\nDid you forget to specify the option argument for '{option}'?\nTo specify an option argument starting with a dash use '{option}=-XYZ'.",
    "选项 '{option}' 的取值有歧义。\n是否忘了给 '{option}' 指定取值？\n取值以 '-' 开头时请写成 '{option}=-XYZ'。",
  ],
  'cli.usage.unexpected-argument': [
    "Unexpected argument '{argument}'. This command does not take positional arguments",
    "多余的参数 '{argument}'。此命令不接受位置参数",
  ],
  // cli/segment-flags.ts, cli/commands/*.ts
  // cli/commands/{bot,ask,digest}.ts
  'cli.usage.bot-oauth-incomplete': [
    'bot: OAuth mode needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.',
    'bot：OAuth 模式（“添加到 Slack”）需要同时设置 SLACK_CLIENT_ID、SLACK_CLIENT_SECRET 和 SLACK_STATE_SECRET。',
  ],
  'cli.usage.bot-oauth-socket': [
    'bot: OAuth mode ("Add to Slack") runs over HTTP; unset SLACK_APP_TOKEN.',
    'bot：OAuth 模式（“添加到 Slack”）通过 HTTP 运行；请取消设置 SLACK_APP_TOKEN。',
  ],
  'cli.usage.bot-credentials': [
    'bot: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (one workspace), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (Add to Slack) (see bot/README.md).',
    'bot：请设置 SLACK_SIGNING_SECRET 和 SLACK_BOT_TOKEN（单个工作区），或 SLACK_CLIENT_ID、SLACK_CLIENT_SECRET 和 SLACK_STATE_SECRET（“添加到 Slack”）（见 bot/README.md）。',
  ],
  'cli.usage.port': ['--port must be a port number; got "{value}".', '--port 必须是端口号；实际为 "{value}"。'],
  'cli.usage.import-schedule': ['--import-schedule: {reason}', '--import-schedule 无效：{reason}'],
  'cli.usage.time-zone': [
    'TIERLINE_TIME_ZONE must be an IANA time zone like Asia/Shanghai; got "{value}".',
    'TIERLINE_TIME_ZONE 必须是 IANA 时区，例如 Asia/Shanghai；实际为 "{value}"。',
  ],
  'cli.usage.extra-argument': ['unexpected argument "{argument}".', '多余的参数 "{argument}"。'],
  'cli.usage.locale': [
    '--locale must be en or zh-CN; got "{value}".',
    '--locale 必须是 en 或 zh-CN；实际为 "{value}"。',
  ],
  'cli.usage.whole-number': [
    '{flag} must be a whole number ≥ 1; got "{value}".',
    '{flag} 必须是 ≥ 1 的整数；实际为 "{value}"。',
  ],
  'cli.usage.ask-who': [
    'ask: say who is asking: --as <owner> or --manager.',
    'ask：请说明提问者：--as <负责人> 或 --manager。',
  ],
  'cli.usage.ask-sort': [
    '--sort must be risk or value; got "{value}".',
    '--sort 必须是 risk 或 value；实际为 "{value}"。',
  ],
  'cli.usage.ask-format': [
    '--format must be text or json; got "{value}".',
    '--format 必须是 text 或 json；实际为 "{value}"。',
  ],
  'cli.usage.ask-limit': [
    '--limit caps an export: use it with --format json.',
    '--limit 用于限制导出条数：请与 --format json 一起使用。',
  ],
  'cli.usage.ask-json-churn': [
    '--format json exports the churn list; "{question}" is not a churn question (try "who is at churn risk").',
    '--format json 只导出流失名单；“{question}”不是流失问题（可以问“哪些客户有流失风险”）。',
  ],
  // cli/segment-flags.ts, cli/read-warehouse.ts
  'cli.usage.source-form': [
    '{flag} must be duckdb:<file.duckdb|file.parquet|file.csv> or postgres://…; got "{value}".',
    '{flag} 必须是 duckdb:<file.duckdb|file.parquet|file.csv> 或 postgres://…；实际为 "{value}"。',
  ],
  'cli.usage.segment-table-and-query': [
    '--table and --query both name what to read; give one.',
    '--table 和 --query 都指定要读取的内容，只能给出其中一个。',
  ],
  'cli.usage.segment-needs-source': [
    '--table and --query read a database: give --source duckdb:<file.duckdb> or postgres://….',
    '--table 和 --query 用于读取数据库：请给出 --source duckdb:<file.duckdb> 或 postgres://…。',
  ],
  'cli.usage.engine-node-source': [
    '--engine node reads files; --source is read by the SQL engine.',
    '--engine node 只读取文件；--source 由 SQL 引擎读取。',
  ],
  'cli.usage.statement-timeout': [
    '{flag} must be a whole number of milliseconds ≥ 1; got "{value}".',
    '{flag} 必须是 ≥ 1 的整数毫秒数；实际为 "{value}"。',
  ],
  'cli.usage.engine-node-file': [
    '--engine node reads csv and xlsx; {file} is read by --engine duckdb.',
    '--engine node 只读取 csv 和 xlsx；{file} 需用 --engine duckdb 读取。',
  ],
  'cli.usage.engine-duckdb-file': [
    '--engine duckdb reads csv, csv.gz and Parquet; {file} is read by --engine node.',
    '--engine duckdb 只读取 csv、csv.gz 和 Parquet；{file} 需用 --engine node 读取。',
  ],
  // cli/commands/report.ts
  'cli.usage.report-out': ['report: --out <file.html> is required.', 'report：必须给出 --out <file.html>。'],
  'cli.usage.previous-as-of': [
    '--previous-as-of {previous} must be before the analysis date {current}.',
    '--previous-as-of {previous} 必须早于分析日期 {current}。',
  ],
  // cli/commands/users.ts
  'cli.usage.digest-no-snapshot': [
    'the store has no snapshot yet; run tierline import <file> first.',
    '数据库里还没有快照；请先运行 tierline import <file>。',
  ],
  'cli.usage.users-token': [
    'users: matching by email calls Slack; set SLACK_BOT_TOKEN.',
    'users：按邮箱匹配需要调用 Slack；请设置 SLACK_BOT_TOKEN。',
  ],
  'cli.usage.users-role': [
    'users role: expected a Slack user id (U…) and manager, admin or none.',
    'users role：需要一个 Slack 用户 ID（U…）以及 manager、admin 或 none。',
  ],
  'cli.usage.users-map-empty': [
    'users map: expected "Owner name=U0123".',
    'users map：需要 "负责人姓名=U0123" 的形式。',
  ],
  'cli.usage.users-map-pair': [
    'users map: "{pair}" is not "Owner name=U0123".',
    'users map："{pair}" 不是 "负责人姓名=U0123" 的形式。',
  ],
  'cli.usage.users-map-target': [
    'users map: "{target}" is neither a Slack user id (U…) nor an email.',
    'users map："{target}" 既不是 Slack 用户 ID（U…）也不是邮箱。',
  ],
  'cli.usage.users-no-snapshot': [
    'users sync: no snapshot yet; run tierline import first.',
    'users sync：还没有快照；请先运行 tierline import。',
  ],
  'cli.usage.users-action': [
    'users: unknown action "{action}"; use map, sync, list or role.',
    'users：未知操作 "{action}"；请使用 map、sync、list 或 role。',
  ],
  'cli.usage.one-of': [
    '--{flag} must be one of {allowed}; got "{value}".',
    '--{flag} 必须是 {allowed} 之一；实际为 "{value}"。',
  ],
  'cli.usage.horizon': [
    '--horizon must be a whole number of days 7–3650; got "{value}".',
    '--horizon 必须是 7–3650 之间的整数天数；实际为 "{value}"。',
  ],
  'cli.usage.config-type': [
    '--config must be a .json, .yaml or .yml file; got "{path}".',
    '--config 必须是 .json、.yaml 或 .yml 文件；实际为 "{path}"。',
  ],
  'cli.usage.window': [
    '--window must be "all" or a number of months 1–120; got "{value}".',
    '--window 必须是 "all" 或 1–120 之间的月数；实际为 "{value}"。',
  ],
  'cli.usage.k': [
    '--k must be "auto" or a whole number 2–20; got "{value}".',
    '--k 必须是 "auto" 或 2–20 之间的整数；实际为 "{value}"。',
  ],
  'cli.usage.date': [
    '--{flag} must be a date written YYYY-MM-DD; got "{value}".',
    '--{flag} 必须是 YYYY-MM-DD 格式的日期；实际为 "{value}"。',
  ],
  'cli.usage.sheet-number': [
    '--sheet must be a sheet name or a number from 1 (the first sheet); got "{value}".',
    '--sheet 必须是工作表名称或从 1（第一个工作表）开始的序号；实际为 "{value}"。',
  ],
  'cli.usage.sheet-empty': [
    '--sheet must be a sheet name or a number from 1; got an empty name.',
    '--sheet 必须是工作表名称或从 1 开始的序号；实际为空名称。',
  ],
  'cli.usage.output-type': [
    '--{flag} {path}: name the output .csv or .xlsx.',
    '--{flag} {path}：输出文件请以 .csv 或 .xlsx 结尾。',
  ],
  // cli/commands/segment.ts, import.ts, ask.ts, digest.ts
  'cli.usage.missing-file': ['{command}: missing <file>.', '{command}：缺少 <file>。'],
  'cli.usage.one-file-got': [
    '{command}: one file expected, got {count}: {files}.',
    '{command}：只需要一个文件，实际给了 {count} 个：{files}。',
  ],
  'cli.usage.one-file-count': [
    '{command}: one file expected, got {count}.',
    '{command}：只需要一个文件，实际给了 {count} 个。',
  ],
  'cli.usage.ask-question': ['ask: missing the question.', 'ask：缺少问题。'],
  'cli.usage.digest-preview': [
    'digest: only --preview is available from the command line; the bot posts digests on schedule.',
    'digest：命令行只支持 --preview；简报由机器人按计划发送。',
  ],
  // cli/parse-mapping.ts, cli/read-segmented.ts
  'cli.usage.map-pair': [
    '--map: "{part}" is not field=header (e.g. --map "customerId=客户编号").',
    '--map："{part}" 不是 字段=表头 的形式（例如 --map "customerId=客户编号"）。',
  ],
  'cli.usage.map-field': [
    '--map: unknown field "{field}". Known fields: {fields}.',
    '--map：未知字段 "{field}"。可用字段：{fields}。',
  ],
  'cli.usage.sheet-not-xlsx': [
    '--sheet picks a sheet of an .xlsx workbook; {file} is not one (leave --sheet out).',
    '--sheet 用于选择 .xlsx 工作簿中的工作表；{file} 不是 .xlsx 工作簿（请去掉 --sheet）。',
  ],
  // cli/guard-output-paths.ts
  'cli.usage.output-is-input': [
    '{out} is the input {input}: writing it would destroy the source; choose another output name.',
    '{out} 就是输入文件 {input}：写入会破坏源数据；请换一个输出文件名。',
  ],
  'cli.usage.output-same-as-input': [
    '{out} is the same file as the input {input}: writing it would destroy the source; choose another output name.',
    '{out} 与输入文件 {input} 是同一个文件：写入会破坏源数据；请换一个输出文件名。',
  ],
  'cli.usage.output-same-as-output': [
    '{out} is the same file as {other}; give each output its own name.',
    '{out} 与 {other} 是同一个文件；请为每个输出文件取不同的名字。',
  ],
  // cli/read-source.ts (import, model: --source, issue 12)
  'cli.usage.source-and-file': [
    '{command}: give {fileArg} or {sourceFlag}, not both (got {file} and {sourceFlag}).',
    '{command}：请给出 {fileArg} 或 {sourceFlag} 其中之一，不要同时给出（实际给了 {file} 和 {sourceFlag}）。',
  ],
  'cli.usage.table-and-query': [
    '{command}: {tableFlag} and {queryFlag} both name what to read; give one.',
    '{command}：{tableFlag} 和 {queryFlag} 都指定要读取的内容，只能给出其中一个。',
  ],
  'cli.usage.needs-source': [
    '{command}: {flag} reads from a database: give {sourceFlag} duckdb:<file.duckdb> or postgres://….',
    '{command}：{flag} 用于从数据库读取：请同时给出 {sourceFlag} duckdb:<file.duckdb> 或 postgres://…。',
  ],
  // cli/commands/model.ts
  'cli.usage.model-action': [
    'model: unknown action "{action}"; use fit or evaluate.',
    'model：未知操作 "{action}"；请使用 fit 或 evaluate。',
  ],
  'cli.usage.model-file': [
    'model {action}: one transaction file expected.',
    'model {action}：需要且只需要一个交易文件。',
  ],
  'cli.usage.model-calibration-end': [
    'model {action}: --calibration-end is required.',
    'model {action}：必须提供 --calibration-end。',
  ],
  'cli.usage.model-holdout-end': [
    'model evaluate: --holdout-end is required.',
    'model evaluate：必须提供 --holdout-end。',
  ],
  'cli.usage.model-unit': [
    '--unit must be days or weeks; got "{value}".',
    '--unit 必须是 days 或 weeks；实际为 "{value}"。',
  ],
  'cli.usage.model-format': [
    '--format must be table or json; got "{value}".',
    '--format 必须是 table 或 json；实际为 "{value}"。',
  ],
  'cli.usage.holdout-after': [
    '--holdout-end must be after --calibration-end.',
    '--holdout-end 必须晚于 --calibration-end。',
  ],
  'cli.usage.holdout-horizon': [
    '--holdout-end must be at least 7 days after --calibration-end for the churn back-test; got {days}.',
    '流失回测要求 --holdout-end 至少比 --calibration-end 晚 7 天；实际为 {days} 天。',
  ],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
