// Text is encoded into one reused buffer and handed on in pieces this large.
const PIECE_BYTES = 1024 * 1024;

/**
 * Encodes text as UTF-8 straight into one reused 1 MB buffer and hands each
 * full piece to `out`, which must use it before returning. Joining a
 * megabyte of row strings into one string first and then Buffer.from-ing it
 * flattened a rope of ~100,000 pieces per megabyte: ~2 s of a 100k-row ×
 * 36-column write went there and to the garbage it left (issue 13). Used by
 * the xlsx sheet encoder and the csv writer.
 * @example
 *   const writer = createPieceWriter((bytes) => chunks.push(Buffer.from(bytes)));
 *   writer.write('a,b\r\n');
 *   writer.flush(); // chunks: [<61 2c 62 0d 0a>]
 */
export function createPieceWriter(
  out: (bytes: Buffer) => void,
  pieceBytes = PIECE_BYTES,
): { write(text: string): void; flush(): void } {
  const piece = Buffer.allocUnsafe(pieceBytes);
  let used = 0;
  const flush = (): void => {
    if (used === 0) return;
    out(piece.subarray(0, used));
    used = 0;
  };
  return {
    write(text) {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      if (used + text.length * 3 > pieceBytes) {
        flush();
        if (text.length * 3 > pieceBytes) {
          out(Buffer.from(text, 'utf8'));
          return;
        }
      }
      used += piece.write(text, used);
    },
    flush,
  };
}
