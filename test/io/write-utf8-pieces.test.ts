import { describe, expect, it } from 'vitest';
import { createPieceWriter } from '../../io/write-utf8-pieces.js';

describe('createPieceWriter', () => {
  it('hands on the UTF-8 of every write in order, in pieces no larger than asked, characters whole', () => {
    const pieces: string[] = [];
    const writer = createPieceWriter((bytes) => pieces.push(bytes.toString('utf8')), 9);
    for (const text of ['ab', '中文', 'c', '客户编号', 'd']) writer.write(text);
    writer.flush();
    writer.flush();
    expect(pieces).toEqual(['ab中文', 'c', '客户编号', 'd']);
  });

  it('passes a text longer than a piece on by itself, after what came before it', () => {
    const pieces: string[] = [];
    const writer = createPieceWriter((bytes) => pieces.push(bytes.toString('utf8')), 6);
    writer.write('x');
    writer.write('abcdefgh');
    writer.write('y');
    writer.flush();
    expect(pieces).toEqual(['x', 'abcdefgh', 'y']);
  });
});
