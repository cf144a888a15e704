/**
 * Values that look like credentials whatever their key is called: `conflicts --resolve --write`
 * never copies such a value from one file into another (a production password written into a
 * default file is a leak that no undo folder takes back), and `--explain` masks it.
 *
 * Deliberately eager: a false positive only means a value is left for a person to copy.
 */
import { maskedDisplay, type SecretTest } from "./secrets.js";
import { display, isMap } from "./values.js";

/** Well-known token shapes (prefix + body), private keys, and URLs that carry a password. */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/,
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{20,}/, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,}/,
  /\bglpat-[A-Za-z0-9_-]{20,}/, // GitLab
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/, // Slack
  /\b[sr]k_(live|test)_[A-Za-z0-9]{16,}/, // Stripe
  /\bsk-[A-Za-z0-9_-]{20,}/, // OpenAI-style API keys
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/, // JWT
  /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i, // scheme://user:password@host
];

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * True when the string looks like a credential: a known token shape, a private key, a URL with a
 * password, or a long random-looking string (32+ characters of one token alphabet, mixing upper
 * case, lower case and digits, with high entropy: what generated secrets look like, and what
 * words, paths, version strings and UUIDs do not).
 */
export function looksLikeCredential(s: string): boolean {
  if (s.length < 8) return false;
  for (const re of CREDENTIAL_PATTERNS) if (re.test(s)) return true;
  if (s.length >= 32 && s.length <= 4096 && /^[A-Za-z0-9+/=_-]+$/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s)) {
    return entropy(s) >= 4.2;
  }
  return false;
}

/**
 * True when `value` holds something secret: a credential-looking string anywhere in it, or (for
 * maps and lists) a member whose key looks secret. The key path leading to `value` is the
 * caller's to test.
 */
export function holdsSecret(value: unknown, isSecret: SecretTest): boolean {
  const stack: unknown[] = [value];
  let budget = 100_000; // a hostile value must not make the check the slow part
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (looksLikeCredential(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (isMap(v)) {
      for (const k of Object.keys(v)) {
        if (isSecret([k])) return true;
        stack.push(v[k]);
      }
    }
  }
  return budget < 0; // too large to tell: treat as secret (refusing a write is the safe side)
}

/**
 * The display of `value` for a report: masked (`maskedDisplay`: "***", length, keyed tag) when its key path looks secret (`keySecret`) or it
 * holds a credential; a map is shown by its size only (display never lists a map's contents).
 */
export function shownValue(value: unknown, keySecret: boolean, isSecret: SecretTest): string {
  if (keySecret) return maskedDisplay(value);
  if (isMap(value)) return display(value);
  return holdsSecret(value, isSecret) ? maskedDisplay(value) : display(value);
}
