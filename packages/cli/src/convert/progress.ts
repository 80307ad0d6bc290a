/** A progress bar on a terminal stream; draws nothing when the stream is not a TTY. */
export interface Progress {
  /** One more item done. */
  tick(label?: string): void;
  /** Erase the bar. */
  done(): void;
}

/** A progress bar for `total` items on `stream` (stderr), only when `stream.isTTY`. */
export function createProgress(stream: { write(s: string): unknown; isTTY?: boolean; columns?: number }, total: number, title: string): Progress {
  if (!stream.isTTY || total === 0) return { tick() {}, done() {} };
  let count = 0;
  let last = 0;
  const draw = (label = ''): void => {
    // A terminal may report 0 columns (or none): draw nothing wider than it, never a negative count.
    const columns = Math.max(0, stream.columns ?? 80);
    if (columns < 2) return;
    const counter = ` ${count}/${total}`;
    const width = Math.max(10, Math.min(30, columns - title.length - counter.length - 20));
    const filled = Math.round((count / total) * width);
    const line = `${title} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${counter} ${label}`;
    stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
  };
  return {
    tick(label) {
      count++;
      const now = Date.now();
      if (now - last < 50 && count < total) return;
      last = now;
      draw(label);
    },
    done() {
      stream.write(`\r${' '.repeat(Math.max(0, (stream.columns ?? 80) - 1))}\r`);
    },
  };
}
