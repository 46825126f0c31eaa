import { FIELD_IDS, isFieldId, type Message } from '../core/index.js';

/**
 * Parses `--map "customerId=客户编号,orderAmount=Sales"` into field → header.
 * Returns an error (a catalogue Message) instead of throwing, for exit code 1.
 */
export function parseMapping(text: string | undefined): { mapping: Record<string, string> } | { error: Message } {
  const mapping: Record<string, string> = {};
  if (!text) return { mapping };
  for (const part of text.split(/[,，]/)) {
    if (part.trim() === '') continue;
    const at = part.search(/[=＝]/);
    if (at <= 0 || at === part.length - 1)
      return { error: { key: 'cli.usage.map-pair', params: { part: part.trim() } } };
    const field = part.slice(0, at).trim();
    // A typo in a field name is a usage error (exit 1), caught before the file is read.
    if (!isFieldId(field)) return { error: { key: 'cli.usage.map-field', params: { field, fields: FIELD_IDS } } };
    mapping[field] = part.slice(at + 1).trim();
  }
  return { mapping };
}
