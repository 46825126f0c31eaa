import { writeSync } from 'node:fs';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { createDeflater, ZIP_DEFLATE_LEVEL, type DeflatedEntry } from './zip-stream.js';

/** Deflates an entry's pieces, in order, into a spool file: one sync-flushed piece each (zip-stream's format). */
export interface SpoolDeflater {
  /** Deflates `data` (used before returning, so the caller may reuse it) and appends it to the spool. */
  write(data: Buffer): void;
  /** Appends the final block; the spool then holds every byte, and the result describes them. */
  end(): DeflatedEntry;
  /** Stops the worker, if one was started; never throws, safe to call twice. */
  dispose(): void;
}

export interface SpoolDeflaterOptions {
  /** Bytes deflated on this thread before a worker takes over (default 8 MB: small outputs never pay for a worker). */
  readonly workerAfterBytes?: number;
}

const WORKER_AFTER_BYTES = 8 * 1024 * 1024;
const ZIP32_LIMIT = 0xffff_ffff;
// Pieces (1 MB each) in flight to the worker before write() waits: bounds memory.
const MAX_IN_FLIGHT = 4;
// A piece goes to the worker through one of MAX_IN_FLIGHT shared slots this large, reused in turn: a fresh 1 MB
// buffer transferred per piece cost ~3.5 ms of this thread each (allocation, page faults, detach), ~0.4 s of a
// 100k-row sheet. A larger piece (a single text over a megabyte) is still copied and transferred.
const SLOT_BYTES = 1024 * 1024;
// A worker that makes no progress for this long has died (it cannot report that while this thread waits).
const STALL_MS = 30_000;

// State shared with the worker: Float64 [position, crc, size, compressed], then Int32 [in flight, failed].
const STATE_BYTES = 32;
const POSITION = 0;
const CRC = 1;
const SIZE = 2;
const COMPRESSED = 3;
const IN_FLIGHT = 0;
const FAILED = 1;

