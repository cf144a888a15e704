/**
 * Names that look like secrets, in one place (docs/snapshots.md lists them): a pushed snapshot
 * of a set that is neither encrypted nor allows them refuses such files, a local one leaves them
 * out. Matched against the file's own name (not its folders), case-insensitively.
 */
import { matcher } from "../glob.js";

const RULES: readonly RegExp[] = [
  /^\.env(\..*)?$/,
  /\.(pem|key|p12|pfx|jks|keystore|kdbx|ppk)$/,
  /^id_(rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk)$/,
  /secret/,
  /credential/,
  /^\.(netrc|pgpass|htpasswd)$/,
];

/**
 * Templates committed on purpose (`.env.example`, `secrets.yaml.sample`) hold no secret: blocking
 * them would be a false block. Only the last extension counts, so `x.example.pem` still matches.
 */
const TEMPLATE = /\.(example|sample|template|dist|tmpl)$/;

/** The pattern a repo-relative path's name matches, or undefined when it does not look like a secret. */
export function secretLooking(path: string): string | undefined {
  const name = (path.slice(path.lastIndexOf("/") + 1) || path).toLowerCase();
  if (TEMPLATE.test(name)) return undefined;
  for (const r of RULES) if (r.test(name)) return r.source;
  return undefined;
}

/**
 * Whether a set allows a secret-looking path: `allow_secrets: true` allows every one, a list of
 * globs (over repo-relative paths) allows those it matches.
 */
export function secretAllowed(allow: boolean | readonly string[] | undefined, path: string): boolean {
  if (allow === true) return true;
  if (!allow) return false;
  return matcher(allow)(path);
}
