/**
 * Key material in messages. age's bech32 decoder reports a bad identity with the whole line
 * ("Invalid checksum in AGE-SECRET-KEY-1..."): a restore with a secret that has one character
 * wrong (a paste that lost or gained a character) printed the key, one typo away from the real
 * one, in the error, the annotation and the job summary. And the Action masks the env values of
 * every key the config names, the encrypted sets' restore identity among them.
 */
import { generateIdentity } from "age-encryption";
import { describe, expect, it } from "vitest";
import { secretValues } from "../../src/action/secrets.js";
import { GuardError } from "../../src/errors.js";
import { openIdentity } from "../../src/io/snapshot/encrypt.js";

/** The identity with its last character changed: the checksum fails, and the rest is the key. */
async function typoIdentity(): Promise<{ key: string; body: string }> {
  const id = await generateIdentity();
  const key = id.slice(0, -1) + (id.endsWith("Q") ? "P" : "Q");
  return { key, body: key.slice("AGE-SECRET-KEY-1".length) };
}

describe("an unusable age identity is reported without its text", () => {
  it.each([
    ["alone", (k: string) => k],
    ["with age-keygen's comment lines", (k: string) => `# created: 2026-01-01T00:00:00Z\n# public key: age1xyz\n${k}\n`],
    ["with a character too many", (k: string) => `${k}QQ`],
  ])("%s: the message names the source, not the key", async (_what, shape) => {
    const { key, body } = await typoIdentity();
    const error = await openIdentity({ from: "the environment variable RESTORE_KEY", text: shape(key) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GuardError);
    const text = `${(error as GuardError).message} ${(error as GuardError).fix ?? ""}`;
    expect(text).toContain("RESTORE_KEY");
    expect(text).not.toContain(body.slice(0, 24));
    expect(text).not.toContain(body.slice(-24));
  });
});

describe("the Action's masks", () => {
  it("include the restore identity of an encrypted set (env:NAME), line by line", async () => {
    const id = await generateIdentity();
    const text = `# created: 2026-01-01T00:00:00Z\n${id}\n`;
    const values = secretValues(
      {
        version: 1,
        snapshots: { sets: { secrets: { paths: ["config/"], encrypt: { recipients: ["age1xyz"], key: "env:RESTORE_KEY" } } } },
      },
      { RESTORE_KEY: text },
      "",
    );
    expect(values).toContain(text);
    expect(values).toContain(id);
  });
});
