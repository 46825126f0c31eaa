// A second OS process for the exactly-once test: ticks the digest scheduler
// of the compiled bot against a shared store file, "posting" by appending a
// line to a shared channel file. Arguments: store path, channel path, worker name, ISO clock.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { DigestScheduler } from '../../../dist/bot/digests/digest-scheduler.js';
import { SqliteStore } from '../../../dist/bot/store/sqlite-store.js';

const [storePath, channelPath, worker, clock] = process.argv.slice(2);
const store = new SqliteStore(storePath);
const lines = () => (existsSync(channelPath) ? readFileSync(channelPath, 'utf8').split('\n').filter(Boolean) : []);
const poster = {
  async post(subscription, period) {
    // Slow post, so the other process runs while this one holds the claim.
    await new Promise((resolve) => setTimeout(resolve, 50));
    appendFileSync(channelPath, `${subscription.id} ${period} ${worker}\n`);
    return worker;
  },
  async alreadyPosted(subscription, period) {
    return lines().some((l) => l.startsWith(`${subscription.id} ${period} `)) ? 'found' : false;
  },
};
const scheduler = new DigestScheduler({ store, poster, worker, now: () => new Date(clock) });
const results = [];
for (let i = 0; i < 20; i++) results.push(...(await scheduler.tick()).map((o) => o.result));
store.close();
process.stdout.write(JSON.stringify(results));
