import { parseArgs } from 'node:util';
import path from 'node:path';
import { ConfigError, InputError, mirrorStatus, stampMirrorFiles, type MirrorStatus } from '@tongwen/linter';
import { localeFromPath, localeFromTag } from '@tongwen/rules';
import type { Io } from '../io.js';
import { formatMirrorStatus, type GeneratedCheck } from '../mirror/table.js';
import { UsageError } from '../usage.js';

export const mirrorHelp = `Usage: tongwen mirror status [PATH...] [--config FILE]
       tongwen mirror stamp [PATH...] [--file FILE]... [--config FILE]

Hand-kept editions of a book (\`mirrors\` in tongwen.config.json at PATH).

  status   one table per mirror: files in step, drifted (structure, code,
           untranslated text), stale (the source changed since the stamp or
           the mirror's last commit), missing, orphan; generated mirrors are
           checked as \`tongwen convert --check\` does
  stamp    record, in <mirror>/.tongwen-mirror.json, the source each mirror
           file is now in step with (every file, or each --file)

Exit codes: status 0 all in step, 1 some file is not; stamp 0; 2 usage,
configuration or I/O failure.
`;

/** `tongwen mirror status|stamp`: returns the exit code. */
export async function runMirror(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { config: { type: 'string' }, file: { type: 'string', multiple: true, default: [] }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const [action, ...paths] = positionals;
  if (values.help) {
    io.stdout.write(mirrorHelp);
    return 0;
  }
  if (action !== 'status' && action !== 'stamp') throw new UsageError(`Unexpected \`mirror ${action ?? ''}\`, expected \`mirror status\` or \`mirror stamp\``);
  const config = values.config ? path.resolve(io.cwd, values.config) : undefined;
  try {
    if (action === 'stamp') {
      const written = stampMirrorFiles({ paths, cwd: io.cwd, ...(config ? { config } : {}), files: values.file });
      io.stderr.write(written.length === 0 ? 'tongwen: no mirror file to stamp\n' : `tongwen: stamped ${written.join(', ')}\n`);
      return 0;
    }
    const statuses = mirrorStatus({ paths, cwd: io.cwd, ...(config ? { config } : {}) });
    const generated = new Map<MirrorStatus, GeneratedCheck>();
    for (const status of statuses) if (status.setting.kind === 'generated') generated.set(status, await convertCheck(status, io));
    io.stdout.write(formatMirrorStatus(statuses, generated));
    const behind = statuses.some((status) => status.files.some((file) => file.state !== 'in step') || (generated.get(status)?.stale.length ?? 0) > 0 || generated.get(status)?.error);
    return behind ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InputError) {
      io.stderr.write(`tongwen: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** A generated mirror, checked by `tongwen convert SRC --to L --out MIRROR --check` itself. */
async function convertCheck(status: MirrorStatus, io: Io): Promise<GeneratedCheck> {
  const { source, mirror, profile } = status.setting;
  const locale = localeFromPath(mirror) ?? localeFromTag(path.basename(mirror));
  if (!locale) return { stale: [], error: `Unexpected mirror folder \`${mirror}\` without a locale in its name, expected one such as \`zh-tw\`` };
  const root = path.resolve(io.cwd, status.book);
  let stdout = '';
  let stderr = '';
  const captured: Io = { ...io, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const { runConvert } = await import('./convert.js');
  const code = await runConvert([path.join(root, source), '--to', locale, '--out', path.join(root, mirror), '--check', ...(profile ? ['--profile', profile] : [])], captured);
  if (code === 2) return { stale: [], error: stderr.trim() || '`tongwen convert --check` failed' };
  return { stale: stdout.split('\n').filter(Boolean) };
}