// CommonJS, evaluated as the worker's script: no file to resolve next to the
// compiled module (vitest runs the .ts sources, the CLI the .js in dist).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { constants, crc32, deflateRawSync } = require('node:zlib');
const { writeSync } = require('node:fs');
const { fd, level, shared, slots, port } = workerData;
const state = new Float64Array(shared, 0, 4);
const flags = new Int32Array(shared, ${STATE_BYTES}, 2);
port.on('message', (piece) => {
  try {
    if (flags[${FAILED}] === 0) {
      // [slot, length] names a shared slot; anything else is a transferred copy.
      const data = Array.isArray(piece)
        ? Buffer.from(slots, piece[0] * ${SLOT_BYTES}, piece[1])
        : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      state[${CRC}] = crc32(data, state[${CRC}]);
      state[${SIZE}] += data.length;
      const out = deflateRawSync(data, { level, finishFlush: constants.Z_SYNC_FLUSH });
      for (let done = 0; done < out.length; ) done += writeSync(fd, out, done, out.length - done, state[${POSITION}] + done);
      state[${POSITION}] += out.length;
      state[${COMPRESSED}] += out.length;
    }
  } catch (error) {
    flags[${FAILED}] = 1;
    port.postMessage({ message: error.message, code: error.code, errno: error.errno, syscall: error.syscall });
  }
  Atomics.sub(flags, ${IN_FLIGHT}, 1);
  Atomics.notify(flags, ${IN_FLIGHT});
});
`;

/**
 * Creates a deflater that appends to the spool file `fd` from `position`.
 * The first few megabytes are deflated on this thread; after that a worker
 * thread deflates while this one goes on encoding rows (the deflate of a
 * 100k-row × 36-column sheet is ~0.5 s, a tenth of the run). write() stays
 * synchronous: it waits (Atomics.wait) only when four pieces are in flight.
 * The bytes are the same as zip-stream's Deflater gives.
 * @throws the spool's write error (ENOSPC …), from write() or end(), as the worker met it.
 * @example const d = createSpoolDeflater(fd, 0); d.write(bytes); const entry = d.end();
 */
export function createSpoolDeflater(fd: number, position: number, options: SpoolDeflaterOptions = {}): SpoolDeflater {
  const workerAfter = options.workerAfterBytes ?? WORKER_AFTER_BYTES;
  const local = createDeflater();
  let written = position;
  const append = (bytes: Buffer): void => {
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, written + done);
    written += bytes.length;
  };

  let worker:
    { thread: Worker; port: MessagePort; state: Float64Array; flags: Int32Array; slots: Uint8Array } | undefined;
  // Pieces posted so far: piece k uses slot k % MAX_IN_FLIGHT, free again once at most MAX_IN_FLIGHT - 1 are in flight.
  let posted = 0;
  let disposed = false;

  const start = (): void => {
    const shared = new SharedArrayBuffer(STATE_BYTES + 8);
    const state = new Float64Array(shared, 0, 4);
    state[POSITION] = written;
    state[CRC] = local.entry.crc >>> 0;
    state[SIZE] = local.entry.size;
    state[COMPRESSED] = local.entry.compressed;
    const channel = new MessageChannel();
    const slots = new SharedArrayBuffer(MAX_IN_FLIGHT * SLOT_BYTES);
    const thread = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { fd, level: ZIP_DEFLATE_LEVEL, shared, slots, port: channel.port2 },
      transferList: [channel.port2],
    });
    // The worker never keeps the process alive; end() waits for its work.
    thread.unref();
    channel.port1.unref();
    worker = {
      thread,
      port: channel.port1,
      state,
      flags: new Int32Array(shared, STATE_BYTES, 2),
      slots: new Uint8Array(slots),
    };
  };

  /** Waits until at most `limit` pieces are in flight, then rethrows a worker error. */
  const waitFor = (limit: number): void => {
    const { flags } = worker!;
    let waited = 0;
    for (;;) {
      const inFlight = Atomics.load(flags, IN_FLIGHT);
      if (inFlight <= limit) break;
      if (Atomics.wait(flags, IN_FLIGHT, inFlight, 1000) === 'timed-out' && (waited += 1000) >= STALL_MS) {
        throw new Error('xlsx: the deflate worker stopped');
      }
    }
    if (Atomics.load(flags, FAILED) !== 0) throw workerError();
  };

  const workerError = (): Error => {
    const received = receiveMessageOnPort(worker!.port)?.message as
      { message: string; code?: string; errno?: number; syscall?: string } | undefined;
    const error = new Error(received?.message ?? 'xlsx: the deflate worker failed') as NodeJS.ErrnoException;
    if (received?.code !== undefined) error.code = received.code;
    if (received?.errno !== undefined) error.errno = received.errno;
    if (received?.syscall !== undefined) error.syscall = received.syscall;
    return error;
  };

  return {
    write(data) {
      if (data.length === 0) return;
      if (worker === undefined && local.entry.size + data.length > workerAfter) start();
      if (worker === undefined) {
        append(local.deflate(data));
        return;
      }
      waitFor(MAX_IN_FLIGHT - 1);
      const slot = posted++ % MAX_IN_FLIGHT;
      if (data.length <= SLOT_BYTES) {
        worker.slots.set(data, slot * SLOT_BYTES);
        Atomics.add(worker.flags, IN_FLIGHT, 1);
        worker.port.postMessage([slot, data.length]);
        return;
      }
      const copy = new Uint8Array(data.length);
      copy.set(data);
      Atomics.add(worker.flags, IN_FLIGHT, 1);
      worker.port.postMessage(copy, [copy.buffer]);
    },
    end() {
      if (worker === undefined) {
        append(local.end());
        return { ...local.entry };
      }
      waitFor(0);
      const { state } = worker;
      if (state[SIZE]! > ZIP32_LIMIT) throw new Error('the xlsx file would exceed 4 GiB (zip without zip64)');
      written = state[POSITION]!;
      const entry = { crc: state[CRC]!, size: state[SIZE]!, compressed: state[COMPRESSED]! };
      const final = createDeflater().end();
      append(final);
      this.dispose();
      return { ...entry, compressed: entry.compressed + final.length };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (worker === undefined) return;
      // Stop the worker's writes and let the piece in hand finish before the
      // caller closes the spool: a late write could land in a reused fd.
      Atomics.store(worker.flags, FAILED, 2);
      for (let waited = 0; Atomics.load(worker.flags, IN_FLIGHT) > 0 && waited < STALL_MS; waited += 100) {
        Atomics.wait(worker.flags, IN_FLIGHT, Atomics.load(worker.flags, IN_FLIGHT), 100);
      }
      worker.port.close();
      void worker.thread.terminate();
    },
  };
}
