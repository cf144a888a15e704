/**
 * Which keys hold secrets. A value is masked when any key on its path looks secret, so
 * `credentials.user` and `db.password` are both hidden. Masked values are replaced by "***"
 * before anything is put in a finding, a resolved config or a change list.
 */

export const MASK = "***";

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
