import type { Io } from './io.js';
import { UsageError } from './usage.js';
import { version } from './version.js';

export type { Io } from './io.js';

/** The commands, for `tongwen help COMMAND` and usage hints. */
const commands = ['check', 'convert', 'rules', 'init', 'mirror'];

const help = `Usage: tongwen <command> [options]

Commands:
  check [PATH...]     check books: contents list, links, anchors, typography, script
  convert SRC --to L  convert a book between zh-Hans, zh-Hant, zh-TW and zh-HK
  rules [--json]      list the rules: level, fixability, docs
  init                write a starter tongwen.config.json for the book found here
  mirror status|stamp hand-kept editions: what drifted from the source
  help COMMAND        the options of a command (as \`tongwen COMMAND --help\`)

Run \`tongwen <command> --help\` for a command's options.
`;

/**
 * Run the command line and return the exit code (0 clean, 1 findings,
 * 2 usage, configuration or I/O failure). Never calls `process.exit`.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'check':
        return await (await import('./commands/check.js')).runCheck(args, io);
      case 'convert':
        return await (await import('./commands/convert.js')).runConvert(args, io);
      case 'rules':
        return await (await import('./commands/rules.js')).runRules(args, io);
      case 'mirror':
        return await (await import('./commands/mirror.js')).runMirror(args, io);
      case 'init':
        return await (await import('./commands/init.js')).runInit(args, io);
      case '--version':
      case '-v':
        io.stdout.write(`${version}\n`);
        return 0;
      case 'help':
        if (args[0] !== undefined && commands.includes(args[0])) return await run([args[0], '--help'], io);
        if (args[0] !== undefined) throw new UsageError(`Unknown command \`${args[0]}\``);
        io.stdout.write(help);
        return 0;
      case undefined:
      case '--help':
      case '-h':
        io.stdout.write(help);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command \`${command}\``);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`tongwen: ${(error as Error).message}\n${command && command !== 'help' ? `Run \`tongwen ${commands.includes(command) ? `${command} ` : ''}--help\` for usage.\n` : ''}`);
      return 2;
    }
    io.stderr.write(`tongwen: internal error: ${(error as Error).message}\n(this is a bug in tongwen; please report it with the command you ran)\n`);
    if (io.env.TONGWEN_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}
