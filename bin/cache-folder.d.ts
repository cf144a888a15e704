/** Types of bin/cache-folder.js (plain JavaScript: bin/integrity-guard.js runs it before the bundle). */
import type { Stats } from "node:fs";

export interface CacheIdentity {
  uid: number;
  gid: number;
  user: string;
}
export interface AccountFiles {
  group: string;
  passwd: string;
}
export type CacheFolder =
  { dir: string; unsafe?: undefined } | { unsafe: string; at: string; dir?: undefined } | { dir?: undefined; unsafe?: undefined };

export function unsafeReason(st: Stats, id?: CacheIdentity, inner?: boolean, files?: AccountFiles): string | undefined;
export function privateCacheFolder(dir: string, options?: { id?: CacheIdentity; files?: AccountFiles }): CacheFolder;
