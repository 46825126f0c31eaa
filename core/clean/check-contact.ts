/**
 * SPEC §3 contact-invalid: a mainland mobile number is 11 digits starting
 * with 1 (optionally +86 / 0086 first, with spaces or dashes). Values with `*`
 * are masked, not invalid. Returns a reason when invalid, else undefined.
 * @example checkContact('138****1234') === undefined
 */
export function checkContact(contact: string): string | undefined {
  const text = contact.trim();
  if (text.includes('*')) return undefined;
  if (/@/.test(text)) return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? undefined : 'is not a valid e-mail address';
  const digits = text.replace(/[\s\-()]/g, '').replace(/^(\+86|0086)/, '');
  if (!/^\d+$/.test(digits)) return 'is not a phone number';
  if (/^1\d{10}$/.test(digits)) return undefined;
  // Landlines: area code 0xx(x) + 7–8 digits.
  if (/^0\d{9,11}$/.test(digits)) return undefined;
  return 'is not an 11-digit mobile number starting with 1';
}
