import { constants } from 'node:os';
import type { Io } from '../io.js';

/** The signals that stop a writing conversion: a user's Ctrl-C, a CI job cancelled, a terminal closed. */
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While a conversion writes `out`, a stop signal ends the process with a
 * message saying what state the folder is in (every file as it was or wholly
 * converted: each is written beside its target and renamed over it) and how
 * to finish, and the shell's exit code 128 + the signal's number. The next
 * run takes over the lock and removes the temporary files this one left.
 * Returns the function that removes the handlers.
 */
export function sayWhenInterrupted(io: Io, out: string): () => void {
  const handlers = stopSignals.map((signal) => {
    const handler = (): void => {
      io.stderr.write(`tongwen convert: interrupted by ${signal}: each file of ${out} is as it was or wholly converted; run the same command again to finish\n`);
      process.exit(128 + constants.signals[signal]);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
