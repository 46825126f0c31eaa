/**
 * The store concerns are asynchronous (a PostgreSQL store waits on the
 * network); better-sqlite3 answers at once. A SQLite concern is written
 * against the synchronous shape of its interface and wrapped here, so both
 * stores implement the same interface and callers always await.
 */

/** The synchronous shape of an async store concern: each method returns its value instead of a promise. */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/**
 * Wraps a synchronous implementation: each method returns a settled promise,
 * and what it throws becomes a rejection (never a throw at the call). The work
 * itself is done before the call returns, as better-sqlite3 does it; callers
 * still await, so the same code runs on PostgreSQL.
 * @example await promiseMethods<{ two(): Promise<number> }>({ two: () => 2 }).two() // 2
 */
export function promiseMethods<T extends object>(sync: Synchronous<T>): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(sync)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]): Promise<unknown> => {
            try {
              return Promise.resolve((value as (...a: unknown[]) => unknown)(...args));
            } catch (error) {
              return Promise.reject(error);
            }
          }
        : value;
  }
  return wrapped as T;
}
