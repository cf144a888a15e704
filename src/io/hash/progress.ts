/** A one-line progress bar on stderr for long hashing runs (only when stderr is a terminal). */

type ProgressFn = (done: number, total: number, bytes: number) => void;

/** Returns undefined when not interactive; otherwise a throttled progress callback and a finisher. */
export function progressBar(
  interactive: boolean,
  label: string,
  write: (s: string) => void = (s) => process.stderr.write(s),
): { update: ProgressFn; end: () => void } | undefined {
  if (!interactive) return undefined;
  let last = 0;
  let shown = false;
  const started = Date.now();
  return {
    update(done, total, bytes) {
      const now = Date.now();
      // Quiet for the first half second (short runs), then at most 10 updates a second.
      if (now - started < 500 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const mib = (bytes / (1 << 20)).toFixed(0);
      write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} files, ${mib} MiB `);
    },
    end() {
      if (shown) write("\r\x1b[2K");
    },
  };
}
