import { constants, crc32 as nodeCrc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for one file written front to back: each entry is
 * deflated in pieces as it is written, and the central directory goes at the
 * end. Entries carry a data descriptor (general-purpose flag bit 3, APPNOTE
 * 4.3.9), so an entry's size and CRC need not be known before its bytes are
 * written. No zip64: an entry or the whole archive over 4 GiB is refused.
 */
export interface ZipStream {
  /** Starts a new entry (ending the previous one). */
  startEntry(name: string): void;
  /** Adds bytes to the current entry; deflated at once (caller passes ~1 MB pieces). */
  write(data: Buffer): void;
  /**
   * Adds a whole entry deflated earlier by a `Deflater` (ended), its bytes
   * handed over by `copy` in order: an entry can be compressed aside and
   * placed after entries written later.
   */
  addDeflated(name: string, deflated: DeflatedEntry, copy: (emit: (bytes: Buffer) => void) => void): void;
  /** Ends the last entry and writes the central directory. */
  finish(): void;
}

/** Where the zip's bytes go, in order. */
export type ZipSink = (bytes: Buffer) => void;

/** What the zip's records need about an entry deflated aside. */
export interface DeflatedEntry {
  readonly crc: number;
  readonly size: number;
  readonly compressed: number;
}

/** Deflates one entry's bytes piece by piece, for an entry written aside (ZipStream.addDeflated). */
export interface Deflater {
  /** The deflated bytes of `data`. */
  deflate(data: Buffer): Buffer;
  /** The bytes that end the deflate stream; after this, `entry` is complete. */
  end(): Buffer;
  readonly entry: DeflatedEntry;
}

/**
 * Creates a Deflater with the same piecewise deflate as ZipStream.write.
 * @example const d = createDeflater(); const bytes = Buffer.concat([d.deflate(Buffer.from('hi')), d.end()]);
 */
export function createDeflater(level = LEVEL): Deflater {
  const entry = { crc: 0, size: 0, compressed: 0 };
  return {
    entry,
    deflate(data) {
      entry.size += data.length;
      if (entry.size > LIMIT) throw new Error('the xlsx file would exceed 4 GiB (zip without zip64)');
      entry.crc = crc32(data, entry.crc);
      const deflated = deflateRawSync(data, { level, finishFlush: constants.Z_SYNC_FLUSH });
      entry.compressed += deflated.length;
      return deflated;
    },
    end() {
      entry.compressed += FINAL_BLOCK.length;
      return FINAL_BLOCK;
    },
  };
}

interface EntryRecord {
  readonly name: Buffer;
  readonly offset: number;
  crc: number;
  compressed: number;
  size: number;
}

const LIMIT = 0xffff_ffff;
// Flag bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8.
const FLAGS = 0x0808;
const DEFLATE = 8;
// zlib level 2: on the 100k-row sheet XML, a third of level 6's time for a 40% larger file (issue 13 bench).
const LEVEL = 2;
/** The zlib level of every entry (deflate-to-spool's worker uses it too). */
export const ZIP_DEFLATE_LEVEL = LEVEL;
// 1980-01-01 00:00 in MS-DOS format: output does not depend on the clock.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
// The empty final block that ends a raw deflate stream made of sync-flushed pieces.
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * Opens a zip stream into `sink`. Each piece is deflated on its own with a
 * sync flush (RFC 1951 §3.2.3: a non-final block ends on a byte boundary),
 * so the pieces join into one valid deflate stream that a final empty block
 * closes. Deflating synchronously keeps a writer that cannot await from
 * queueing output in memory.
 * @throws Error when an entry or the archive would exceed 4 GiB.
 * @example const zip = createZipStream((b) => chunks.push(b)); zip.startEntry('a.txt'); zip.write(Buffer.from('hi')); zip.finish();
 */
export function createZipStream(sink: ZipSink, level = LEVEL): ZipStream {
  const entries: EntryRecord[] = [];
  let offset = 0;
  let current: { record: EntryRecord; deflater: Deflater } | undefined;

  const emit = (bytes: Buffer): void => {
    offset += bytes.length;
    if (offset > LIMIT) throw new Error('the xlsx file would exceed 4 GiB (zip without zip64)');
    sink(bytes);
  };

  const localHeader = (name: string): EntryRecord => {
    const encoded = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    // CRC and sizes (14–25) stay 0: the data descriptor carries them.
    header.writeUInt16LE(encoded.length, 26);
    const record = { name: encoded, offset, crc: 0, compressed: 0, size: 0 };
    entries.push(record);
    emit(header);
    emit(encoded);
    return record;
  };

  const dataDescriptor = (record: EntryRecord, deflated: DeflatedEntry): void => {
    Object.assign(record, { crc: deflated.crc, compressed: deflated.compressed, size: deflated.size });
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(deflated.crc >>> 0, 4);
    descriptor.writeUInt32LE(deflated.compressed, 8);
    descriptor.writeUInt32LE(deflated.size, 12);
    emit(descriptor);
  };

  const endEntry = (): void => {
    if (!current) return;
    emit(current.deflater.end());
    dataDescriptor(current.record, current.deflater.entry);
    current = undefined;
  };

  return {
    startEntry(name) {
      endEntry();
      current = { record: localHeader(name), deflater: createDeflater(level) };
    },
    write(data) {
      if (!current) throw new Error('zip: write before startEntry');
      if (data.length > 0) emit(current.deflater.deflate(data));
    },
    addDeflated(name, deflated, copy) {
      endEntry();
      const record = localHeader(name);
      let copied = 0;
      copy((bytes) => {
        copied += bytes.length;
        emit(bytes);
      });
      if (copied !== deflated.compressed)
        throw new Error(`zip: ${name} has ${copied} bytes, not ${deflated.compressed}`);
      dataDescriptor(record, deflated);
    },
    finish() {
      endEntry();
      const start = offset;
      for (const entry of entries) {
        const record = Buffer.alloc(46);
        record.writeUInt32LE(0x02014b50, 0);
        record.writeUInt16LE(20, 4);
        record.writeUInt16LE(20, 6);
        record.writeUInt16LE(FLAGS, 8);
        record.writeUInt16LE(DEFLATE, 10);
        record.writeUInt16LE(DOS_TIME, 12);
        record.writeUInt16LE(DOS_DATE, 14);
        record.writeUInt32LE(entry.crc >>> 0, 16);
        record.writeUInt32LE(entry.compressed, 20);
        record.writeUInt32LE(entry.size, 24);
        record.writeUInt16LE(entry.name.length, 28);
        // Extra, comment, disk, attributes (30–41) stay 0.
        record.writeUInt32LE(entry.offset, 42);
        emit(record);
        emit(entry.name);
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      emit(end);
    },
  };
}

// zlib.crc32 arrived in Node 20.15; the table is the fallback for older 20.x.
let table: Uint32Array | undefined;

function crc32(data: Buffer, previous: number): number {
  if (typeof nodeCrc32 === 'function') return nodeCrc32(data, previous);
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = ~previous;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
