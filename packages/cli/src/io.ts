/** The process around a command, injected so that commands are testable in-process. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  cwd: string;
  env: Record<string, string | undefined>;
  /** The whole of standard input as text (`--stdin`). */
  readStdin?: () => Promise<string>;
}
