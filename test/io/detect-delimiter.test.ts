import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../io/detect-delimiter.js';

describe('detectDelimiter', () => {
  it('picks the delimiter that splits rows like the header (the JSDoc example)', () => {
    expect(detectDelimiter('id;amount\n1;3,50\n2;4,00\n')).toBe(';');
  });

  it.each([
    ['a\tb\n1\t2\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['"x,y";z\n"1,2";3\n', ';'],
    ['name|alias,note\nA|a,x\nB|b,y\n', ','],
    ['id\n1\n2\n', ','],
  ])('%j → %j', (sample, delimiter) => {
    expect(detectDelimiter(sample)).toBe(delimiter);
  });
});
