import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';

/** One file inside a zip, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

/** A zip that cannot be read: the message says why, without the file name (the caller adds it). */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD64_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
// The end record may be followed by a comment of up to 65,535 bytes.
const MAX_COMMENT = 0xffff;
const MAX32 = 0xffffffff;
const READ_BYTES = 1024 * 1024;
const INFLATE_CHUNK = 256 * 1024;

/**
 * Reads a zip's central directory (APPNOTE 4.3.16, with zip64's 4.3.14-15),
 * so that a reader can go straight to the parts it needs, in any order they
 * were written.
 * @throws ZipFormatError when the end record or the directory is missing or
 *   damaged (a truncated download, a file that is not a zip).
 * @example const entries = await readZipDirectory(handle, (await handle.stat()).size); entries.get('xl/workbook.xml')
 */
export async function readZipDirectory(handle: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(size, EOCD_BYTES + MAX_COMMENT);
  const tail = await readExactly(handle, size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - EOCD_BYTES; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('the zip directory at its end is missing: the file is truncated or damaged');
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset === MAX32 || directorySize === MAX32 || count === 0xffff) {
    const locator = end - 20;
    if (locator >= 0 && tail.readUInt32LE(locator) === EOCD64_LOCATOR_SIGNATURE) {
      const record = await readExactly(handle, Number(tail.readBigUInt64LE(locator + 8)), 56);
      if (record.readUInt32LE(0) !== EOCD64_SIGNATURE) throw new ZipFormatError('the zip64 end record is damaged');
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
  }
  if (directoryOffset + directorySize > size) {
    throw new ZipFormatError('the zip directory points past the end of the file: the file is truncated or damaged');
  }
  const directory = await readExactly(handle, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('the zip directory is damaged');
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    // Bit 11: the name is UTF-8; else CP437, which is ASCII for every part name of a workbook.
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    let size32: number = directory.readUInt32LE(at + 24);
    let compressed: number = directory.readUInt32LE(at + 20);
    let offset: number = directory.readUInt32LE(at + 42);
    if (size32 === MAX32 || compressed === MAX32 || offset === MAX32) {
      const zip64 = readZip64Extra(directory, at + 46 + nameLength, extraLength, size32, compressed, offset);
      ({ size: size32, compressed, offset } = zip64);
    }
    entries.set(name, {
      name,
      method: directory.readUInt16LE(at + 10),
      encrypted: (flags & 1) === 1,
      crc: directory.readUInt32LE(at + 16),
      compressedSize: compressed,
      size: size32,
      localHeaderOffset: offset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Streams an entry's bytes, inflated, in pieces of up to 256 KB; the CRC-32
 * and the size are checked at the end. `onRead` gets the count of file bytes
 * read for each piece (for progress).
 * @throws ZipFormatError for an encrypted entry, an unknown compression
 *   method, damaged deflate data, a wrong CRC or size, or a file that ends early.
 * @example for await (const piece of streamZipEntry(handle, entry)) text += piece.toString()
 */
export async function* streamZipEntry(
  handle: FileHandle,
  entry: ZipEntry,
  onRead?: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  if (entry.encrypted) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipFormatError(`${entry.name} uses zip compression method ${entry.method}, which is not supported`);
  }
  const local = await readExactly(handle, entry.localHeaderOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipFormatError(`the zip entry ${entry.name} is damaged`);
  let position = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const end = position + entry.compressedSize;

  let crc = 0;
  let size = 0;
  if (entry.method === 0) {
    while (position < end) {
      const piece = await readExactly(handle, position, Math.min(READ_BYTES, end - position));
      position += piece.length;
      onRead?.(piece.length);
      crc = crc32(piece, crc);
      size += piece.length;
      yield piece;
    }
  } else {
    const compressed = async function* (): AsyncGenerator<Buffer> {
      while (position < end) {
        const piece = await readExactly(handle, position, Math.min(READ_BYTES, end - position));
        position += piece.length;
        onRead?.(piece.length);
        yield piece;
      }
    };
    const source = Readable.from(compressed(), { objectMode: false });
    const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    source.on('error', (error) => inflater.destroy(error));
    // pipe waits for the inflater to drain and the loop below pulls one piece
    // at a time: memory stays at a few MB whatever the entry's size.
    source.pipe(inflater);
    try {
      for await (const piece of inflater as AsyncIterable<Buffer>) {
        crc = crc32(piece, crc);
        size += piece.length;
        yield piece;
      }
    } catch (error) {
      if (error instanceof ZipFormatError) throw error;
      throw new ZipFormatError(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      source.destroy();
      inflater.destroy();
    }
  }
  if (size !== entry.size || crc >>> 0 !== entry.crc >>> 0) {
    throw new ZipFormatError(`${entry.name} is damaged (its checksum does not match)`);
  }
}

/**
 * Reads a whole (small) entry: workbook.xml, its relationships, styles.
 * @throws ZipFormatError as streamZipEntry.
 */
export async function readZipEntry(handle: FileHandle, entry: ZipEntry): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of streamZipEntry(handle, entry)) pieces.push(piece);
  return Buffer.concat(pieces);
}

function readZip64Extra(
  directory: Buffer,
  start: number,
  length: number,
  size: number,
  compressed: number,
  offset: number,
): { size: number; compressed: number; offset: number } {
  for (let at = start; at + 4 <= start + length;) {
    const id = directory.readUInt16LE(at);
    const dataLength = directory.readUInt16LE(at + 2);
    if (id === 0x0001) {
      // APPNOTE 4.5.3: only the fields that overflowed are present, in this order.
      let field = at + 4;
      const next = (): number => {
        const value = Number(directory.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      const result = { size, compressed, offset };
      if (size === MAX32) result.size = next();
      if (compressed === MAX32) result.compressed = next();
      if (offset === MAX32) result.offset = next();
      return result;
    }
    at += 4 + dataLength;
  }
  return { size, compressed, offset };
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) throw new ZipFormatError('the file ends early: it is truncated');
    filled += bytesRead;
  }
  return buffer;
}
