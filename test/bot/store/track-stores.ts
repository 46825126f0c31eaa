import { afterEach } from 'vitest';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';

/** Closes every store a test opened, after each test: `const store = track(new SqliteStore(path))`. */
export function trackStores(): <T extends SqliteStore>(store: T) => T {
  const open: SqliteStore[] = [];
  afterEach(() => {
    while (open.length) open.pop()!.close();
  });
  return (store) => (open.push(store), store);
}
