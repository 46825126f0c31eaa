/**
 * How close two words are, for a matcher that forgives typos ("chrun risk",
 * 「流逝风险」) without a list of typos: edit distance with transpositions
 * (optimal string alignment), and a budget of edits that grows with length.
 */

/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
 * @example editDistance('chrun', 'churn') === 1
 */
export function editDistance(a: string, b: string): number {
  const x = [...a],
    y = [...b];
  // Three rows of the optimal-string-alignment table.
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * Whether `word` is `keyword` give or take a typo: exact up to 3 letters; at 4
 * letters one swap or substitution keeping the first letter ("rsik"); one edit
 * from 5 letters ("chrun", "leve"); two from 8 ("retenton").
 * @example isNearWord('chrun', 'churn') === true
 * @example isNearWord('all', 'call') === false
 */
export function isNearWord(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  const n = [...keyword].length;
  if (n <= 3) return false;
  if (n === 4) return [...word].length === 4 && word[0] === keyword[0] && editDistance(word, keyword) === 1;
  return editDistance(word, keyword) <= (n >= 8 ? 2 : 1);
}

/**
 * How Chinese `text` contains `phrase`: 'exact', or 'near' when (for phrases
 * of 4 or more characters) a run of the same length differs in one character,
 * a homophone slip such as 「流逝风险」 for 「流失风险」; else undefined.
 * @example containsNearPhrase('谁的流逝风险高', '流失风险') === 'near'
 */
export function containsNearPhrase(text: string, phrase: string): 'exact' | 'near' | undefined {
  if (text.includes(phrase)) return 'exact';
  const t = [...text],
    p = [...phrase];
  if (p.length < 4) return undefined;
  for (let start = 0; start + p.length <= t.length; start++) {
    let differences = 0;
    for (let k = 0; k < p.length && differences <= 1; k++) if (t[start + k] !== p[k]) differences++;
    if (differences <= 1) return 'near';
  }
  return undefined;
}
