import { constants } from 'node:os';
import type { Io } from '../io.js';

/** The signals that stop a writing conversion: a user's Ctrl-C, a CI job cancelled, a terminal closed. */
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What a conversion must undo before an interrupted process ends: its writes in progress, its lock. */
export interface StopHooks {
  /** Run `cleanup` when the process is stopped (the latest added first: the writer's files before the lock that guards them). Returns the function that removes it. */
  add(cleanup: () => void | Promise<void>): () => void;
  /** Whether a stop signal came: the run then says nothing more and waits for the process to end (its cleanups run). */
  readonly stopping: boolean;
}

/** What {@link sayWhenInterrupted} returns. */
export interface Interrupt extends StopHooks {
  /** Remove the signal handlers. */
  unhook(): void;
}

/**
 * While a conversion writes `out`, a stop signal ends the process with a
 * message saying what state the folder is in (every file as it was or wholly
 * converted: each is written beside its target and renamed over it) and how
 * to finish, and the shell's exit code 128 + the signal's number. Before it
 * exits, the cleanups added (see {@link StopHooks}) run: the writes in
 * progress end (their temporary files removed) and the lock is released, so
 * that nothing of this run is left behind. A second signal during the
 * cleanup ends the process at once (the next run then removes what is left).
 */
export function sayWhenInterrupted(io: Io, out: string): Interrupt {
  const cleanups: Array<() => void | Promise<void>> = [];
  let stopping = false;
  const stop = async (signal: (typeof stopSignals)[number]): Promise<void> => {
    stopping = true;
    io.stderr.write(`tongwen convert: interrupted by ${signal}: each file of ${out} is as it was or wholly converted; run the same command again to finish\n`);
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch {
        // A cleanup that fails leaves what the next run removes (a temporary file, a lock of a process that is gone).
      }
    }
    process.exit(128 + constants.signals[signal]);
  };
  const handlers = stopSignals.map((signal) => {
    const handler = (): void => void stop(signal);
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return {
    add(cleanup) {
      cleanups.push(cleanup);
      return () => {
        const index = cleanups.indexOf(cleanup);
        if (index >= 0) cleanups.splice(index, 1);
      };
    },
    get stopping() {
      return stopping;
    },
    unhook() {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
