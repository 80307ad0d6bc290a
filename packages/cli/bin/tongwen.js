#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 optimises a function (TurboFan, on another core) once it has run through an "interrupt budget"
// of bytecode, 66 KB by default. A check or a conversion runs each chapter through micromark once:
// on a cold `check --no-cache` of a 206-chapter book V8 made 366 such compilations, many of them
// thrown away when the next chapter brought new object shapes, for ~1.2 s of CPU beside ~1.7 s of
// main thread. Eight times the budget optimises what stays hot (124 compilations): ~30 % less CPU,
// the main thread about as long (bench: issue #13). Set before the CLI's code is loaded (a function
// takes the budget when it first runs); the flag is the process's, worker threads included.
setFlagsFromString('--interrupt-budget=540672');

const { run } = await import('../dist/cli.js');

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  readStdin: async () => {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
});
process.exitCode = code;
