import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { SEGMENT_FLAGS } from '../segment-flags.js';
import { churnEvidenceLines } from '../../bot/index.js';
import { DB_FLAG, importFile, storePath, withStore } from './bot-store.js';
import { SOURCE_FLAGS, sourceFromFlags } from '../read-source.js';
import { readSegmented } from '../read-segmented.js';
import { segmentOptionsFromFlags } from '../segment-flags.js';
import { importSnapshot } from '../../bot/index.js';
import { assertOutputsAreNotInputs } from '../guard-output-paths.js';
import { localeForErrors } from '../choose-locale.js';
import { renderHelp } from '../render-help.js';
import type { Locale } from '../../core/index.js';
import { DEFAULT_STORE_PATH } from '../../bot/index.js';

/** This command's --help in `locale` (cli.help.import in the catalogue). */
export const IMPORT_HELP = (locale: Locale): string => renderHelp('import', locale, DEFAULT_STORE_PATH);

const OPTIONS = { ...SEGMENT_FLAGS, ...SOURCE_FLAGS, ...DB_FLAG, help: { type: 'boolean', short: 'h' } } as const;

/**
 * `tierline import`: segment a file and store it as a snapshot.
 * @returns the exit code.
 */
export async function runImport(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) {
    io.out(IMPORT_HELP(localeForErrors(argv, process.env)));
    return EXIT.ok;
  }
  const source = sourceFromFlags(values, positionals, 'import');
  if (!source && positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? { key: 'cli.usage.missing-file', params: { command: 'import' } }
        : { key: 'cli.usage.one-file-count', params: { command: 'import', count: positionals.length } },
    );
  // The store is written: it must not be the file (or the customer table) being imported.
  const named = (path: string | undefined, flag: string) => (path === undefined ? undefined : { path, flag });
  assertOutputsAreNotInputs(
    [
      named(positionals[0], '<file>'),
      named(source?.request.source.kind === 'duckdb' ? source.request.source.path : undefined, '--source'),
      named(values.customers, '--customers'),
      named(values.config, '--config'),
    ],
    [named(storePath(values.db), '--db')],
  );
  // A --source is read and segmented before the store is opened: a source that fails leaves --db as it was (not even created).
  const fromSource = source
    ? await segmentOptionsFromFlags(values, io).then(async ({ options, locale }) => {
        const { result } = await readSegmented(
          {
            file: source.name,
            readRows: source.readRows,
            segmentOptions: options,
            customers: values.customers,
            sheet: values.sheet,
            keepPurchaseDays: true,
          },
          io,
        );
        return { result, locale };
      })
    : undefined;
  const input = source?.name ?? positionals[0]!;
  return withStore(values.db, 'create', async (store) => {
    const importedAt = new Date().toISOString();
    const { snapshot, notes } = fromSource
      ? await importSnapshot(store, { ...fromSource, source: input, importedAt })
      : await importFile(store, input, values, io, importedAt);
    const owners = await store.owners(snapshot.id);
    const unmapped: string[] = [];
    for (const owner of owners) if ((await store.slackUserOfOwner(owner)) === undefined) unmapped.push(owner);
    // The evidence every churn face shows (issue 11): the ranking model, its back-test and what "at risk" means.
    io.out(
      `Imported ${input} as snapshot ${snapshot.id} of ${snapshot.asOf}: ${snapshot.customerCount.toLocaleString('en-US')} customers, ${owners.length} owners, money in ${snapshot.currency?.code ?? 'CNY'}.\n`,
    );
    io.out(`Churn: ${churnEvidenceLines(snapshot, 'en').join('. ')}.\n`);
    for (const note of notes) io.out(`Note: ${note}\n`);
    if (unmapped.length > 0)
      io.out(
        `Owners without a Slack user (${unmapped.length}): ${unmapped.slice(0, 10).join(', ')}${unmapped.length > 10 ? ', …' : ''}. Map them with: tierline users map "Name=U0123".\n`,
      );
    return EXIT.ok;
  });
}
