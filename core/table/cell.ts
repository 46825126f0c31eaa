/**
 * A raw cell as any face hands it to the engine: csv gives strings, xlsx and
 * Excel give numbers, booleans and (already converted) date strings.
 * `null` and `undefined` both mean an empty cell.
 */
export type Cell = string | number | boolean | null | undefined;

/** A row of raw cells, never mutated by the engine. */
export type RawRow = readonly Cell[];
