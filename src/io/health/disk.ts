/** Free space and inodes of the filesystem holding the repository (fs.statfs, Node >= 18.15). */
import fs from "node:fs/promises";
import type { DiskFacts } from "../../core/health/components.js";
import type { FreeSpaceLimit } from "../../core/health/thresholds.js";

export async function collectDisk(dir: string, limit: FreeSpaceLimit, limitText: string): Promise<DiskFacts> {
  try {
    const s = await fs.statfs(dir);
    // bavail, not bfree: what an unprivileged writer (our state files) can actually use.
    return {
      path: dir,
      totalBytes: s.blocks * s.bsize,
      freeBytes: s.bavail * s.bsize,
      totalInodes: s.files,
      freeInodes: s.ffree,
      limit,
      limitText,
    };
  } catch (error) {
    return { path: dir, totalBytes: 0, freeBytes: 0, totalInodes: 0, freeInodes: 0, limit, limitText, failed: (error as Error).message };
  }
}
