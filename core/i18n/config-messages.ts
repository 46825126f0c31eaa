/**
 * The problems of a config file (issue 14: one catalogue): rule thresholds,
 * the value-tier table, the scorecard and the dimension overrides
 * (core/rules/config-error.ts and the schemas that raise ConfigError). Each
 * problem is `config.problem`: the key path the user wrote, then what is wrong
 * there. The English is what the errors said before the move.
 */
export const CONFIG_MESSAGES = {
  'config.problem': ['{path}: {problem}', '{path}：{problem}'],
  // The path of a problem with the whole file (a syntax error, a wrong top-level type).
  'config.root': ['(config)', '（配置）'],
  // core/rules/config-error.ts: zod's issues, by code
  'config.unknown-key': ['unknown key', '未知的键'],
  'config.unknown-key-allowed': ['unknown key (expected one of: {allowed})', '未知的键（可用的键：{allowed}）'],
  'config.expected-type': ['expected {type}', '应为{type}'],
  'config.type.number': ['number', '数字'],
  'config.type.int': ['int', '整数'],
  'config.type.string': ['string', '文本'],
  'config.type.boolean': ['boolean', '布尔值（true 或 false）'],
  'config.type.object': ['object', '键值表'],
  'config.type.record': ['record', '键值表'],
  'config.type.array': ['array', '列表'],
  'config.expected-one-of': ['expected one of: {values}', '应为以下之一：{values}'],
  'config.at-least': ['must be ≥ {value}', '必须 ≥ {value}'],
  'config.more-than': ['must be > {value}', '必须 > {value}'],
  'config.at-most': ['must be ≤ {value}', '必须 ≤ {value}'],
  'config.less-than': ['must be < {value}', '必须 < {value}'],
  'config.min-entries': ['must have at least {value} item(s)', '至少需要 {value} 项'],
  'config.max-entries': ['must have at most {value} item(s)', '最多 {value} 项'],
  'config.invalid-key': ['invalid key {key}', '无效的键 {key}'],
  'config.invalid-value': ['invalid value ({detail})', '取值无效（{detail}）'],
  // core/rules/config-error.ts: parseConfigText (JSON or YAML that does not parse)
  'config.invalid-syntax': ['invalid {format}: {detail}', '{format} 格式有误：{detail}'],
  'config.syntax.at': ['{reason} at line {line}, column {column}', '第{line}行第{column}列：{reason}'],
  'config.json.end': ['the text ends before the JSON is complete', '内容不完整，JSON 尚未结束'],
  'config.json.token': ['unexpected character', '此处的字符不符合 JSON 语法'],
  'config.yaml.ALIAS_PROPS': ['an alias cannot have a tag or anchor', '别名不能带标签或锚点'],
  'config.yaml.BAD_ALIAS': ['the alias names no anchor', '别名没有对应的锚点'],
  'config.yaml.BAD_DIRECTIVE': ['unknown directive', '未知的指令'],
  'config.yaml.BAD_DQ_ESCAPE': ['invalid escape in a double-quoted string', '双引号字符串中的转义无效'],
  'config.yaml.BAD_INDENT': ['wrong indentation or a missing closing bracket', '缩进不正确或缺少右括号'],
  'config.yaml.BAD_PROP_ORDER': ['anchor and tag in the wrong order', '锚点和标签的顺序不正确'],
  'config.yaml.BAD_SCALAR_START': ['a value cannot start with this character', '值不能以此字符开头'],
  'config.yaml.BLOCK_AS_IMPLICIT_KEY': ['a block cannot be a key', '块不能作为键'],
  'config.yaml.BLOCK_IN_FLOW': [
    'a block inside a flow collection (brackets or braces)',
    '方括号或花括号的集合中不能出现块',
  ],
  'config.yaml.DUPLICATE_KEY': ['map keys must be unique', '键重复'],
  'config.yaml.IMPOSSIBLE': ['the text cannot be read as YAML', '无法按 YAML 读取此内容'],
  'config.yaml.KEY_OVER_1024_CHARS': ['a key longer than 1024 characters', '键超过 1024 个字符'],
  'config.yaml.MISSING_CHAR': ['a closing bracket, quote or separator is missing', '缺少右括号、引号或分隔符'],
  'config.yaml.MULTILINE_IMPLICIT_KEY': ['a key cannot span several lines', '键不能跨多行'],
  'config.yaml.MULTIPLE_ANCHORS': ['more than one anchor on a value', '一个值有多个锚点'],
  'config.yaml.MULTIPLE_DOCS': ['more than one document in the file', '文件中有多个文档'],
  'config.yaml.MULTIPLE_TAGS': ['more than one tag on a value', '一个值有多个标签'],
  'config.yaml.NON_STRING_KEY': ['a key that is not text', '键不是文本'],
  'config.yaml.RESOURCE_EXHAUSTION': ['too many aliases to expand', '需要展开的别名过多'],
  'config.yaml.TAB_AS_INDENT': ['a tab used for indentation (use spaces)', '用制表符缩进（请改用空格）'],
  'config.yaml.TAG_RESOLVE_FAILED': ['a value that does not match its tag', '值与其标签不符'],
  'config.yaml.UNEXPECTED_TOKEN': ['unexpected character', '此处的字符不符合 YAML 语法'],
  'config.yaml.BAD_COLLECTION_TYPE': ['a collection of the wrong type', '集合类型不正确'],
  // core/rules/rules-config.ts
  'config.rate-fraction': ['rates are fractions 0–1 (0.9 = 90%)', '比率是 0–1 的小数（0.9 = 90%）'],
  'config.min-above-max': ['min {min} > max {max}', '下限 {min} > 上限 {max}'],
  'config.unknown-preset': [
    "unknown rule preset '{id}' (expected one of: {presets})",
    "未知的规则预设 '{id}'（可用：{presets}）",
  ],
  // core/rules/apply-rules.ts: a malformed preset
  'config.duplicate-segment': ['duplicate segment id', '细分 ID 重复'],
  'config.catch-all-last': ['a catch-all segment must be last', '兜底细分必须排在最后'],
  'config.no-segments': ['no segments', '没有细分'],
  'config.too-many-segments': ['at most {max} segments', '最多 {max} 个细分'],
  'config.too-many-tags': ['at most {max} tags', '最多 {max} 个标签'],
  'config.shared-key': [
    'two conditions share this key; give one a `key`',
    '两个条件使用了同一个键；请给其中一个设置 `key`',
  ],
  'config.months-recency-only': ["unit 'months' applies to recencyDays only", "单位 'months' 只适用于 recencyDays"],
  // core/grading/grading-options.ts
  'config.points-qualitative': [
    'points tables apply to qualitative indicators ({fields}), not {field}',
    '分值表只适用于定性指标（{fields}），不适用于 {field}',
  ],
  'config.group-weights': ['weights {terms} = {sum}, expected 1', '权重 {terms} = {sum}，应为 1'],
  'config.too-many-indicators': ['{count} indicators, at most {max}', '{count} 个指标，最多 {max} 个'],
  'config.grade-ids': ['ids are letters, digits and -', 'ID 只能包含字母、数字和 -'],
  'config.grade-mins-decrease': [
    '{min} ≥ grades.{previous}.min {previousMin} (mins must decrease)',
    '{min} ≥ grades.{previous}.min {previousMin}（下限必须依次递减）',
  ],
  'config.duplicate-grade': ["duplicate grade id '{id}'", "等级 ID '{id}' 重复"],
  'config.last-grade-zero': ['expected 0 (every score gets a grade)', '应为 0（每个分数都要有等级）'],
  // core/dimensions/evaluate-dimensions.ts
  'config.dimension-weights': [
    'relevance {relevance} + operability {operability} = {sum}, expected 1',
    '相关性 {relevance} + 可操作性 {operability} = {sum}，应为 1',
  ],
  'config.availability-order': ['mid {mid} > high {high}', '中 {mid} > 高 {high}'],
  // core/tiers/value-tiers.ts
  'config.sub-tier-id': [
    'expected {expected} (ids run 1, 2, 3, … in order)',
    '应为 {expected}（ID 按 1、2、3…依次编号）',
  ],
  'config.sub-tier-range': ['fromPercent {from} ≥ toPercent {to}', 'fromPercent {from} ≥ toPercent {to}'],
  'config.sub-tier-first': [
    'expected 0 (the first sub-tier starts with the best customer)',
    '应为 0（第一个子层级从最好的客户开始）',
  ],
  'config.sub-tier-gap': [
    "{from} ≠ the previous row's toPercent {previous} (no gap or overlap)",
    '{from} ≠ 上一行的 toPercent {previous}（不能有空隙或重叠）',
  ],
  'config.sub-tier-order': [
    "'{tier}' after '{previous}' (tiers go high → mid → low)",
    "'{tier}' 排在 '{previous}' 之后（层级须按 high → mid → low 排列）",
  ],
  'config.sub-tier-last': [
    'expected 100 (the last sub-tier ends with the worst customer)',
    '应为 100（最后一个子层级到最差的客户为止）',
  ],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
