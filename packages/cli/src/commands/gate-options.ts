/**
 * The gate options of `tongwen check`: `--staged` and `--changed-since REF`.
 * Parsed here and run through `checkGate`, so that `check.ts` only wires them.
 */
import { checkGate, checkParallel, type CheckOptions, type CheckResult, type Gate } from '@tongwen/linter';
import type { Finding } from '@tongwen/book';
import { UsageError } from '../usage.js';

/** The `parseArgs` options of the gate. */
export const gateOptions = {
  staged: { type: 'boolean', default: false },
  'changed-since': { type: 'string' },
} as const;

/** The help lines of the gate options. */
export const gateHelp = `      --staged             check the content staged in git (not the work tree): findings in the
                           staged files, and link/anchor/contents findings anywhere that HEAD did not have
      --changed-since REF  report only the findings that the commit REF did not have, in any file
                           (REF as given, no merge base: pass origin/main or \`git merge-base\`'s output)
`;

/** The gate chosen on the command line, if any. */
export function gateOf(values: { staged?: boolean; 'changed-since'?: string; fix?: boolean }): Gate | undefined {
  const since = values['changed-since'];
  if (values.staged && since !== undefined) throw new UsageError('Unexpected `--staged` with `--changed-since`, expected one of them');
  if (values.staged && values.fix) throw new UsageError('Unexpected `--fix` with `--staged`, expected the work tree');
  if (since !== undefined && (since === '' || since.startsWith('-'))) throw new UsageError(`Invalid --changed-since \`${since}\`, expected a commit (a branch, tag or SHA)`);
  if (values.staged) return { kind: 'staged' };
  return since !== undefined ? { kind: 'changed-since', ref: since } : undefined;
}

/** Check with or without a gate: `undefined` when `--staged` has nothing staged to check. Without a gate, the chapter pass runs on `jobs` threads. */
export async function checkGated(options: CheckOptions & { jobs?: number }, gate: Gate | undefined): Promise<{ result: CheckResult; previous?: Finding[] } | undefined> {
  return gate ? checkGate(options, gate) : { result: await checkParallel(options) };
}

/** The one line on stderr when nothing is staged. */
export const nothingStaged = 'tongwen: nothing to check: no Markdown file, contents list or configuration is staged\n';
