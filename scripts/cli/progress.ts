// A progress line for a person watching a terminal: written to stderr only when it is a TTY, and
// only once the work has taken more than a moment, so quick runs, pipes, logs and CI stay clean.
// The same line is rewritten in place (carriage return, erase line) and erased when done.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Nothing is shown before this many milliseconds have passed. */
  delayMs?: number;
  /** Rewrites at most this often, in milliseconds. */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  update(text: string): void;
  /** Erases the line, if one was shown, before the summary is printed. */
  done(): void;
}

const ERASE_LINE = "\r\u001b[K";

export function progressLine(stream: ProgressStream, { delayMs = 300, intervalMs = 100, now = () => Number(process.hrtime.bigint()) / 1e6 }: ProgressOptions = {}): Progress {
  const started = now();
  let shown = false;
  let last = -Infinity;
  return {
    update(text) {
      if (!stream.isTTY) return;
      const t = now();
      if (t - started < delayMs || t - last < intervalMs) return;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(ERASE_LINE + (text.length > width ? `${text.slice(0, width - 1)}…` : text));
      shown = true;
      last = t;
    },
    done() {
      if (shown) stream.write(ERASE_LINE);
      shown = false;
    },
  };
}
