/**
 * Critical files: each must exist, be a readable regular file inside the repository, be
 * non-empty and (for JSON/YAML) parse. A symlink is not followed: a state file that points
 * out of the repository is reported, not read.
 */
import fs from "node:fs/promises";
import { constants } from "node:fs";
import path from "node:path";
import { formatFor, parseDocumentAsync } from "../../core/parse/index.js";
import type { CriticalFileFact } from "../../core/health/components.js";
import { checkRelative } from "../paths.js";

/** Largest critical file we parse; bigger ones are checked for existence and size only. */
const MAX_PARSE_BYTES = 64 * 1024 * 1024;

export async function collectCriticalFiles(root: string, files: readonly string[]): Promise<CriticalFileFact[]> {
  return Promise.all(files.map((f) => collectOne(root, f)));
}

async function collectOne(root: string, file: string): Promise<CriticalFileFact> {
  let rel: string;
  try {
    rel = checkRelative(file, "health.critical_files entry");
  } catch (error) {
    return { path: file, exists: false, readable: false, problem: (error as Error).message };
  }
  const fact: CriticalFileFact = { path: rel, exists: false, readable: false };
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(path.join(root, rel), constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") fact.problem = "missing";
    else {
      fact.exists = true;
      fact.problem =
        code === "ELOOP"
          ? "is a symlink (not followed)"
          : code === "EACCES" || code === "EPERM"
            ? "not readable (permission denied)"
            : `cannot open: ${code ?? (error as Error).message}`;
    }
    return fact;
  }
  try {
    fact.exists = true;
    const st = await fh.stat();
    fact.size = st.size;
    fact.mtime = st.mtime.toISOString();
    if (!st.isFile()) {
      fact.problem = "not a regular file";
      return fact;
    }
    let bytes: Buffer;
    try {
      bytes = st.size <= MAX_PARSE_BYTES ? await fh.readFile() : Buffer.alloc(0);
    } catch (error) {
      fact.problem = `not readable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      return fact;
    }
    fact.readable = true;
    if (st.size === 0) {
      fact.problem = "empty (0 bytes): a truncated write?";
      return fact;
    }
    if (formatFor(rel) && st.size <= MAX_PARSE_BYTES) {
      const doc = await parseDocumentAsync(bytes, { path: rel });
      fact.parses = doc.ok;
      if (!doc.ok) {
        const f = doc.findings.find((x) => x.level === "error") ?? doc.findings[0];
        fact.problem = f ? `does not parse: ${f.line ?? "?"}:${f.column ?? "?"} ${f.message}` : "does not parse";
      }
    }
    return fact;
  } finally {
    await fh.close();
  }
}
