import { describe, expect, it, vi } from "vitest";
import { progressBar } from "../../src/io/hash/progress.js";

describe("progress bar", () => {
  it("is off when stderr is not a terminal", () => {
    expect(progressBar(false, "verify")).toBeUndefined();
  });

  it("stays quiet for short runs, then draws a throttled bar and clears it", () => {
    vi.useFakeTimers();
    try {
      const out: string[] = [];
      const bar = progressBar(true, "verify", (s) => out.push(s))!;
      bar.update(1, 10, 1 << 20);
      expect(out).toEqual([]); // under half a second: nothing
      vi.advanceTimersByTime(600);
      bar.update(5, 10, 5 << 20);
      bar.update(6, 10, 6 << 20); // within 100 ms of the last draw: skipped
      vi.advanceTimersByTime(150);
      bar.update(10, 10, 10 << 20);
      expect(out).toHaveLength(2);
      expect(out[0]).toMatch(/^\rverify \[#{12}-{12}\] 5\/10 files, 5 MiB/);
      expect(out[1]).toMatch(/\[#{24}\] 10\/10 files, 10 MiB/);
      bar.end();
      expect(out[2]).toBe("\r\x1b[2K");
    } finally {
      vi.useRealTimers();
    }
  });
});
