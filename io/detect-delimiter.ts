/** Delimiters tried, in order of preference on a tie. */
export const DELIMITER_CANDIDATES = [',', '\t', ';', '|'] as const;

// Enough records to see the pattern; the sample is never scanned past this.
const SAMPLE_RECORDS = 20;
const SAMPLE_CHARS = 64 * 1024;

/**
 * Picks the column delimiter of csv text among `,` `\t` `;` `|` from its first
 * records: the one that splits the header at least once and then splits the
 * most rows into the same number of fields as the header, ties going to more
 * columns, then to the order above. A file where none splits the header is a
 * one-column file and gets ','.
 *
 * udsv's own guess takes the first candidate present anywhere in the first
 * line, so a header like `name,note|x` would come out '|'.
 * @example detectDelimiter('id;amount\n1;3,50\n2;4,00\n') === ';'
 */
export function detectDelimiter(sample: string): string {
  const counts = countPerRecord(sample);
  let best: string = DELIMITER_CANDIDATES[0];
  let bestAgreement = -1;
  let bestColumns = 0;
  DELIMITER_CANDIDATES.forEach((candidate, k) => {
    const header = counts[0]?.[k] ?? 0;
    if (header === 0) return;
    let agreeing = 0;
    for (let r = 1; r < counts.length; r++) {
      if (counts[r]![k] === header) agreeing++;
    }
    const agreement = counts.length > 1 ? agreeing / (counts.length - 1) : 1;
    if (agreement > bestAgreement || (agreement === bestAgreement && header > bestColumns)) {
      best = candidate;
      bestAgreement = agreement;
      bestColumns = header;
    }
  });
  return best;
}

/**
 * Counts each candidate outside quotes in the first non-blank records. Quotes
 * simply toggle here: good enough for a guess, and it keeps quoted line breaks
 * and delimiters out of the counts.
 */
function countPerRecord(sample: string): number[][] {
  const out: number[][] = [];
  let counts = DELIMITER_CANDIDATES.map(() => 0);
  let inQuotes = false;
  let filled = false;
  const end = Math.min(sample.length, SAMPLE_CHARS);
  for (let i = 0; i < end && out.length < SAMPLE_RECORDS; i++) {
    const c = sample[i]!;
    if (c === '"') {
      inQuotes = !inQuotes;
      filled = true;
    } else if (inQuotes) {
      continue;
    } else if (c === '\n' || c === '\r') {
      if (filled) out.push(counts);
      counts = DELIMITER_CANDIDATES.map(() => 0);
      filled = false;
    } else {
      const k = (DELIMITER_CANDIDATES as readonly string[]).indexOf(c);
      if (k !== -1) counts[k]!++;
      if (c !== ' ') filled = true;
    }
  }
  // A last line cut by the sample limit would skew the counts; a whole one is fine.
  if (filled && end === sample.length && out.length < SAMPLE_RECORDS) out.push(counts);
  return out;
}
