import { label, SCHEMES, type LabelKey, type Locale, type SchemeEntry } from '../core/index.js';

/** The commands with a --help text in the catalogue (`cli.help.<topic>`), and the program's own (`main`). */
export const HELP_TOPICS = [
  'main',
  'segment',
  'report',
  'model',
  'dimensions',
  'import',
  'users',
  'ask',
  'digest',
  'bot',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

// The flag column of the help texts is 29 characters wide; scheme lines after the first align under it.
const FLAG_COLUMN = ' '.repeat(29);

/** The `--scheme` lines from the registry: its English help, or in Chinese its pane label. */
function describeSchemes(registry: readonly SchemeEntry[], locale: Locale): string {
  return registry
    .map((entry, i) => {
      const aliases =
        entry.aliases.length > 0 ? label('cli.help.scheme-aliases', locale, { aliases: entry.aliases.join(', ') }) : '';
      const help = locale === 'en' ? entry.help : entry.labels[locale];
      const line = label('cli.help.scheme', locale, { id: entry.id, aliases, help });
      return `${i === 0 ? '' : FLAG_COLUMN}${line}${i < registry.length - 1 ? (locale === 'en' ? ';' : '；') : ''}`;
    })
    .join('\n');
}

/** The help lines of the flags every segmenting command takes, in `locale`. */
export function describeSegmentFlags(locale: Locale): string {
  return label('cli.help.segment-flags', locale, { schemes: describeSchemes(SCHEMES, locale) });
}

const MODEL_JSON =
  '{"models":[{"name", "auc", "precisionAt20", "baseRate", "status", "reason"}], "selected", "horizonDays", "holdout":[…]}';

/**
 * A command's --help text (or the program's, `main`) in `locale`, from the
 * catalogue. `store` is the default --db file, for the commands that take one
 * (passed in so that help does not load the bot).
 * @example renderHelp('segment', 'zh-CN').startsWith('用法：tierline segment')
 */
export function renderHelp(topic: HelpTopic, locale: Locale, store = ''): string {
  return label(`cli.help.${topic}` as LabelKey, locale, {
    flags: describeSegmentFlags(locale),
    db: label('cli.help.db-flag', locale, { store }),
    json: MODEL_JSON,
  });
}
