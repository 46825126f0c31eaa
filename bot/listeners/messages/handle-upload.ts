import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { WebClient } from '@slack/web-api';
import { resolveViewer } from '../../access/resolve-viewer.js';
import type { BotDeps } from '../../bot-deps.js';
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
export async function handleUpload(deps: BotDeps, args: { userId: string; channel: string; file: SharedFile; token: string | undefined; client: WebClient; locale: Locale }): Promise<string> {
  const { file, locale } = args;
  const viewer = resolveViewer(deps.store, args.userId, deps.access);
  if (!viewer.admin || !deps.importFile) return message('upload.refused', locale);
  const limit = deps.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;
  const name = file.name ?? 'upload';
  if (!TABLE_EXTENSIONS.includes(extname(name).toLowerCase())) return message('upload.wrong-type', locale);
  if ((file.size ?? 0) > limit) return message('upload.too-large', locale, { size: Math.ceil((file.size ?? 0) / 1048576), limit: Math.floor(limit / 1048576) });
  if (!file.url_private_download) return message('upload.failed', locale, { problem: 'no download link' });
  const response = await fetch(file.url_private_download, { headers: args.token ? { Authorization: `Bearer ${args.token}` } : {} });
  if (!response.ok) return message('upload.failed', locale, { problem: `download failed (${response.status})` });
  const bytes = Buffer.from(await response.arrayBuffer());
  // The declared size can lie; the downloaded one cannot.
  if (bytes.length > limit) return message('upload.too-large', locale, { size: Math.ceil(bytes.length / 1048576), limit: Math.floor(limit / 1048576) });
  const dir = await mkdtemp(join(tmpdir(), 'tierline-upload-'));
  try {
    const path = join(dir, name.replace(/[\\/]/g, '_'));
    await writeFile(path, bytes);
    let imported;
    try {
      imported = await deps.importFile(path, name);
    } catch (error) {
      const issues = (error as { issues?: { message: string }[] }).issues;
      return message('upload.failed', locale, { problem: issues?.[0]?.message ?? (error as Error).message });
    }
    const text = message('upload.done', locale, { asOf: imported.asOf, count: imported.customers });
    await args.client.files.uploadV2({ channel_id: args.channel, file: imported.segmentedPath, filename: `segmented-${name.replace(/\.xlsx$/i, '.csv')}`, initial_comment: text });
    return text;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
