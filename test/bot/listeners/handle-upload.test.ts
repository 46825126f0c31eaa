import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import type { BotDeps } from '../../../bot/bot-deps.js';
import { createTempDirs, type TempDirs } from '../../../bot/temp-dirs.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../cli/commands/bot-store.js';
import { handleUpload } from '../../../bot/listeners/messages/handle-upload.js';
import type { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { startFakeSlack } from '../fake-slack.js';
import { fixtureDeps, fixtureStore, USERS } from '../fixtures.js';

let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let store: SqliteStore;
beforeEach(async () => {
  slack = await startFakeSlack();
  store = fixtureStore();
});
afterEach(async () => {
  await slack.close();
  store.close();
});

const io = {
  out: () => {},
  err: () => {},
  now: () => new Date('2026-11-25T12:00:00Z'),
  timeZone: 'UTC',
  interactive: false,
};
let tempRoot: string;
let tempDirs: TempDirs;
beforeEach(async () => {
  tempRoot = mkdtempSync(join(tmpdir(), 'tl-upload-root-'));
  tempDirs = createTempDirs(tempRoot);
});
afterEach(() => rmSync(tempRoot, { recursive: true, force: true }));

function deps(overrides: Partial<BotDeps> = {}) {
  return fixtureDeps(store, {
    importFile: async (path, _source, out) => {
      const { snapshot } = await importFile(store, path, {}, io, '2026-11-25T09:00:00Z', out);
      return { asOf: snapshot.asOf, customers: snapshot.customerCount };
    },
    tempDirs,
    ...overrides,
  });
}
const client = () => new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl });

describe('uploads in the DM', () => {
  it('imports a csv from an admin as a snapshot and uploads the segmented file back', async () => {
    const csv =
      'Customer ID,Account manager,Last purchase date,Frequency,Cumulative spend\nC9,Maria,2026-11-20,4,900\nC8,David,2026-01-01,1,100\n';
    const url = slack.fileUrl('book.csv', Buffer.from(csv));
    const text = await handleUpload(deps(), {
      userId: USERS.ada,
      channel: 'D0ADA',
      file: { name: 'book.csv', size: csv.length, url_private_download: url },
      token: 'xoxb-test',
      client: client(),
      locale: 'en',
    });
    expect(text).toBe('Imported as snapshot of 2026-11-21: 2 customers.');
    expect((await store.latestSnapshot())!.customerCount).toBe(2);
    expect(slack.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
    expect(slack.callsTo('upload')[0]!.body.text).toMatch(/C9.*Maria/);
    expect(slack.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({
      channel_id: 'D0ADA',
      initial_comment: text,
    });
  });

  it.each([
    ['a salesperson', USERS.maria, { name: 'book.csv', size: 10 }, 'Only admins can import files.'],
    ['a non-table type', USERS.ada, { name: 'notes.pdf', size: 10 }, 'I can import .csv and .xlsx files only.'],
    [
      'a 200 MB file',
      USERS.ada,
      { name: 'big.xlsx', size: 200 * 1024 * 1024 },
      'That file is 200 MB; the limit is 50 MB.',
    ],
  ])('refuses %s before downloading anything, and the store is unchanged', async (_, user, file, reply) => {
    const before = await store.latestSnapshot();
    expect(
      await handleUpload(deps(), { userId: user, channel: 'D1', file, token: 'x', client: client(), locale: 'en' }),
    ).toBe(reply);
    expect(slack.calls).toEqual([]);
    expect(await store.latestSnapshot()).toEqual(before);
  });

  it('says why a .csv that is not a table cannot be read, and keeps the old snapshot', async () => {
    const before = await store.latestSnapshot();
    const url = slack.fileUrl('fake.csv', Buffer.from('{"not": "a table"}\n'));
    const text = await handleUpload(deps(), {
      userId: USERS.ada,
      channel: 'D1',
      file: { name: 'fake.csv', size: 20, url_private_download: url },
      token: 'x',
      client: client(),
      locale: 'en',
    });
    expect(text).toMatch(/^I could not read that file as a table: .+/);
    expect(await store.latestSnapshot()).toEqual(before);
  });

  it('leaves nothing with customer data in the temp folder after a success, a failed import, a failed download and a failed Slack upload', async () => {
    const csv =
      'Customer ID,Customer name,Account manager,Last purchase date,Frequency,Cumulative spend\nC9,Bob Smith,Maria,2026-11-20,4,900\n';
    const good = {
      name: 'book.csv',
      size: csv.length,
      url_private_download: slack.fileUrl('book.csv', Buffer.from(csv)),
    };
    const seen: string[] = [];
    // Records what was on disk mid-upload, so the test proves files existed and then went.
    const watching = deps({
      importFile: async (path, source, out) => {
        const result = await deps().importFile!(path, source, out);
        seen.push(...readdirSync(tempRoot).flatMap((d) => readdirSync(join(tempRoot, d))));
        return result;
      },
    });
    expect(
      await handleUpload(watching, {
        userId: USERS.ada,
        channel: 'D1',
        file: good,
        token: 'x',
        client: client(),
        locale: 'en',
      }),
    ).toBe('Imported as snapshot of 2026-11-21: 1 customers.');
    expect(seen.sort()).toEqual(['segmented.csv', 'upload.csv']);
    expect(slack.callsTo('upload')[0]!.body.text).toContain('Bob Smith');
    expect(readdirSync(tempRoot)).toEqual([]);

    const bad = {
      name: 'fake.csv',
      size: 20,
      url_private_download: slack.fileUrl('fake.csv', Buffer.from('{"not": "a table"}\n')),
    };
    expect(
      await handleUpload(deps(), {
        userId: USERS.ada,
        channel: 'D1',
        file: bad,
        token: 'x',
        client: client(),
        locale: 'en',
      }),
    ).toMatch(/^I could not read that file/);
    expect(readdirSync(tempRoot)).toEqual([]);

    const missing = {
      name: 'gone.csv',
      size: 20,
      url_private_download: slack.fileUrl('gone.csv', Buffer.from('')).replace('gone', 'nope'),
    };
    expect(
      await handleUpload(deps(), {
        userId: USERS.ada,
        channel: 'D1',
        file: missing,
        token: 'x',
        client: client(),
        locale: 'en',
      }),
    ).toMatch(/download failed \(404\)/);
    const unreachable = { name: 'x.csv', size: 20, url_private_download: 'http://127.0.0.1:1/x.csv' };
    expect(
      await handleUpload(deps(), {
        userId: USERS.ada,
        channel: 'D1',
        file: unreachable,
        token: 'x',
        client: client(),
        locale: 'en',
      }),
    ).toMatch(/download failed \(\w+\)/);

    slack.failNext('files.getUploadURLExternal', 200, {}, { ok: false, error: 'not_allowed_token_type' });
    const text = await handleUpload(deps(), {
      userId: USERS.ada,
      channel: 'D1',
      file: good,
      token: 'x',
      client: client(),
      locale: 'en',
    });
    expect(text).toBe(
      'Imported as snapshot of 2026-11-21: 1 customers.\nSlack did not accept the message (not_allowed_token_type); nothing was lost, try again in a minute.',
    );
    expect(readdirSync(tempRoot)).toEqual([]);
    expect(tempDirs.open.size).toBe(0);
  });

  it('removeAll clears an upload still open when the bot exits', async () => {
    const dir = await tempDirs.create();
    writeFileSync(join(dir, 'segmented.csv'), 'C9,Bob Smith');
    tempDirs.removeAll();
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});
