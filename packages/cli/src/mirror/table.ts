import type { MirrorState, MirrorStatus } from '@tongwen/linter';

/** The states in table order. */
export const mirrorStates: readonly MirrorState[] = ['in step', 'drifted', 'stale', 'missing', 'orphan'];

/** What `convert --check` said about a generated mirror: the stale files, or an error. */
export interface GeneratedCheck {
  stale: string[];
  error?: string;
}

/**
 * The status report: one table per mirror (files per state, then the files
 * that are not in step). Pure: the caller gives every input.
 */
export function formatMirrorStatus(statuses: readonly MirrorStatus[], generated: ReadonlyMap<MirrorStatus, GeneratedCheck>): string {
  const blocks = statuses.map((status) => {
    const title = `${status.setting.source} → ${status.setting.mirror} (${status.setting.kind}${status.book === '.' ? '' : `, in ${status.book}`})`;
    const check = generated.get(status);
    if (check) {
      if (check.error) return `${title}\n  ${check.error}\n`;
      const lines = check.stale.map((file) => `  drifted   ${file}`);
      return `${title}\n  ${check.stale.length === 0 ? 'in step: `tongwen convert --check` finds nothing to convert' : `${check.stale.length} drifted (\`tongwen convert --check\`)`}\n${lines.map((line) => `${line}\n`).join('')}`;
    }
    const counts = mirrorStates.map((state) => [state, status.files.filter((file) => file.state === state).length] as const);
    const header = `  ${counts.map(([state]) => state.padStart(8)).join(' ')}\n  ${counts.map(([, count]) => String(count).padStart(8)).join(' ')}\n`;
    const rows = status.files.filter((file) => file.state !== 'in step').map((file) => `  ${file.state.padEnd(8)}  ${file.file}${file.state === 'drifted' || file.state === 'stale' ? ` (${file.findings} finding${file.findings === 1 ? '' : 's'})` : ''}\n`);
    return `${title}\n${header}${rows.join('')}`;
  });
  return blocks.length === 0 ? 'No mirrors configured (`mirrors` in tongwen.config.json).\n' : blocks.join('\n');
}
