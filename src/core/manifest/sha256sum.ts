/**
 * `sha256sum -c` / BagIt manifest lines: "<hex>  <path>". GNU sha256sum escapes a path holding a
 * backslash or newline by starting the line with "\" and writing "\\" and "\n"; we do the same.
 * Symlinks are left out: sha256sum would follow them, and we never do.
 */
import type { Manifest } from "./model.js";

export function renderSha256sum(m: Manifest): string {
  let out = "";
  for (const e of m.entries) {
    if (e.link !== undefined) continue;
    if (/[\\\n\r]/.test(e.path)) {
      const escaped = e.path.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
      out += `\\${e.sha256}  ${escaped}\n`;
    } else {
      out += `${e.sha256}  ${e.path}\n`;
    }
  }
  return out;
}
