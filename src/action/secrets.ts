/**
 * Mask every secret the run could print: the token, and every value the config takes from the
 * environment (`env:NAME`: webhook URLs, signing keys, SMTP URLs) or holds literally in an
 * alert route. Multi-line values (keys) are masked line by line too, because the runner matches
 * masks per line of output.
 */
import type { Config } from "../config/types.js";
import { encodedForms } from "../io/alerts/redact.js";

/** Strings in the config that are secrets or name one (`env:NAME`). */
function secretRefs(config: Config): string[] {
  const refs: string[] = [];
  for (const route of config.alerts ?? []) {
    if (route.webhook?.url) refs.push(route.webhook.url);
    if (route.email?.smtp) refs.push(route.email.smtp);
  }
  if (config.snapshots?.sign?.key) refs.push(config.snapshots.sign.key);
  // The age identity a restore decrypts with (env:NAME): key text like the signing key.
  for (const set of Object.values(config.snapshots?.sets ?? {})) if (set.encrypt?.key) refs.push(set.encrypt.key);
  return refs;
}

/** The secret values to mask, resolved against `env`. */
export function secretValues(config: Config | undefined, env: NodeJS.ProcessEnv, token: string): string[] {
  const values = new Set<string>();
  const add = (v: string | undefined) => {
    if (!v || v.length < 4) return; // masking "a" would garble every log line
    values.add(v);
    // A secret echoed percent-encoded or base64-encoded (a Basic auth header) is still the secret.
    for (const form of encodedForms(v)) values.add(form);
    if (v.includes("\n")) for (const line of v.split(/\r?\n/)) if (line.trim().length >= 8) values.add(line.trim());
  };
  add(token);
  for (const ref of config ? secretRefs(config) : []) {
    if (ref.startsWith("env:")) add(env[ref.slice(4)]);
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) add(ref); // a literal URL may carry a key or password
  }
  return [...values];
}
