/**
 * Which keys hold secrets. A value is masked when any key on its path looks secret, so
 * `credentials.user` and `db.password` are both hidden. Masked values are replaced by "***"
 * before anything is put in a resolved config, and by `maskedDisplay` (length and a keyed tag)
 * in findings and explanations.
 */
import { createHmac, randomBytes } from "node:crypto";

export const MASK = "***";

let processKey: Uint8Array | undefined;
const perProcessKey = (): Uint8Array => (processKey ??= randomBytes(32));
let maskKey: () => Uint8Array = perProcessKey;

/**
 * The key that `maskedDisplay` tags values with: the repository's (see io/mask-key.ts), asked
 * for only when a masked value is shown, or, with no argument, a random key of this process.
 */
export function useMaskKey(source?: () => Uint8Array): void {
  maskKey = source ?? perProcessKey;
}

/**
 * A masked value as a report shows it: `*** (12 chars, #a1b2c3)`. The tag is the start of an
 * HMAC-SHA-256 under a random key that never leaves the machine, so equal secrets show equal tags
 * and a changed secret a different tag, while no one can look a tag up in a dictionary of
 * common passwords (or compare tags across repositories).
 */
export function maskedDisplay(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  // The type is hashed too: "8080" and 8080 are different values.
  const tag = createHmac("sha256", maskKey())
    .update(`${typeof value}\0${text}`)
    .digest("hex")
    .slice(0, 6);
  return `${MASK} (${[...text].length} chars, #${tag})`;
}

/** Words that make a key secret (matched against the words of a key, case-insensitive). */
const SECRET_WORDS = new Set([
  "password",
  "passwords",
  "passwd",
  "pwd",
  "passphrase",
  "secret",
  "secrets",
  "token",
  "tokens",
  "key",
  "keys",
  "apikey",
  "credential",
  "credentials",
  "private",
  "auth",
  "cookie",
  "signature",
  "salt",
  "dsn",
]);

/** Split a key into lower-case words: `apiKey` -> api, key; `DB_PASSWORD` -> db, password. */
function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export type SecretTest = (tokens: readonly string[]) => boolean;

/**
 * A test for pointer tokens. `extra` are regular expressions from config.secret_keys, matched
 * case-insensitively against each key; an invalid one throws (the caller reports it).
 */
export function secretTest(extra: readonly string[] = []): SecretTest {
  const regexes = extra.map((r) => new RegExp(r, "i"));
  const cache = new Map<string, boolean>();
  const keyIsSecret = (key: string): boolean => {
    let hit = cache.get(key);
    if (hit === undefined) {
      const w = words(key);
      hit = w.some((x) => SECRET_WORDS.has(x)) || w.join("").endsWith("password") || regexes.some((r) => r.test(key));
      cache.set(key, hit);
    }
    return hit;
  };
  return (tokens) => tokens.some(keyIsSecret);
}
