import { errorCode } from './error-code.js';

/**
 * Keeps a long-running bot serving when something escapes every handler (a
 * library's detached promise, a socket error): one log line with the error's
 * code, no stack, no payload. Returns the function that removes the guards.
 */
export function guardProcess(log: (line: string) => void, target: NodeJS.EventEmitter = process): () => void {
  const onException = (error: unknown) => log(`uncaught exception kept the bot running: ${errorCode(error)}`);
  const onRejection = (error: unknown) => log(`unhandled rejection kept the bot running: ${errorCode(error)}`);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
