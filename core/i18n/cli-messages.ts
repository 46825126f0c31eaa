/**
 * The `tierline` command's own lines (issue 14: one catalogue): the one-line
 * error messages of cli/report-error.ts and cli/commands/bot-store.ts
 * (`cli.error.*`, `cli.store.*`) and the k-means block of the segment summary
 * (`cli.kmeans.*`). The English is what the CLI printed before the move, so
 * scripts and tests that match it keep working.
 */
export const CLI_MESSAGES = {
  // cli/report-error.ts
  // The line after every usage error (issue 13).
  'cli.hint.help': ['Run "{help}" to see the options.', '运行 "{help}" 查看可用选项。'],
  // cli/progress.ts: one redrawn stderr line per phase, only on a terminal.
  'cli.progress.reading': ['Reading {file}', '正在读取 {file}'],
  'cli.progress.scoring': ['Scoring {file}', '正在评分 {file}'],
  'cli.progress.writing': ['Writing {file}', '正在写入 {file}'],
  'cli.progress.rows': ['{rows} rows', '{rows} 行'],
  'cli.progress.rate': ['{rate} rows/s', '每秒 {rate} 行'],
  'cli.progress.eta': ['ETA {eta}', '预计还需 {eta}'],
  'cli.error.not-found': [
    '{path}: file not found; check the name and the folder.',
    '{path}：文件不存在；请检查文件名和所在文件夹。',
  ],
  'cli.error.no-folder': [
    '{path}: the folder {folder} does not exist; create it or choose another path.',
    '{path}：文件夹 {folder} 不存在；请先创建它或选择其他路径。',
  ],
  'cli.error.not-a-folder': [
    '{path}: part of the path is a file, not a folder; check the path.',
    '{path}：路径中有一部分是文件而不是文件夹；请检查路径。',
  ],
  'cli.error.is-a-folder': [
    '{path} is a folder, not a file; name a file (inside it).',
    '{path} 是文件夹而不是文件；请指定（其中的）一个文件。',
  ],
  'cli.error.permission': [
    "{path}: permission denied; check the file's and folder's permissions or choose another path.",
    '{path}：没有权限；请检查文件和文件夹的权限，或选择其他路径。',
  ],
  'cli.error.read-only': [
    'cannot write {path}: the filesystem is read-only; write somewhere else.',
    '无法写入 {path}：文件系统为只读；请写到其他位置。',
  ],
  'cli.error.name-too-long': [
    '{path}: the file name is too long; choose a shorter one.',
    '{path}：文件名过长；请换一个更短的名称。',
  ],
  'cli.error.link-loop': [
    '{path}: too many symbolic links (a link loop?); check the path.',
    '{path}：符号链接层数过多（可能是链接循环）；请检查路径。',
  ],
  'cli.error.exists': [
    '{path} already exists; remove it or choose another name.',
    '{path} 已存在；请删除它或换一个名称。',
  ],
  'cli.error.disk-full': [
    'cannot write {path}: no space left on the device (disk full or quota reached); free some space or write elsewhere. The previous file, if any, is unchanged.',
    '无法写入 {path}：设备空间不足（磁盘已满或已达配额）；请释放空间或写到其他位置。原有文件（如有）保持不变。',
  ],
  'cli.error.too-many-files': [
    '{path}: too many open files; close other programs or raise the limit (ulimit -n) and run again.',
    '{path}：打开的文件过多；请关闭其他程序或提高上限（ulimit -n）后重新运行。',
  ],
  'cli.error.io': [
    '{path}: input/output error from the disk; check the device and run again.',
    '{path}：磁盘读写错误；请检查设备后重新运行。',
  ],
  'cli.error.busy': [
    '{path}: the file is busy (in use by another program); close it and run again.',
    '{path}：文件正被其他程序占用；请关闭该程序后重新运行。',
  ],
  'cli.error.other-fs': ['{path}: {detail}', '{path}：{detail}'],
  'cli.error.store-failed': [
    'the store failed: {detail} ({code}); check --db or $TIERLINE_DB and run again.',
    '数据存储出错：{detail}（{code}）；请检查 --db 或 $TIERLINE_DB 后重新运行。',
  ],
  'cli.error.internal': [
    'internal error: {detail}. Run again with --debug or TIERLINE_DEBUG=1 for details.',
    '内部错误：{detail}。请加 --debug 或设置 TIERLINE_DEBUG=1 重新运行以查看详情。',
  ],
  // cli/commands/bot-store.ts
  'cli.store.no-folder': [
    '--db {path}: the folder {folder} does not exist; create it or choose another path.',
    '--db {path}：文件夹 {folder} 不存在；请先创建它或选择其他路径。',
  ],
  'cli.store.not-sqlite': [
    '--db {path} is not a Tierline store (not an SQLite database); point --db at the file "tierline import" created.',
    '--db {path} 不是 Tierline 数据存储（不是 SQLite 数据库）；请让 --db 指向 "tierline import" 创建的文件。',
  ],
  'cli.store.cannot-open': [
    '--db {path}: cannot open the store file (missing folder, a folder, or no permission); check the path.',
    '--db {path}：无法打开存储文件（文件夹不存在、路径是文件夹或没有权限）；请检查路径。',
  ],
  'cli.store.read-only': [
    "--db {path}: the store is read-only or not permitted; check the file's and folder's permissions.",
    '--db {path}：存储为只读或没有权限；请检查文件和文件夹的权限。',
  ],
  'cli.store.corrupt': [
    '--db {path}: the store file is corrupt; restore it from a backup or import again into a new file.',
    '--db {path}：存储文件已损坏；请从备份恢复，或重新导入到一个新文件。',
  ],
  'cli.store.disk-full': [
    '--db {path}: no space left on the device (disk full); free some space and run again. The store is unchanged.',
    '--db {path}：设备空间不足（磁盘已满）；请释放空间后重新运行。存储未被修改。',
  ],
  'cli.store.locked': [
    '--db {path}: the store stayed locked by another tierline process; run again when it has finished.',
    '--db {path}：存储一直被另一个 tierline 进程锁定；请等它结束后重新运行。',
  ],
  'cli.store.other': ['--db {path}: {detail} ({code}).', '--db {path}：{detail}（{code}）。'],
  'cli.store.is-folder': [
    '--db {path} is a folder, not a store file; name a file, e.g. {example}.',
    '--db {path} 是文件夹而不是存储文件；请指定一个文件，例如 {example}。',
  ],
  'cli.store.none': [
    'no store at {path}: run tierline import <file> --db {path} first.',
    '{path} 处没有数据存储：请先运行 tierline import <file> --db {path}。',
  ],
  'cli.store.not-tierline': [
    '--db {path} is an SQLite database but not a Tierline store; point --db at the file "tierline import" created.',
    '--db {path} 是 SQLite 数据库，但不是 Tierline 数据存储；请让 --db 指向 "tierline import" 创建的文件。',
  ],
  // cli/commands/bot-store.ts, the store on PostgreSQL (TIERLINE_DATABASE_URL); never the password
  'cli.store.pg-bad-url': [
    'TIERLINE_DATABASE_URL is not a PostgreSQL connection string; write it as postgres://user:password@host:5432/database.',
    'TIERLINE_DATABASE_URL 不是 PostgreSQL 连接串；请写成 postgres://user:password@host:5432/database。',
  ],
  'cli.store.pg-unreachable': [
    'TIERLINE_DATABASE_URL: cannot reach PostgreSQL at {host} ({code}); check the host and port, and that the server is running.',
    'TIERLINE_DATABASE_URL：无法连接 {host} 上的 PostgreSQL（{code}）；请检查主机和端口，并确认服务器正在运行。',
  ],
  'cli.store.pg-auth': [
    'TIERLINE_DATABASE_URL: PostgreSQL at {host} refused user {user} (wrong password or no access); check the credentials.',
    'TIERLINE_DATABASE_URL：{host} 上的 PostgreSQL 拒绝了用户 {user}（密码错误或无权访问）；请检查用户名和密码。',
  ],
  'cli.store.pg-no-database': [
    'TIERLINE_DATABASE_URL: PostgreSQL at {host} has no database {database}; create it (createdb {database}) or fix the URL.',
    'TIERLINE_DATABASE_URL：{host} 上的 PostgreSQL 没有数据库 {database}；请先创建（createdb {database}）或修改连接串。',
  ],
  'cli.store.pg-other': [
    'TIERLINE_DATABASE_URL: PostgreSQL at {host}: {detail} ({code}).',
    'TIERLINE_DATABASE_URL：{host} 上的 PostgreSQL：{detail}（{code}）。',
  ],
  // cli/commands/segment.ts, the k-means block of the summary
  'cli.kmeans.search': ['K search: {candidates}', 'K值搜索：{candidates}'],
  'cli.kmeans.candidate': [
    'K={k} silhouette {silhouette} inertia {inertia}',
    'K={k} 轮廓系数 {silhouette} 惯性 {inertia}',
  ],
  'cli.kmeans.chosen': [
    'K = {k} ({choice}), silhouette {silhouette}{sample}; guidance: 4–6 clusters, silhouette > 0.5.',
    'K = {k}（{choice}），轮廓系数 {silhouette}{sample}；参考：4–6个聚类，轮廓系数 > 0.5。',
  ],
  'cli.kmeans.sample': [' on a stratified sample of {count}', '（基于{count}位客户的分层抽样）'],
  'cli.kmeans.choice.auto': ['auto', '自动选择'],
  'cli.kmeans.choice.fixed': ['fixed', '指定'],
  'cli.kmeans.choice.identical': ['identical', '数据全部相同'],
  'cli.kmeans.recencyDays': ['R (days)', 'R（天）'],
  'cli.kmeans.silhouette': ['Silhouette', '轮廓系数'],
  // warehouse/ (issue 12): the SQL engine's one-line errors
  'warehouse.unreachable': [
    '{source}: cannot connect ({detail}); check the host, port and that the database is running.',
    '{source}：无法连接（{detail}）；请检查主机、端口以及数据库是否在运行。',
  ],
  'warehouse.auth-failed': [
    '{source}: the database refused the user name or password ({detail}).',
    '{source}：数据库拒绝了用户名或密码（{detail}）。',
  ],
  'warehouse.no-table': [
    '{source}: no table {table}; check --table (names are quoted exactly as given).',
    '{source}：没有表 {table}；请检查 --table（名称按原样引用）。',
  ],
  'warehouse.query-failed': ['{source}: the query failed: {detail}', '{source}：查询失败：{detail}'],
  'warehouse.timeout': [
    '{source}: the query ran longer than --statement-timeout {timeout} and was cancelled.',
    '{source}：查询超过 --statement-timeout {timeout}，已取消。',
  ],
  'warehouse.bad-file': ['{source} cannot be read as {format}: {detail}', '{source} 无法按 {format} 读取：{detail}'],
  'warehouse.wrong-type': [
    '{source}: column {column} holds {type} values; it cannot be the {field} column.',
    '{source}：列 {column} 的类型是 {type}，不能作为{field}列。',
  ],
  'warehouse.invalid-identifier': [
    '{value} is not a usable table or column name: {detail}',
    '{value} 不是可用的表名或列名：{detail}',
  ],
  'warehouse.fallback': [
    '{source}: some cells are written in forms only the Node engine reads; reading it with --engine node.',
    '{source}：部分单元格的写法只有 Node 引擎能读取；改用 --engine node 读取。',
  ],
  'warehouse.unsupported-cells': [
    '{source}: row {row}, {column}: "{value}" is written in a form the SQL engine does not read the way the Node engine does; use --engine node.',
    '{source}：第{row}行「{column}」：“{value}”的写法 SQL 引擎与 Node 引擎读法不同；请使用 --engine node。',
  ],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
