import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Cell } from '../core/index.js';

/** Rows kept on disk while a file is read once, to be handed out again in order. */
export interface RowSpool {
  /** Keeps a batch (as readTable hands it over) and the 1-based row number of its first row. */
  add(batch: readonly (readonly Cell[])[], firstRowNumber: number): void;
  /** Hands every row back in the order added, in batches of at most REPLAY_ROWS rows; may be called more than once. */
  replay(each: (batch: readonly (readonly Cell[])[], firstRowNumber: number) => void): void;
  /** Removes the temp file; never throws, safe to call twice. */
  dispose(): void;
}

const HEADER_BYTES = 8;
/**
 * Rows per stored record, and so per batch replay hands out. A reader's
 * 4,096-row batch deserialised at once stayed alive while its rows were
 * written, long enough to be copied by scavenges and promoted to the old
 * generation (most of a 100k-row run's garbage-collection time); a small
 * batch dies young.
 */
export const REPLAY_ROWS = 256;

/**
 * Creates a spool of row batches in a private temp folder (mkdtemp, removed
 * by dispose). It lets a command read an input once and still write every
 * input row beside its results afterwards: an xlsx costs far more to parse
 * twice than to serialise (v8.serialize, one record per REPLAY_ROWS rows: byte
 * length and first row number, then the rows), and memory stays flat unlike holding
 * a million-row table. Writes and reads are synchronous, like the table
 * writers, because the read callback that feeds it cannot await.
 * @example
 *   const spool = createRowSpool();
 *   spool.add([['C1', 3]], 2);
 *   spool.replay((batch, first) => console.log(first, batch)); // 2 [['C1', 3]]
 *   spool.dispose();
 */
export function createRowSpool(): RowSpool {
  const dir = mkdtempSync(join(tmpdir(), 'tierline-spool-'));
  const path = join(dir, 'rows.bin');
  const fd = openSync(path, 'w+', 0o600);
  let length = 0;
  let open = true;

  const writeAll = (bytes: Uint8Array, position: number): void => {
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
  };
  const readAll = (bytes: Uint8Array, position: number): void => {
    for (let done = 0; done < bytes.length;) {
      const n = readSync(fd, bytes, done, bytes.length - done, position + done);
      if (n === 0) throw new Error('row spool: temp file ended early');
      done += n;
    }
  };

  return {
    add(batch, firstRowNumber) {
      for (let at = 0; at < batch.length; at += REPLAY_ROWS) {
        const body = serialize(batch.length <= REPLAY_ROWS ? batch : batch.slice(at, at + REPLAY_ROWS));
        const header = Buffer.alloc(HEADER_BYTES);
        header.writeUInt32LE(body.length, 0);
        header.writeUInt32LE(firstRowNumber + at, 4);
        writeAll(header, length);
        writeAll(body, length + HEADER_BYTES);
        length += HEADER_BYTES + body.length;
      }
    },
    replay(each) {
      const header = Buffer.alloc(HEADER_BYTES);
      // One buffer for every record (grown when needed): the rows deserialised from it are copies.
      let buffer = Buffer.alloc(0);
      for (let position = 0; position < length;) {
        readAll(header, position);
        const size = header.readUInt32LE(0);
        if (size > buffer.length) buffer = Buffer.alloc(Math.max(size, buffer.length * 2));
        const body = buffer.subarray(0, size);
        readAll(body, position + HEADER_BYTES);
        each(deserialize(body) as (readonly Cell[])[], header.readUInt32LE(4));
        position += HEADER_BYTES + size;
      }
    },
    dispose() {
      if (!open) return;
      open = false;
      try {
        closeSync(fd);
      } catch {
        // Already closed: nothing to release.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
