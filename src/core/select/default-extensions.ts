/**
 * The default `validate.files` globs (`**\/*.json`, `**\/*.jsonc`, `**\/*.yaml`, `**\/*.yml`) as
 * extensions, matched in any letter case. As globs (picomatch) they were case-sensitive, so a
 * corrupt `state.JSON` or `deploy.YML`, or a commit renaming a corrupt file so, passed every check:
 * whoever opens such a file opens it by its name, and reads it as the format the name says (no
 * JSON or YAML reader looks at the extension's case; Windows and macOS file systems do not even
 * tell the spellings apart).
 *
 * The extension is that of the name a Windows checkout would write: Win32 drops the dots and
 * spaces that end a name (`b.json.` is created as `b.json`). Git for Windows refuses to check
 * such a path out while core.protectNTFS is on (its default since 2.24.1: is_valid_win32_path,
 * "invalid path"), but with it off the file lands as `b.json`, over any `b.json` beside it; on
 * Linux nothing reads it by another name. So it is checked as the format its Windows name says.
 */
import { matcher, type Matcher } from "../glob.js";

/** Each default glob and the extension it stands for. */
const DEFAULT_GLOB_EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ["**/*.json", ".json"],
  ["**/*.jsonc", ".jsonc"],
  ["**/*.yaml", ".yaml"],
  ["**/*.yml", ".yml"],
]);

/** The last segment of `p` as Win32 creates it: without the dots and spaces that end it (`.` and `..` stay). */
export function windowsBaseName(p: string): string {
  const base = p.slice(p.lastIndexOf("/") + 1);
  if (base === "." || base === "..") return base;
  return base.replace(/[. ]+$/, "");
}

/** The lower-case extension-bearing name of `p` (its Windows base name), for extension tests. */
export function lowerBaseName(p: string): string {
  return windowsBaseName(p).toLowerCase();
}

/**
 * A matcher for a `validate.files` list: the default globs it holds match their extension in any
 * letter case (and after a Windows name's trailing dots and spaces); every other glob is matched
 * as written (a user's own glob says exactly what it means).
 */
export function validateFilesMatcher(globs: readonly string[]): Matcher {
  const extensions = globs.filter((g) => DEFAULT_GLOB_EXTENSIONS.has(g)).map((g) => DEFAULT_GLOB_EXTENSIONS.get(g)!);
  const others = matcher(globs.filter((g) => !DEFAULT_GLOB_EXTENSIONS.has(g)));
  if (extensions.length === 0) return others;
  return (p) => {
    const base = lowerBaseName(p);
    return extensions.some((ext) => base.endsWith(ext)) || others(p);
  };
}
