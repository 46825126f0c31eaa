/** The 11 named RFM segments (SPEC appendix), in the appendix's order. */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential-loyalist',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

const CODES: Readonly<Record<RfmSegment, string>> = {
  champions: '555 554 544 545 454 455 445',
  loyal: '543 444 435 355 354 345 344 335',
  'potential-loyalist':
    '553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323',
  new: '512 511 422 421 412 411 311',
  promising: '525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313',
  'need-attention': '535 534 443 434 343 334 325 324',
  'about-to-sleep': '331 321 312 221 213 231 241 251',
  'at-risk': '255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124',
  'cant-lose': '155 154 144 214 215 115 114 113',
  hibernating: '332 322 233 232 223 222 132 123 122 212 211',
  lost: '111 112 121 131 141 151',
};

/** Segment index (into RFM_SEGMENTS) of each code r*100+f*10+m; 255 = unmapped. */
const BY_CODE = new Uint8Array(556).fill(255);
RFM_SEGMENTS.forEach((segment, s) => {
  for (const code of CODES[segment].split(' ')) BY_CODE[Number(code)] = s;
});

/** Index into RFM_SEGMENTS of an RFM code, or -1 (the hot path of scoring). */
export function segmentIndexOfCode(r: number, f: number, m: number): number {
  const s = BY_CODE[r * 100 + f * 10 + m];
  return s === undefined || s === 255 ? -1 : s;
}

/**
 * The named segment of an RFM code (scores 1–5 each).
 * @example segmentOfCode(5, 5, 5) === 'champions'
 */
export function segmentOfCode(r: number, f: number, m: number): RfmSegment | undefined {
  const s = BY_CODE[r * 100 + f * 10 + m];
  return s === undefined || s === 255 ? undefined : RFM_SEGMENTS[s];
}

/** Every code the appendix lists, per segment (for the docs and tests). */
export function codesOf(segment: RfmSegment): readonly string[] {
  return CODES[segment].split(' ');
}
