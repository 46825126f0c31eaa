import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createSpoolDeflater } from '../../io/deflate-to-spool.js';
import { createTempDir } from './collect-table.js';

const temp = createTempDir('deflate-spool');
afterAll(() => temp.cleanup());

/** Ten ~300 KB pieces of row-like XML (deterministic). */
const pieces = Array.from({ length: 10 }, (_, p) =>
  Buffer.from(
    Array.from(
      { length: 3000 },
      (_, i) => `<row r="${p * 3000 + i}"><c r="A1" t="s"><v>${(i * 7919) % 1000}</v></c>客户</row>`,
    )
      .join('')
      .padEnd(300_000, ' '),
  ),
);
const whole = Buffer.concat(pieces);

function deflateAll(
  name: string,
  workerAfterBytes: number,
  input: readonly Buffer[] = pieces,
): { bytes: Buffer; entry: object } {
  const path = join(temp.dir, name);
  const fd = openSync(path, 'w+');
  try {
    const deflater = createSpoolDeflater(fd, 0, { workerAfterBytes });
    // The caller reuses its buffer at once, as the xlsx encoder does.
    const reused = Buffer.alloc(Math.max(...input.map((piece) => piece.length)));
    for (const piece of input) {
      piece.copy(reused);
      deflater.write(reused.subarray(0, piece.length));
      reused.fill(0);
    }
    const entry = deflater.end();
    return { bytes: readFileSync(path), entry };
  } finally {
    closeSync(fd);
  }
}

describe('createSpoolDeflater', () => {
  it('writes the same deflate stream on this thread and in the worker, and it inflates back to the input', () => {
    const local = deflateAll('local.bin', Number.POSITIVE_INFINITY);
    const worker = deflateAll('worker.bin', 0);
    const switched = deflateAll('switched.bin', 1_000_000);
    expect(worker.bytes.equals(local.bytes)).toBe(true);
    expect(switched.bytes.equals(local.bytes)).toBe(true);
    expect(worker.entry).toEqual(local.entry);
    expect(switched.entry).toEqual(local.entry);
    expect(local.entry).toEqual({ crc: crc32(whole), size: whole.length, compressed: local.bytes.length });
    expect(inflateRawSync(worker.bytes).equals(whole)).toBe(true);
  });

  it('passes a piece larger than a shared slot (1 MB) between slot pieces in order', () => {
    const mixed = [pieces[0]!, Buffer.concat(pieces.slice(1, 5)), ...pieces.slice(5), pieces[1]!];
    const local = deflateAll('mixed-local.bin', Number.POSITIVE_INFINITY, mixed);
    const worker = deflateAll('mixed-worker.bin', 0, mixed);
    expect(mixed[1]!.length).toBeGreaterThan(1024 * 1024);
    expect(worker.bytes.equals(local.bytes)).toBe(true);
    expect(worker.entry).toEqual(local.entry);
    expect(inflateRawSync(worker.bytes).equals(Buffer.concat(mixed))).toBe(true);
  });

  it("rethrows the worker's write error with its code", () => {
    const path = join(temp.dir, 'read-only.bin');
    writeFileSync(path, '');
    const fd = openSync(path, 'r');
    try {
      const deflater = createSpoolDeflater(fd, 0, { workerAfterBytes: 0 });
      let caught: unknown;
      try {
        for (const piece of pieces) deflater.write(piece);
        deflater.end();
      } catch (error) {
        caught = error;
      } finally {
        deflater.dispose();
      }
      expect(caught).toMatchObject({ code: 'EBADF' });
    } finally {
      closeSync(fd);
    }
  });
});
