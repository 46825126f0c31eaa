/**
 * A stable, loggable code for any thrown value: the error's own `code`
 * (Bolt and the Web API wrap the original: `original.code` / `data.error`
 * first), else its class name. Never its message, which can quote a
 * payload (names, free text), so logs stay free of personal data.
 * @example errorCode(new TypeError("Cannot read properties of null (reading 'x')")) // 'TypeError'
 */
export function errorCode(error: unknown): string {
  const e = error as
    { code?: unknown; name?: unknown; original?: unknown; data?: { error?: unknown } } | null | undefined;
  const candidates = [
    (e?.original as { code?: unknown } | undefined)?.code,
    e?.data?.error,
    e?.code,
    (e?.original as { name?: unknown } | undefined)?.name,
    e?.name,
  ];
  for (const c of candidates)
    if (typeof c === 'string' && /^[\w.:-]{1,64}$/.test(c) && c !== 'slack_bolt_unknown_error' && c !== 'Error')
      return c;
  return 'internal';
}
