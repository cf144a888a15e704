/**
 * Issue 14 item 8 (resources and secrets at the edges): a lock that cannot be taken says why and
 * where; webhook URLs with `user:password@` are delivered with Basic auth; secrets are scrubbed
 * in their percent-encoded and base64 forms too.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretValues } from "../../src/action/secrets.js";
import { deriveAlerts, type AlertContext } from "../../src/core/health/alerts.js";
import type { Dashboard } from "../../src/core/health/types.js";
import { deliverAlerts } from "../../src/io/alerts/deliver.js";
import { Redactor } from "../../src/io/alerts/redact.js";
import { createRepo } from "../helpers/repo.js";
import { startWebhookServer, type WebhookServer } from "../helpers/webhook-server.js";

const ctx: AlertContext = { repository: "acme/app", score: 42, status: "CRITICAL", time: "2026-11-26T12:00:00.000Z" };
const dashboard: Dashboard = {
  system_health: {
    overall_score: 42,
    status: "CRITICAL",
    last_updated: ctx.time,
    thresholds: { healthy: 85, degraded: 60 },
    components: { backups: { score: 0, status: "CRITICAL", included: true, weight: 1, summary: "backups summary", detail: {} } },
  },
};
const alerts = deriveAlerts(dashboard, "HEALTHY");

let hook: WebhookServer;
beforeAll(async () => {
  hook = await startWebhookServer();
});
afterAll(async () => {
  await hook.close();
});

describe("webhook URLs with credentials", () => {
  it("are delivered with the credentials as a Basic auth header, and never shown", async () => {
    const before = hook.requests.length;
    const url = hook.url.replace("http://", "http://hook-user:p%40ss%3Aw0rd@") + "/hooks/abc";
    const out = await deliverAlerts([{ level: "INFO", webhook: { url: "env:HOOK", format: "json" } }], alerts, ctx, {
      env: { HOOK: url },
      dryRun: false,
      retry: { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 5000 },
    });
    expect(out.findings).toEqual([]);
    expect(out.reports[0]).toMatchObject({ ok: true });
    const req = hook.requests.slice(before);
    expect(req).toHaveLength(1);
    expect(req[0]!.path).toBe("/hooks/abc");
    expect(req[0]!.headers.authorization).toBe("Basic " + Buffer.from("hook-user:p@ss:w0rd").toString("base64"));
    const shown = JSON.stringify(out);
    expect(shown).not.toContain("p%40ss");
    expect(shown).not.toContain("p@ss");
    expect(shown).not.toContain(Buffer.from("hook-user:p@ss:w0rd").toString("base64"));
  });
});

describe("secret scrubbing", () => {
  const secret = "s3cr3t-Tok3n/with+odd=chars&more";

  it("removes a secret echoed percent-encoded or base64-encoded (at any alignment)", () => {
    const r = new Redactor();
    r.add(secret);
    const pct = encodeURIComponent(secret);
    const lowerHex = pct.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    const b64 = Buffer.from(secret).toString("base64");
    // Embedded in a longer base64 blob, the secret's encoding depends on its offset modulo 3.
    const blobs = [1, 2].map((k) => Buffer.from("x".repeat(k) + secret + "tail").toString("base64"));
    const urlSafe = Buffer.from("ab" + secret).toString("base64url");
    const text = r.apply(`q=${pct}; lower ${lowerHex}; auth Basic ${b64}; json {"d":"${blobs[0]}","e":"${blobs[1]}"}; ${urlSafe}`);
    expect(text).not.toContain(pct);
    expect(text).not.toContain(lowerHex);
    expect(text).not.toContain(b64.replace(/=+$/, ""));
    for (const blob of [...blobs, urlSafe]) expect(Buffer.from(text.includes(blob) ? blob : "", "base64").toString()).not.toContain(secret);
    // What is left of each blob no longer decodes to the secret.
    for (const m of text.match(/[A-Za-z0-9+/_-]{12,}/g) ?? []) {
      expect(Buffer.from(m, "base64").toString("latin1")).not.toContain("s3cr3t");
    }
    expect(text).toContain("[redacted]");
  });

  it("removes the user:password of a webhook URL in the Basic header form", () => {
    const r = new Redactor();
    r.add("https://bob:hunter2-xyz@hooks.example.com/x");
    const header = "Basic " + Buffer.from("bob:hunter2-xyz").toString("base64");
    expect(r.apply(`sent ${header}`)).not.toContain(header.slice(6, 20));
  });

  it("masks the encoded forms in the Action too", () => {
    const values = secretValues({ version: 1, alerts: [{ level: "ERROR", webhook: { url: "env:HOOK" } }] }, { HOOK: secret }, "");
    expect(values).toEqual(
      expect.arrayContaining([secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64").replace(/=+$/, "")]),
    );
  });
});

describe("locks that cannot be taken", () => {
  it("name the cause and the path (exit 2), not an internal error", async () => {
    const repo = createRepo();
    try {
      repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
      repo.write("data/a.json", "{}\n");
      repo.commitAll("init");
      // A folder nobody may create files in, not even root: sysfs answers EACCES.
      const denied = "/sys/kernel";
      expect(fs.existsSync(denied)).toBe(true);
      fs.rmSync(path.join(repo.dir, ".git/integrity-guard"), { recursive: true, force: true });
      fs.symlinkSync(denied, path.join(repo.dir, ".git/integrity-guard"));
      const r = await repo.cli(["seal"]);
      expect(r.stderr).not.toContain("internal error");
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/could not take the lock \S*manifest\.lock: permission denied \(EACCES\)/);
    } finally {
      repo.cleanup();
    }
  });
});
