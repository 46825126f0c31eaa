import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { WebClient } from '@slack/web-api';
import { formatIssue, type CellIssue } from '../../../core/index.js';
import { resolveViewer } from '../../access/resolve-viewer.js';
import type { BotDeps } from '../../bot-deps.js';
import { errorCode } from '../../error-code.js';
import { createTempDirs } from '../../temp-dirs.js';
import type { Locale } from '../../intents/match-intent.js';
import { message } from '../../i18n/messages.js';

/** The file fields of a `file_share` message the upload needs. */
export interface SharedFile {
  readonly name?: string;
  readonly size?: number;
  readonly filetype?: string;
  readonly url_private_download?: string;
}

export const DEFAULT_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;
const TABLE_EXTENSIONS = ['.csv', '.xlsx'];

/**
 * A csv/xlsx sent to the bot in a DM: admins only, size and type checked
 * before anything is downloaded; then segmented, stored as a snapshot and
 * sent back as the segmented file. Every refusal is a reply, and a file that
 * fails to read leaves the store as it was (the import is one transaction).
 * @returns the reply text.
 */
export async function handleUpload(
  deps: BotDeps,
  args: {
    userId: string;
    channel: string;
    file: SharedFile;
    token: string | undefined;
    client: WebClient;
    locale: Locale;
  },
): Promise<string> {
  const { file, locale } = args;
  const viewer = await resolveViewer(deps.store, args.userId, deps.access);
  if (!viewer.admin || !deps.importFile) return message('upload.refused', locale);
  const limit = deps.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;
  const name = file.name ?? 'upload';
  if (!TABLE_EXTENSIONS.includes(extname(name).toLowerCase())) return message('upload.wrong-type', locale);
  if ((file.size ?? 0) > limit)
    return message('upload.too-large', locale, {
      size: Math.ceil((file.size ?? 0) / 1048576),
      limit: Math.floor(limit / 1048576),
    });
  if (!file.url_private_download) return message('upload.failed', locale, { problem: 'no download link' });
  let bytes: Buffer;
  try {
    const response = await fetch(file.url_private_download, {
      headers: args.token ? { Authorization: `Bearer ${args.token}` } : {},
    });
    if (!response.ok) return message('upload.failed', locale, { problem: `download failed (${response.status})` });
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    return message('upload.failed', locale, { problem: `download failed (${errorCode(error)})` });
  }
  // The declared size can lie; the downloaded one cannot.
  if (bytes.length > limit)
    return message('upload.too-large', locale, {
      size: Math.ceil(bytes.length / 1048576),
      limit: Math.floor(limit / 1048576),
    });
  // The download and the segmented file both hold customer data: one folder, removed however the upload ends.
  const temp = deps.tempDirs ?? createTempDirs();
  const dir = await temp.create();
  try {
    // Our own names: the user's file name never becomes a path (and cannot collide with the output).
    const path = join(dir, `upload${extname(name).toLowerCase()}`);
    const segmentedOut = join(dir, 'segmented.csv');
    await writeFile(path, bytes);
    let imported;
    try {
      imported = await deps.importFile(path, name, segmentedOut);
    } catch (error) {
      // A data problem is told in the user's language (the issue's catalogue sentence, issue 14).
      const issue = (error as { issues?: readonly CellIssue[] }).issues?.[0];
      return message('upload.failed', locale, {
        problem: issue ? formatIssue(issue, locale) : (error as Error).message,
      });
    }
    const text = message('upload.done', locale, { asOf: imported.asOf, count: imported.customers });
    try {
      await args.client.files.uploadV2({
        channel_id: args.channel,
        file: segmentedOut,
        filename: `segmented-${name.replace(/\.xlsx$/i, '.csv')}`,
        initial_comment: text,
      });
    } catch (error) {
      // The snapshot is stored; only the file did not reach Slack.
      return `${text}\n${message('error.slack', locale, { code: errorCode(error) })}`;
    }
    return text;
  } finally {
    await temp.remove(dir);
  }
}
