/**
 * Crash-test hook: with `TONGWEN_TEST_KILL_AT=N` in its environment, a
 * process kills itself with SIGKILL at the N-th kill point it reaches, so a
 * test can stop a run at fixed moments of its write phase (a temporary file
 * created, half written, complete but not renamed, renamed) instead of
 * after a measured delay. `TONGWEN_TEST_KILL_SIGNAL` sends another signal
 * (`SIGINT`: a user's Ctrl-C). Without the variable it does nothing.
 *
 * The countdown lives in the process's own environment (no module state).
 */
export function killPoint(): void {
  const at = process.env.TONGWEN_TEST_KILL_AT;
  if (at === undefined) return;
  const left = Number(at) - 1;
  if (left === 0) process.kill(process.pid, (process.env.TONGWEN_TEST_KILL_SIGNAL as NodeJS.Signals | undefined) ?? 'SIGKILL');
  process.env.TONGWEN_TEST_KILL_AT = String(left);
}
