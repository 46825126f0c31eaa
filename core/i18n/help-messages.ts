/**
 * The `tierline` command's --help texts (issue 14: one catalogue), one key per
 * command (`cli.help.<command>`), rendered by cli/render-help.ts in the
 * user's locale. Shared blocks are parameters: {flags} the segmenting flags
 * (`cli.help.segment-flags`), {db} the --db line, {schemes} the scheme list
 * from the registry, {store} the default store file, {json} a JSON shape.
 * Flags, values and commands stay as typed; the English is what the CLI
 * printed before the move.
 */
export const HELP_MESSAGES = {
  'cli.help.main': [
    `Usage: tierline <command> [options]

Commands:
  segment <file>   clean, score RFM, tag and attach strategies (csv or xlsx)
  model fit|evaluate <transactions>
                   BG/NBD, MBG/NBD and Gamma-Gamma lifetime models
  report <file>    HTML report with charts, cross-tabs and migration (--out report.html)
  dimensions <file>  dimension evaluation: availability, Pearson r, relevance, operability, selected
  import <file>    store a segmented file as a snapshot for the Slack bot
  users map|sync|list|role   link owners (客户经理) to Slack users; manager/admin roles
  ask "<question>" --as <owner>   the bot's answer as text, without Slack
  digest --preview the weekly tier digest as text
  bot              run the Slack bot (Socket Mode or HTTP)
  help [command]   show help for a command

Run "tierline <command> --help" for a command's options.
Every command takes --debug (or TIERLINE_DEBUG=1): show the stack of an internal error.
Exit codes: 0 ok, 1 bad usage, 2 bad data, 70 internal error.
`,
    `用法：tierline <命令> [选项]

命令：
  segment <文件>   清洗数据、计算 RFM 评分、打标签并匹配策略（csv 或 xlsx）
  model fit|evaluate <交易文件>
                   BG/NBD、MBG/NBD 与 Gamma-Gamma 客户生命周期模型
  report <文件>    带图表、交叉表和群体迁移的 HTML 报告（--out report.html）
  dimensions <文件>  细分维度评估表：可得性、皮尔逊相关系数、相关度、可操作性、是否入选
  import <文件>    将细分结果存为快照，供 Slack 机器人使用
  users map|sync|list|role   将负责人（客户经理）关联到 Slack 用户；设置主管/管理员角色
  ask "<问题>" --as <负责人>   以文本形式给出机器人的回答，无需 Slack
  digest --preview 以文本形式显示每周分层摘要
  bot              运行 Slack 机器人（Socket Mode 或 HTTP）
  help [命令]      显示某个命令的帮助

运行 "tierline <命令> --help" 查看命令的选项。
所有命令都接受 --debug（或 TIERLINE_DEBUG=1）：内部错误时显示调用栈。
退出码：0 成功，1 用法错误，2 数据错误，70 内部错误。
`,
  ],
  'cli.help.segment-flags': [
    `  --scheme <scheme>          {schemes}
  --k auto|<2-20>            k-means K (default auto: best silhouette over 2..8)
  --config <file.json|.yaml> thresholds, value-tier table and scorecard overrides
  --as-of YYYY-MM-DD         analysis date (default: the day after the newest purchase)
  --locale en|zh-CN          language of labels, messages and new column headers (default: LC_ALL/LANG zh* → zh-CN, else en)
  --map "field=header,..."   name columns detection missed, e.g. --map "customerId=客户编号"
  --customers <file>         customer table joined to a transaction file by customer id
                             (owner, region, complaints, promotions, coupon uses, ...)
  --window all|<months>      F and M over the whole history (default) or the last N months
  --frequency-by order|day   count orders (default; a purchase day without an order id column) or distinct purchase days
  --currency GBP             currency of the money columns (default: what the cells and headers show, else CNY)
  --refunds net|exclude      net refunds against spend (default) or ignore them
  --date-order auto|dmy|mdy  how 5/3/2024 is read (default: only unambiguous dates)
  --shape auto|customers|transactions   override the detected table shape
  --sheet <name|number>      xlsx sheet (default the first)
  --today YYYY-MM-DD         today's date for future-date checks (default: system date)
  --date-floor YYYY-MM-DD    older dates are invalid (typos, placeholders; default 1990-01-01)
  --decimal auto|.|,         decimal mark of numbers (default auto: per column, 1.000,50 → 1000.5)
  --horizon <days>           churn = no purchase in the next N days (default 90)
  --churn-models a,b|off     churn candidates to back-test: rules, cadence, bg-nbd, mbg-nbd, gbdt
                             (default all); off: the rule-based churn rules decide, no probability`,
    `  --scheme <方案>            {schemes}
  --k auto|<2-20>            k-means 的聚类数 K（默认 auto：在 2..8 中取轮廓系数最高者）
  --config <file.json|.yaml> 覆盖阈值、价值分层表和评分卡的配置文件
  --as-of YYYY-MM-DD         分析日期（默认：最近一次购买的次日）
  --locale en|zh-CN          标签、消息和新列标题的语言（默认：LC_ALL/LANG 为 zh* 时用 zh-CN，否则 en）
  --map "字段=列标题,..."    指定自动识别遗漏的列，例如 --map "customerId=客户编号"
  --customers <文件>         按客户ID与交易文件关联的客户表
                             （负责人、地区、投诉、促销、用券次数等）
  --window all|<月数>        F 和 M 按全部历史计算（默认）或只算最近 N 个月
  --frequency-by order|day   按订单计数（默认；没有订单号列时按购买日）或按不同的购买日计数
  --currency GBP             金额列的货币（默认：单元格和列标题显示的货币，否则为人民币 CNY）
  --refunds net|exclude      退款冲减消费金额（默认）或忽略退款
  --date-order auto|dmy|mdy  5/3/2024 这类日期的读法（默认：只接受无歧义的日期）
  --shape auto|customers|transactions   指定表格类型，代替自动识别
  --sheet <名称|序号>        xlsx 工作表（默认第一个）
  --today YYYY-MM-DD         检查未来日期所用的今天日期（默认：系统日期）
  --date-floor YYYY-MM-DD    早于此日期的视为无效（笔误、占位日期；默认 1990-01-01）
  --decimal auto|.|,         数字的小数点符号（默认 auto：逐列判断，1.000,50 → 1000.5）
  --horizon <天数>           流失 = 未来 N 天内没有购买（默认 90）
  --churn-models <模型>|off  参与回测的流失模型，逗号分隔：rules|cadence|bg-nbd|mbg-nbd|gbdt
                             （默认全部）；off：由流失规则判定，不给出概率`,
  ],
  'cli.help.scheme': ['{id}{aliases}: {help}', '{id}{aliases}：{help}'],
  'cli.help.scheme-aliases': [' (or {aliases})', '（或 {aliases}）'],
  'cli.help.db-flag': [
    "  --db <file>                the bot's store (default $TIERLINE_DB or {store}); without --db,\n                             TIERLINE_DATABASE_URL=postgres://… uses a PostgreSQL database",
    '  --db <文件>                机器人的数据存储（默认 $TIERLINE_DB 或 {store}）；未给 --db 时，\n                             设置 TIERLINE_DATABASE_URL=postgres://… 则使用 PostgreSQL 数据库',
  ],
  'cli.help.segment': [
    `Usage: tierline segment <file> [options]

Reads a customer table or a transaction list (csv or xlsx), cleans it with a
report, scores RFM, tags every customer and attaches a strategy.

Options:
{flags}
  --out <file.csv|file.xlsx> write the input columns unchanged followed by the new ones
                             (a transaction file gives one row per customer)
  --format table|csv|json    stdout: summary table (default), the output table as csv,
                             or one JSON object per customer
  --issues <file.csv>        write every cleaning issue (row, column, value, message)
  --spot-check <file.csv>    write the seeded 10% spot-check sample of customers
  --engine auto|node|duckdb  who aggregates order lines: auto (default) uses embedded DuckDB
                             for a large csv/csv.gz and for Parquet, Node otherwise
  --source <source>          read from duckdb:<file.duckdb|.parquet|.csv> or postgres://…
                             instead of <file>; with --table <name> or --query "<select>"
  --statement-timeout <ms>   cancel a database statement after this many milliseconds
  --explain                  print the feature SQL (DuckDB or PostgreSQL dialect) and exit
  -h, --help                 this help

Exit codes: 0 ok, 1 bad usage, 2 bad data.
`,
    `用法：tierline segment <文件> [选项]

读取客户表或交易清单（csv 或 xlsx），清洗数据并给出清洗报告，计算 RFM 评分，
为每位客户打标签并匹配策略。

选项：
{flags}
  --out <file.csv|file.xlsx> 原样写出输入的各列，后面接新增的列
                             （交易文件按每位客户一行写出）
  --format table|csv|json    标准输出：汇总表（默认）、csv 格式的输出表，
                             或每位客户一个 JSON 对象
  --issues <file.csv>        写出全部清洗问题（行、列、值、说明）
  --spot-check <file.csv>    写出按固定种子抽取的 10% 客户抽查样本
  --engine auto|node|duckdb  由谁汇总订单行：auto（默认）对较大的 csv/csv.gz 和 Parquet
                             使用内嵌 DuckDB，其余用 Node
  --source <数据源>          从 duckdb:<file.duckdb|.parquet|.csv> 或 postgres://… 读取，
                             代替 <文件>；配合 --table <表名> 或 --query "<查询>"
  --statement-timeout <毫秒> 数据库语句超过该毫秒数即取消
  --explain                  打印特征 SQL（DuckDB 或 PostgreSQL 方言）后退出
  -h, --help                 显示本帮助

退出码：0 成功，1 用法错误，2 数据错误。
`,
  ],
  'cli.help.report': [
    `Usage: tierline report <file> --out report.html [options]

Reads a customer table or a transaction list like "tierline segment" and
writes a self-contained HTML report. It opens with what to do this week:
for each account manager the customers most at risk of leaving, with the
expected loss and the suggested action, then the strategy groups with their
KPI. Then the segment summary, charts (radar of segment profiles, customer share and revenue contribution as bars
and pies, spend vs frequency scatter), cross-tabs by region, industry, size,
channel and account manager, the RFM distribution matrix, the cleaning log
counts and the run notes. With an earlier snapshot it adds the segment
migration (heat map, upgrades, downgrades, new and lost customers).

Options:
  --out <file.html>          the report to write (required)
  --xlsx <file.xlsx>         also write the summary sheet: segment table and cross-tabs
  --previous <file>          the earlier snapshot's file (same kind, same options)
  --previous-as-of YYYY-MM-DD  the earlier analysis date; alone, the same file is
                             segmented again as of that date
  --max-points <n>           scatter points at most (default 5000, sampled by segment)
{flags}
  -h, --help                 this help

Exit codes: 0 ok, 1 bad usage, 2 bad data.
`,
    `用法：tierline report <文件> --out report.html [选项]

像 "tierline segment" 一样读取客户表或交易清单，写出一个独立的 HTML 报告。
报告首先是本周行动：每位客户经理最可能流失的客户、预期损失和建议动作，
以及各策略群体和效果指标；然后是群体汇总、图表（群体画像雷达图、客户占比和收入贡献的柱状图与饼图、
消费金额与频次散点图）、按地区、行业、规模、渠道和客户经理的交叉表、
RFM 分布矩阵、清洗日志统计和运行说明。提供更早的快照时，还会加上群体迁移
（热力图、升级、降级、新增和流失的客户）。

选项：
  --out <file.html>          要写出的报告（必填）
  --xlsx <file.xlsx>         同时写出汇总工作表：群体表和交叉表
  --previous <文件>          更早快照的文件（同类文件、相同选项）
  --previous-as-of YYYY-MM-DD  更早的分析日期；单独使用时，按该日期重新细分同一文件
  --max-points <n>           散点图最多的点数（默认 5000，按群体抽样）
{flags}
  -h, --help                 显示本帮助

退出码：0 成功，1 用法错误，2 数据错误。
`,
  ],
  'cli.help.model': [
    `Usage: tierline model fit <transactions> --calibration-end YYYY-MM-DD [options]
       tierline model evaluate <transactions> --calibration-end YYYY-MM-DD --holdout-end YYYY-MM-DD [options]
       tierline model fit|evaluate --source <source> [--table <name> | --query "<select>"] --calibration-end … [options]

Buy-till-you-die models on a transaction file (csv or xlsx): BG/NBD, MBG/NBD
(one-time buyers may be inactive) and Gamma-Gamma spend, fitted by maximum
likelihood on purchases up to the calibration end.

  fit        prints the parameters with standard errors and log-likelihoods
  evaluate   fits on the calibration period and compares the forecast with the
             holdout: predicted vs actual repeat purchases (total and by
             calibration frequency), MAE per customer, AUC of P(alive);
             then back-tests every churn candidate (rules, cadence, BG/NBD,
             MBG/NBD, gbdt) as \`segment\` does, with churn = no purchase in
             the holdout: H = holdout end − calibration end, tested on
             (calibration end, holdout end], trained on the H days before.
             JSON: {json}

Options:
  --calibration-end YYYY-MM-DD   last day of the calibration period (required)
  --holdout-end YYYY-MM-DD       last day of the holdout period (evaluate)
  --unit days|weeks              time unit of the models (default weeks)
  --format table|json            output (default table)
  --map "field=header,..."       name columns detection missed
  --source <source>              read the transactions from duckdb:<file.duckdb|.parquet|.csv> or
                                 postgres://… instead of <transactions>; with --table <name> or
                                 --query "<select>"
  --statement-timeout <ms>       cancel a database statement after this many milliseconds
  --today YYYY-MM-DD             today's date for future-date checks (default: system date)
  --locale en|zh-CN              language of the tables and messages (default: LC_ALL/LANG zh* → zh-CN, else en)
  -h, --help                     this help

Exit codes: 0 ok, 1 bad usage, 2 bad data (including data too thin to fit).
`,
    `用法：tierline model fit <交易文件> --calibration-end YYYY-MM-DD [选项]
      tierline model evaluate <交易文件> --calibration-end YYYY-MM-DD --holdout-end YYYY-MM-DD [选项]
      tierline model fit|evaluate --source <数据源> [--table <表名> | --query "<查询>"] --calibration-end … [选项]

基于交易文件（csv 或 xlsx）的客户生命周期模型：BG/NBD、MBG/NBD
（只购买一次的客户也可能已不活跃）和 Gamma-Gamma 消费金额模型，
用校准期结束日之前的购买记录做最大似然拟合。

  fit        显示参数及其标准误和对数似然
  evaluate   在校准期上拟合，并将预测与验证期对比：预测与实际的重复购买次数
             （合计及按校准期购买频次），每位客户的平均绝对误差（MAE），
             P(活跃) 的 AUC；然后像 \`segment\` 一样回测每个流失候选模型
             （rules、cadence、BG/NBD、MBG/NBD、gbdt），流失 = 验证期内没有购买：
             H = 验证期结束日 − 校准期结束日，在（校准期结束日, 验证期结束日] 上检验，
             用之前的 H 天训练。
             JSON：{json}

选项：
  --calibration-end YYYY-MM-DD   校准期的最后一天（必填）
  --holdout-end YYYY-MM-DD       验证期的最后一天（evaluate）
  --unit days|weeks              模型的时间单位（默认 weeks）
  --format table|json            输出格式（默认 table）
  --map "字段=列标题,..."        指定自动识别遗漏的列
  --source <数据源>              从 duckdb:<file.duckdb|.parquet|.csv> 或 postgres://… 读取交易，
                                 代替 <交易文件>；配合 --table <表名> 或 --query "<查询>"
  --statement-timeout <毫秒>     数据库语句超过该毫秒数即取消
  --today YYYY-MM-DD             检查未来日期所用的今天日期（默认：系统日期）
  --locale en|zh-CN              表格和消息的语言（默认：LC_ALL/LANG 为 zh* 时用 zh-CN，否则 en）
  -h, --help                     显示本帮助

退出码：0 成功，1 用法错误，2 数据错误（包括数据太少无法拟合）。
`,
  ],
  'cli.help.dimensions': [
    `Usage: tierline dimensions <file> [options]

Evaluates the candidate segmentation dimensions of a customer table or a
transaction list (the dimension evaluation table, 细分维度评估表): for each column, its
availability (share of customers with a value), Pearson r with the goal
metric, the relevance suggested from |r|, operability, the weighted score and
whether it is selected (score ≥ 4.0). Expert overrides, weights and the
threshold come from the "dimensions" section of --config.

Options:
  --goal <field>             the goal metric r is computed against (default frequency6m,
                             A Table 1: raise the repurchase rate); e.g. monetary, cumulativeSpend
  --format table|csv|json    stdout: aligned table (default), csv, or one JSON object per row
{flags}
  -h, --help                 this help

Exit codes: 0 ok, 1 bad usage, 2 bad data.
`,
    `用法：tierline dimensions <文件> [选项]

评估客户表或交易清单的候选细分维度（细分维度评估表）：对每一列给出
可得性（有值客户的占比）、与目标指标的皮尔逊相关系数 r、由 |r| 建议的相关度、
可操作性、加权得分，以及是否入选（得分 ≥ 4.0）。专家覆盖值、权重和入选阈值
来自 --config 的 "dimensions" 部分。

选项：
  --goal <字段>              计算 r 所对照的目标指标（默认 frequency6m，
                             即提升复购率）；也可用 monetary、cumulativeSpend 等
  --format table|csv|json    标准输出：对齐的表格（默认）、csv，或每行一个 JSON 对象
{flags}
  -h, --help                 显示本帮助

退出码：0 成功，1 用法错误，2 数据错误。
`,
  ],
  'cli.help.import': [
    `Usage: tierline import <file> [options]
       tierline import --source <source> [--table <name> | --query "<select>"] [options]

Segments a file (csv or xlsx, any shape "tierline segment" reads) and stores
it in the bot's store as a dated snapshot. The Slack bot and "tierline ask"
answer from the newest snapshot; digests compare it with the one before.

Options:
{db}
{flags}
  --source <source>          read the rows from duckdb:<file.duckdb|.parquet|.csv> or postgres://…
                             instead of <file>; with --table <name> or --query "<select>"
  --statement-timeout <ms>   cancel a database statement after this many milliseconds
  -h, --help                 this help

Exit codes: 0 ok, 1 bad usage, 2 bad data.
`,
    `用法：tierline import <文件> [选项]
      tierline import --source <数据源> [--table <表名> | --query "<查询>"] [选项]

细分一个文件（csv 或 xlsx，"tierline segment" 能读取的任何表格），并作为带日期的
快照存入机器人的数据存储。Slack 机器人和 "tierline ask" 根据最新快照回答；
摘要将它与上一个快照对比。

选项：
{db}
{flags}
  --source <数据源>          从 duckdb:<file.duckdb|.parquet|.csv> 或 postgres://… 读取各行，
                             代替 <文件>；配合 --table <表名> 或 --query "<查询>"
  --statement-timeout <毫秒> 数据库语句超过该毫秒数即取消
  -h, --help                 显示本帮助

退出码：0 成功，1 用法错误，2 数据错误。
`,
  ],
  'cli.help.users': [
    `Usage: tierline users map "Owner name=U0123" [...]
       tierline users map "Owner name=name@example.com"   (needs SLACK_BOT_TOKEN)
       tierline users sync                               (owners that are emails; needs SLACK_BOT_TOKEN)
       tierline users list
       tierline users role <U0123> manager|admin|none

Links the owner column of the customer data (客户经理, Owner, Sales rep …) to
Slack users, so each salesperson sees only their own customers, and sets the
manager and admin roles.

Options:
{db}
  -h, --help                 this help
`,
    `用法：tierline users map "负责人姓名=U0123" [...]
      tierline users map "负责人姓名=name@example.com"   （需要 SLACK_BOT_TOKEN）
      tierline users sync                               （负责人为邮箱地址时；需要 SLACK_BOT_TOKEN）
      tierline users list
      tierline users role <U0123> manager|admin|none

将客户数据中的负责人列（客户经理、Owner、Sales rep 等）关联到 Slack 用户，
让每位销售只看到自己的客户，并设置主管和管理员角色。

选项：
{db}
  -h, --help                 显示本帮助
`,
  ],
  'cli.help.ask': [
    `Usage: tierline ask "<question>" --as <owner> [options]
       tierline ask "<question>" --manager [options]

Answers a question the way the Slack bot does, as text, without Slack:
"who is at churn risk", "哪些客户有流失风险", "top 10 at risk by value",
"C00042", "show champions", "my summary", "help". --as answers as that
owner (客户经理) and sees only their customers; --manager sees every owner's.

The churn list is "who is likely to leave": most likely first (churn
probability; ties by expected loss); "…by value" / 「按价值」 or --sort value
puts the largest expected loss first.

Options:
  --as <owner>               the owner name as written in the data
  --manager                  answer as a manager (all owners)
  --page <n>                 page of a long list (default 1); a page is the
                             size the question asked for ("top 10" → 10; else 5)
  --sort risk|value          churn list order (default: the question's, else risk)
  --format text|json         json exports the churn list as a JSON array, one
                             object per line: customerId, owner, rank,
                             churnProbability, expectedLoss (null when unknown),
                             currency, reason, model
  --limit <n>                json: export ranks 1–n (with --page: that page,
                             never past rank n)
  --locale en|zh-CN          answer language (default: the question's)
{db}
  -h, --help                 this help

Exit codes: 0 ok, 1 bad usage, 2 no data to answer from.
`,
    `用法：tierline ask "<问题>" --as <负责人> [选项]
      tierline ask "<问题>" --manager [选项]

像 Slack 机器人一样回答问题，以文本输出，无需 Slack：
「哪些客户有流失风险」「C00042」「高价值客户」「我的客户概况」「帮助」。
--as 以该负责人（客户经理）的身份回答，只能看到其名下客户；--manager 可看到所有负责人的客户。

流失名单列出“最可能离开的客户”：最可能的排在前面（按流失概率；概率相同时按预期损失）；
问题中带「按价值」或使用 --sort value 时，预期损失最大的排在前面。

选项：
  --as <负责人>              数据中写的负责人姓名
  --manager                  以主管身份回答（所有负责人）
  --page <n>                 长名单的第几页（默认 1）；每页条数为问题所要的数量
                             （「前10」→ 10；否则 5）
  --sort risk|value          流失名单的排序（默认：按问题，否则 risk）
  --format text|json         json 将流失名单导出为 JSON 数组，每行一个对象：
                             customerId、owner、rank、churnProbability、
                             expectedLoss（未知时为 null）、currency、reason、model
  --limit <n>                json：导出第 1–n 名（与 --page 同用时为该页，不超过第 n 名）
  --locale en|zh-CN          回答的语言（默认：与问题相同）
{db}
  -h, --help                 显示本帮助

退出码：0 成功，1 用法错误，2 没有可供回答的数据。
`,
  ],
  'cli.help.digest': [
    `Usage: tierline digest --preview [options]

Prints the weekly tier digest the bot posts to subscribed channels: tier
counts and change since the previous snapshot, revenue share, top upgrades
and downgrades, new churn risks and win-back. Names are masked as in a
channel.

Options:
  --preview                  print the digest (required: posting is the bot's job)
  --owner <owner>            one owner's customers (default all)
  --locale en|zh-CN          language (default en)
{db}
  -h, --help                 this help
`,
    `用法：tierline digest --preview [选项]

显示机器人向订阅频道发送的每周分层摘要：各层人数及与上一快照相比的变化、
收入占比、升级和降级最多的客户、新增流失风险和挽回情况。姓名像在频道中一样做了遮盖。

选项：
  --preview                  显示摘要（必填：发送摘要由机器人负责）
  --owner <负责人>           只看一位负责人的客户（默认全部）
  --locale en|zh-CN          语言（默认 en）
{db}
  -h, --help                 显示本帮助
`,
  ],
  'cli.help.bot': [
    `Usage: tierline bot [options]

Starts the Slack bot (see bot/README.md). Socket Mode when SLACK_APP_TOKEN is
set (local development), else an HTTP server for Slack's requests on
/slack/events (production; every request's signature is verified).

Environment:
  SLACK_BOT_TOKEN            bot token xoxb-…: one workspace
  SLACK_SIGNING_SECRET       signing secret (required)
  SLACK_CLIENT_ID            with SLACK_CLIENT_SECRET and SLACK_STATE_SECRET: "Add to Slack"
  SLACK_CLIENT_SECRET        for any workspace (OAuth over HTTP, /slack/install); each
  SLACK_STATE_SECRET         installation is kept in the store (--db)
  SLACK_APP_TOKEN            app-level token xapp-… with connections:write: Socket Mode
  TIERLINE_MANAGERS          Slack user ids with the manager role, comma-separated
  TIERLINE_ADMINS            Slack user ids with the admin role (import, users), comma-separated
  TIERLINE_LOCALE            en or zh-CN when a message gives no hint (default en)
  TIERLINE_TIME_ZONE         IANA zone whose date is "today" for imports, answers and
                             snoozes (default the system zone); digests use their own
  SLACK_API_URL              Web API base URL (default https://slack.com/api/)

Options:
  --port <n>                 HTTP port (default $PORT or 3000)
  --host <address>           HTTP address (default 0.0.0.0)
  --import-file <file>       re-import this file on a schedule
  --import-schedule "<spec>" when, e.g. "daily 06:00 Asia/Shanghai" (default daily 06:00 UTC)
  --import-source <src>      re-import from a database instead: duckdb:<file.duckdb> or
                             postgres://… (with --import-table or --import-query)
  --import-table <name>      the table or view to re-import
  --import-query "<sql>"     a SELECT whose rows to re-import
  --import-statement-timeout <ms>  cancel the re-import's query after this many ms
{db}
  -h, --help                 this help
`,
    `用法：tierline bot [选项]

启动 Slack 机器人（见 bot/README.md）。设置了 SLACK_APP_TOKEN 时使用 Socket Mode
（本地开发），否则启动 HTTP 服务，在 /slack/events 接收 Slack 的请求
（生产环境；每个请求的签名都会校验）。

环境变量：
  SLACK_BOT_TOKEN            机器人令牌 xoxb-…：单个工作区
  SLACK_SIGNING_SECRET       签名密钥（必填）
  SLACK_CLIENT_ID            与 SLACK_CLIENT_SECRET、SLACK_STATE_SECRET 一起设置时，
  SLACK_CLIENT_SECRET        任何工作区都可“添加到 Slack”（OAuth，HTTP 模式，/slack/install）；
  SLACK_STATE_SECRET         每个工作区的安装信息保存在存储中（--db）
  SLACK_APP_TOKEN            带 connections:write 权限的应用级令牌 xapp-…：使用 Socket Mode
  TIERLINE_MANAGERS          拥有主管角色的 Slack 用户 ID，逗号分隔
  TIERLINE_ADMINS            拥有管理员角色（导入、用户）的 Slack 用户 ID，逗号分隔
  TIERLINE_LOCALE            消息看不出语言时使用 en 或 zh-CN（默认 en）
  TIERLINE_TIME_ZONE         导入、回答和暂缓提醒所用“今天”的 IANA 时区
                             （默认系统时区）；摘要使用各自的时区
  SLACK_API_URL              Slack 接口的基础地址（默认 https://slack.com/api/）

选项：
  --port <n>                 HTTP 端口（默认 $PORT 或 3000）
  --host <地址>              HTTP 监听地址（默认 0.0.0.0）
  --import-file <文件>       按计划重新导入此文件
  --import-schedule "<计划>" 导入时间，例如 "daily 06:00 Asia/Shanghai"（默认每天 06:00 UTC）
  --import-source <来源>     改为从数据库重新导入：duckdb:<file.duckdb> 或
                             postgres://…（同时给出 --import-table 或 --import-query）
  --import-table <表名>      要重新导入的表或视图
  --import-query "<SQL>"     要重新导入其结果行的 SELECT 查询
  --import-statement-timeout <毫秒>  重新导入的查询超过此毫秒数即取消
{db}
  -h, --help                 显示本帮助
`,
  ],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
