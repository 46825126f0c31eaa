/**
 * A safe integer with en-US thousands separators, as
 * `new Intl.NumberFormat('en-US').format(n)` writes it but without the ICU
 * call: money and counts in per-customer columns are mostly whole numbers.
 * @example groupDigits(-1234567) === '-1,234,567'
 */
export function groupDigits(n: number): string {
  const text = String(Math.abs(n));
  const sign = n < 0 ? '-' : '';
  if (text.length <= 3) return sign + text;
  let out = text.slice(0, ((text.length - 1) % 3) + 1);
  for (let i = out.length; i < text.length; i += 3) out += ',' + text.slice(i, i + 3);
  return sign + out;
}
