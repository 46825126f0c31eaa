import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRowSpool, REPLAY_ROWS } from '../../io/spool-rows.js';

const spools = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('tierline-spool-'));

describe('createRowSpool', () => {
  it('hands back every batch in order with its first row number, as often as asked', () => {
    const spool = createRowSpool();
    spool.add([['C1', 3, true, null], [], ['客户', -0.5, false, '2024-01-05']], 2);
    spool.add([['C9', 1e21]], 90_000);
    for (let round = 0; round < 2; round++) {
      const seen: [number, unknown[]][] = [];
      spool.replay((batch, first) => seen.push([first, batch as unknown[]]));
      expect(seen).toEqual([
        [2, [['C1', 3, true, null], [], ['客户', -0.5, false, '2024-01-05']]],
        [90_000, [['C9', 1e21]]],
      ]);
    }
    spool.dispose();
  });

  it('hands a large batch back in batches of REPLAY_ROWS rows, numbered from where each starts', () => {
    const spool = createRowSpool();
    const rows = Array.from({ length: 2 * REPLAY_ROWS + 5 }, (_, i) => [`C${i}`, i]);
    spool.add(rows, 10);
    const seen: [number, number, unknown][] = [];
    spool.replay((batch, first) => seen.push([first, batch.length, batch[0]]));
    expect(seen).toEqual([
      [10, REPLAY_ROWS, ['C0', 0]],
      [10 + REPLAY_ROWS, REPLAY_ROWS, [`C${REPLAY_ROWS}`, REPLAY_ROWS]],
      [10 + 2 * REPLAY_ROWS, 5, [`C${2 * REPLAY_ROWS}`, 2 * REPLAY_ROWS]],
    ]);
    spool.dispose();
  });

  it('removes its temp folder on dispose, once', () => {
    const before = spools();
    const spool = createRowSpool();
    const added = spools().filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    spool.add([['x']], 1);
    spool.dispose();
    spool.dispose();
    expect(existsSync(`${tmpdir()}/${added[0]}`)).toBe(false);
  });
});
