/**
 * # proper-noun-case
 *
 * Names are written the way their owners write them: GitHub, JavaScript,
 * Docker, macOS, Kubernetes… (configurable list). Never in code, URLs, link
 * targets, file names or paths, nor in words that are part of an identifier
 * (`docker-compose`, `github.com`, `node_modules`, `@docker/x`). A name in
 * all lower case that is also a command (`docker`, `git`, `npm`) is left
 * alone: it usually means the command; a name in all capitals (`NGINX`,
 * `DOCKER` as a configuration value) is left alone too.
 *
 * ```markdown
 * 在 GitHub 上使用 JavaScript。      <!-- fine -->
 * 在 Github 上使用 Javascript。      <!-- reported twice -->
 * 运行 docker-compose 或 docker。   <!-- fine: an identifier, a command -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { OBJECT, proseStreams, streamSpans, inSpans, rangeOf, reportPending, type PendingFinding } from '../lib/text.js';

interface Options {
  names: string[];
  commands: string[];
}

export default defineChapterRule<Options>({
  meta: {
    id: 'proper-noun-case',
    family: 'typography',
    scope: 'chapter',
    description: 'Proper nouns must be spelled with their own capitalisation',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {
      names: {
        type: 'string[]',
        default: ['GitHub', 'GitLab', 'JavaScript', 'TypeScript', 'Docker', 'macOS', 'iOS', 'iPhone', 'Kubernetes', 'PostgreSQL', 'MySQL', 'MongoDB', 'Node.js', 'npm', 'Nginx', 'Ubuntu', 'CentOS', 'Debian', 'Fedora', 'Linux', 'Windows', 'WordPress', 'YouTube', 'Python', 'Redis', 'Markdown', 'HTML', 'CSS', 'JSON', 'YAML', 'HTTP', 'HTTPS', 'URL', 'API', 'SSH', 'DNS', 'CPU', 'Git', 'VS Code', 'DockerHub', 'Docker Hub', 'Jenkins', 'Travis CI', 'Raspberry Pi'],
        description: 'The names, as they must be written; any other capitalisation of a whole word is reported',
      },
      commands: {
        type: 'string[]',
        default: ['docker', 'git', 'npm', 'node', 'python', 'nginx', 'redis', 'mysql', 'kubernetes', 'jenkins', 'ssh', 'linux', 'ubuntu', 'centos', 'debian', 'fedora', 'markdown', 'html', 'css', 'json', 'yaml', 'http', 'https', 'url', 'api', 'dns', 'cpu', 'wordpress', 'postgresql', 'mongodb'],
        description: 'Lower-case words that are also commands, file types or package names: never reported in lower case',
      },
    },
  },
  check({ chapter, options, cache, report }) {
    const byLower = new Map(options.names.map((name) => [name.toLowerCase(), name]));
    const escaped = options.names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ ]'));
    if (escaped.length === 0) return;
    const pattern = new RegExp(`(?<![\\w.@/\\\\:-])(?:${escaped.sort((a, b) => b.length - a.length).join('|')})(?![\\w/\\\\@-]|\\.\\w)`, 'giu');
    const commands = new Set(options.commands);
    const pending: PendingFinding[] = [];
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      const spans = streamSpans(stream, cache);
      for (const match of text.matchAll(pattern)) {
        const found = match[0];
        const expected = byLower.get(found.toLowerCase());
        if (!expected || found === expected) continue;
        if (found === found.toLowerCase() && commands.has(found)) continue;
        // All capitals: a constant, a product line (Cisco IOS) or a brand's own styling (NGINX).
        if (found === found.toUpperCase() && expected !== expected.toUpperCase()) continue;
        const from = match.index!;
        const to = from + found.length;
        if (inSpans(spans, from) || text.slice(from, to).includes(OBJECT)) continue;
        // Part of a link whose text is its own target, or of a file name (`Docker.md`).
        const range = rangeOf(stream, from, to);
        if (!range) continue;
        pending.push({ stream, edits: [{ ...range, text: expected }], message: `Unexpected \`${found}\`, expected \`${expected}\``, start: range.start, end: range.end });
      }
    }
    reportPending(chapter, pending, cache, report);
  },
});
