/** A name the user gave (table, column) that cannot be used as an identifier. */
export class IdentifierError extends Error {
  constructor(
    readonly code: 'invalid-identifier',
    readonly value: string,
    message: string,
  ) {
    super(message);
    this.name = 'IdentifierError';
  }
}

/**
 * Quotes one SQL identifier (ANSI double quotes, an embedded quote doubled),
 * so a column named `x"; drop table t; --` stays one harmless name. NUL and
 * empty names are refused: no engine stores them.
 * @throws IdentifierError `invalid-identifier`
 * @example quoteIdentifier('Order date') → '"Order date"'
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\u0000'))
    throw new IdentifierError('invalid-identifier', name, `"${name}" cannot be a table or column name.`);
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Quotes a table name given as `table`, `schema.table` or `db.schema.table`
 * (dots split the parts; a part may itself be double-quoted to contain a dot).
 * @throws IdentifierError `invalid-identifier` for an empty part or more than three parts.
 * @example quoteTableName('sales.orders') → '"sales"."orders"'
 */
export function quoteTableName(name: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i <= name.length) {
    if (name[i] === '"') {
      let part = '';
      i++;
      for (;;) {
        if (i >= name.length)
          throw new IdentifierError('invalid-identifier', name, `--table "${name}": a quote never closes.`);
        if (name[i] === '"' && name[i + 1] === '"') {
          part += '"';
          i += 2;
        } else if (name[i] === '"') {
          i++;
          break;
        } else part += name[i++];
      }
      parts.push(part);
      if (i < name.length && name[i] !== '.')
        throw new IdentifierError('invalid-identifier', name, `--table "${name}": text after a quoted name.`);
      i++;
    } else {
      const end = name.indexOf('.', i);
      const stop = end < 0 ? name.length : end;
      parts.push(name.slice(i, stop));
      i = stop + 1;
    }
  }
  if (parts.length > 3 || parts.some((p) => p.length === 0))
    throw new IdentifierError(
      'invalid-identifier',
      name,
      `--table "${name}" is not a table name (table, schema.table or database.schema.table).`,
    );
  return parts.map(quoteIdentifier).join('.');
}
