/**
 * Alert sinks against real servers on 127.0.0.1: a webhook receiver, an SMTP server
 * (smtp-server) and the GitHub API stand-in. Retries use tiny backoffs here; the policy
 * (at most 3 retries, only network errors / 429 / 5xx) is what is under test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertRoute } from "../../src/config/types.js";
import { deriveAlerts, type Alert, type AlertContext } from "../../src/core/health/alerts.js";
import type { Dashboard, HealthStatus } from "../../src/core/health/types.js";
import { deliverAlerts } from "../../src/io/alerts/deliver.js";
import { Redactor, redactUrl } from "../../src/io/alerts/redact.js";
import { startGitHubApi, type GitHubApi } from "../helpers/github-api.js";
import { startSmtpServer, type SmtpTestServer } from "../helpers/smtp-server.js";
import { deadUrl, startWebhookServer, type WebhookServer } from "../helpers/webhook-server.js";

const FAST = { baseDelayMs: 20, maxDelayMs: 2000, timeoutMs: 5000 };
const ctx: AlertContext = { repository: "acme/app", score: 42, status: "CRITICAL", time: "2026-11-26T12:00:00.000Z" };

function dashboard(status: HealthStatus, components: Record<string, [number, HealthStatus]>): Dashboard {
  return {
    system_health: {
      overall_score: status === "HEALTHY" ? 95 : status === "DEGRADED" ? 70 : 42,
      status,
      last_updated: ctx.time,
      thresholds: { healthy: 85, degraded: 60 },
      components: Object.fromEntries(
        Object.entries(components).map(([n, [score, st]]) => [
          n,
          { score, status: st, included: true, weight: 1, summary: `${n} summary`, detail: {} },
        ]),
      ),
    },
  };
}

const critical = deriveAlerts(
  dashboard("CRITICAL", { backups: [0, "CRITICAL"], schemas: [70, "DEGRADED"], disk: [100, "HEALTHY"] }),
  "HEALTHY",
);

let hook: WebhookServer;
beforeAll(async () => {
  hook = await startWebhookServer();
});
afterAll(async () => {
  await hook.close();
});

describe("webhook sink", () => {
  it("delivers Slack, Teams and generic JSON payloads", async () => {
    const before = hook.requests.length;
    const routes: AlertRoute[] = [
      { level: "WARNING", webhook: { url: `${hook.url}/slack/T0/B0/secret`, format: "slack" } },
      { level: "ERROR", webhook: { url: `${hook.url}/teams`, format: "teams" } },
      { level: "CRITICAL", webhook: { url: `${hook.url}/json` } },
    ];
    const out = await deliverAlerts(routes, critical, ctx, { env: {}, dryRun: false, retry: FAST });
    expect(out.findings).toEqual([]);
    expect(out.reports.every((r) => r.ok)).toBe(true);
    const got = new Map(hook.requests.slice(before).map((r) => [r.path, r]));
    expect(got.size).toBe(3);

    const slack = got.get("/slack/T0/B0/secret")!;
    expect(slack.method).toBe("POST");
    expect(slack.headers["content-type"]).toBe("application/json");
    const text = (slack.body as { text: string }).text;
    expect(Object.keys(slack.body as object)).toEqual(["text"]);
    expect(text).toContain("*integrity-guard* acme/app: health 42/100 CRITICAL");
    expect(text).toContain("[ERROR] backups is CRITICAL (0/100)");
    expect(text).toContain("[WARNING] schemas is DEGRADED (70/100)"); // WARNING route gets warnings too

    const teams = got.get("/teams")!.body as {
      type: string;
      attachments: {
        contentType: string;
        content: { type: string; version: string; body: { type: string; facts?: { title: string; value: string }[] }[] };
      }[];
    };
    expect(teams.type).toBe("message");
    expect(teams.attachments[0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(teams.attachments[0]!.content.type).toBe("AdaptiveCard");
    const facts = teams.attachments[0]!.content.body.find((b) => b.type === "FactSet")!.facts!;
    // ERROR route: the CRITICAL overall alert, the CRITICAL status change and the ERROR backups alert, not the WARNING.
    expect(facts.map((f) => f.title).sort()).toEqual(["CRITICAL", "CRITICAL", "ERROR"]);

    const json = got.get("/json")!.body as { source: string; level: string; alerts: Alert[]; overall_score: number };
    expect(json).toMatchObject({
      source: "integrity-guard",
      repository: "acme/app",
      overall_score: 42,
      status: "CRITICAL",
      level: "CRITICAL",
    });
    expect(json.alerts.map((a) => a.key)).toEqual(["health/overall", "health/status-change"]);
  });

  it("retries a 429 after Retry-After and then succeeds", async () => {
    const before = hook.requests.length;
    hook.respond({ status: 429, headers: { "retry-after": "1" } });
    const waits: number[] = [];
    const out = await deliverAlerts([{ level: "INFO", webhook: { url: `${hook.url}/rl`, format: "json" } }], critical, ctx, {
      env: {},
      dryRun: false,
      retry: { ...FAST, sleep: async (ms) => void waits.push(ms) },
    });
    const reqs = hook.requests.slice(before);
    expect(reqs.map((r) => r.status)).toEqual([429, 200]);
    expect(waits).toEqual([1000]); // Retry-After: 1 honoured (not the 20 ms backoff)
    expect(out.reports[0]).toMatchObject({ ok: true });
    expect(out.reports[0]!.actions[0]).toContain("after 2 attempts");
  });

  it("caps a huge Retry-After", async () => {
    const before = hook.requests.length;
    hook.respond({ status: 429, headers: { "retry-after": "86400" } });
    const waits: number[] = [];
    const out = await deliverAlerts([{ level: "INFO", webhook: { url: `${hook.url}/cap` } }], critical, ctx, {
      env: {},
      dryRun: false,
      retry: { ...FAST, maxDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
    });
    expect(waits).toEqual([100]); // the day the server asked for, capped
    expect(out.reports[0]!.ok).toBe(true);
    expect(hook.requests.length - before).toBe(2);
  });

  it("gives up after 3 retries on 5xx, and never retries a 4xx", async () => {
    let before = hook.requests.length;
    hook.respond({ status: 503 }, { status: 502 }, { status: 500 }, { status: 503 }, { status: 503 });
    let out = await deliverAlerts([{ level: "INFO", webhook: { url: `${hook.url}/down` } }], critical, ctx, {
      env: {},
      dryRun: false,
      retry: FAST,
    });
    expect(hook.requests.length - before).toBe(4);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ rule: "alert/sink-failed", level: "warning" });
    expect(out.findings[0]!.message).toContain(`webhook json ${hook.url}`);
    expect(out.findings[0]!.message).toContain("HTTP 503");
    expect(out.findings[0]!.message).toContain("after 4 attempts");
    hook.requests.length = 0;
    hook.respond({ status: 200 }); // the 5th scripted 503 was not consumed: reset the script
    await deliverAlerts([{ level: "INFO", webhook: { url: `${hook.url}/reset` } }], critical, ctx, { env: {}, dryRun: false, retry: FAST });

    before = hook.requests.length;
    hook.respond({ status: 404 });
    out = await deliverAlerts([{ level: "INFO", webhook: { url: `${hook.url}/gone` } }], critical, ctx, {
      env: {},
      dryRun: false,
      retry: FAST,
    });
    expect(hook.requests.length - before).toBe(1);
    expect(out.findings[0]!.message).toContain("HTTP 404");

    // A redirect is not followed (the secret would travel to another host) and not retried.
    before = hook.requests.length;
    hook.respond({ status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } });
    out = await deliverAlerts([{ level: "INFO", webhook: { url: `${hook.url}/moved` } }], critical, ctx, {
      env: {},
      dryRun: false,
      retry: FAST,
    });
    expect(hook.requests.length - before).toBe(1);
    expect(out.findings[0]!.message).toContain("HTTP 302: redirects are not followed");
  });

  it("sends nothing to a route whose level no alert reaches", async () => {
    const before = hook.requests.length;
    const warnings = critical.filter((a) => a.level === "WARNING");
    const out = await deliverAlerts([{ level: "ERROR", webhook: { url: `${hook.url}/quiet` } }], warnings, ctx, {
      env: {},
      dryRun: false,
      retry: FAST,
    });
    expect(out.reports).toEqual([]);
    expect(hook.requests.length).toBe(before);
  });

  it("--dry-run builds the payload and sends nothing", async () => {
    const before = hook.requests.length;
    const out = await deliverAlerts([{ level: "INFO", webhook: { url: `${hook.url}/dry`, format: "slack" } }], critical, ctx, {
      env: {},
      dryRun: true,
      retry: FAST,
    });
    expect(hook.requests.length).toBe(before);
    expect(out.reports[0]).toMatchObject({ ok: true, dry_run: true });
    expect((out.reports[0]!.payload as { text: string }).text).toContain("health 42/100 CRITICAL");
  });
});

describe("e-mail sink", () => {
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpServer({ user: "alerts", pass: "s3cr3t-pass" });
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("sends one message with the alerts over SMTP with auth", async () => {
    const before = smtp.messages.length;
    const out = await deliverAlerts(
      [{ level: "ERROR", email: { to: ["ops@example.com", "dev@example.com"], from: "guard@example.com", smtp: "env:SMTP_URL" } }],
      critical,
      ctx,
      {
        env: { SMTP_URL: smtp.url },
        dryRun: false,
        retry: FAST,
      },
    );
    expect(out.findings).toEqual([]);
    const m = smtp.messages.slice(before);
    expect(m).toHaveLength(1);
    expect(m[0]!.from).toBe("guard@example.com");
    expect(m[0]!.to).toEqual(["ops@example.com", "dev@example.com"]);
    expect(m[0]!.user).toBe("alerts");
    expect(m[0]!.raw).toContain("Subject: [integrity-guard] CRITICAL: acme/app health 42/100 CRITICAL");
    expect(m[0]!.raw).toContain("[ERROR] backups is CRITICAL (0/100)");
    expect(m[0]!.raw).not.toContain("schemas is DEGRADED"); // WARNING is below the route's ERROR
    expect(JSON.stringify(out.reports)).not.toContain("s3cr3t-pass");
    expect(out.reports[0]!.sink).toContain(`email smtp://127.0.0.1:${smtp.port}`);
  });

  it("retries a temporary 4xx answer", async () => {
    const before = smtp.messages.length;
    smtp.failNext(1);
    const out = await deliverAlerts([{ level: "INFO", email: { to: "ops@example.com", smtp: smtp.url } }], critical, ctx, {
      env: {},
      dryRun: false,
      retry: FAST,
    });
    expect(out.findings).toEqual([]);
    expect(smtp.messages.length - before).toBe(1);
    expect(out.reports[0]!.actions[0]).toContain("after 2 attempts");
  });

  it("reports a wrong password as a failed sink without the password", async () => {
    const bad = smtp.url.replace("s3cr3t-pass", "wr0ng-pass");
    const out = await deliverAlerts([{ level: "INFO", email: { to: "ops@example.com", smtp: "env:SMTP_URL" } }], critical, ctx, {
      env: { SMTP_URL: bad },
      dryRun: false,
      retry: FAST,
    });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]!.message).toMatch(/email smtp:\/\/127\.0\.0\.1:\d+ failed: .*535|EAUTH/);
    expect(JSON.stringify(out)).not.toContain("wr0ng-pass");
  });

  it("a missing environment variable is a failed sink that says which", async () => {
    const out = await deliverAlerts([{ level: "INFO", email: { to: "ops@example.com", smtp: "env:NOPE_SMTP" } }], critical, ctx, {
      env: {},
      dryRun: false,
      retry: FAST,
    });
    expect(out.findings[0]!.message).toContain("environment variable NOPE_SMTP is not set");
    expect(out.findings[0]!.fix).toContain("set NOPE_SMTP");
  });
});

describe("a sink that is down", () => {
  it("is a warning naming it while the other sinks deliver", async () => {
    const smtp = await startSmtpServer();
    try {
      const dead = await deadUrl();
      const before = hook.requests.length;
      const routes: AlertRoute[] = [
        { level: "INFO", webhook: { url: "env:DEAD_HOOK", format: "slack" } },
        { level: "INFO", webhook: { url: `${hook.url}/alive`, format: "json" } },
        { level: "INFO", email: { to: "ops@example.com", smtp: smtp.url } },
      ];
      const out = await deliverAlerts(routes, critical, ctx, {
        env: { DEAD_HOOK: `${dead}/services/T1/B2/sekret-path` },
        dryRun: false,
        retry: FAST,
      });
      expect(hook.requests.slice(before).map((r) => r.path)).toEqual(["/alive"]);
      expect(smtp.messages).toHaveLength(1);
      expect(out.findings).toHaveLength(1);
      expect(out.findings[0]!.message).toContain(`alerts[0] webhook slack ${dead} failed: network error ECONNREFUSED (after 4 attempts)`);
      expect(JSON.stringify(out)).not.toContain("sekret-path");
    } finally {
      await smtp.close();
    }
  });
});

describe("GitHub issue sink", () => {
  let api: GitHubApi;
  beforeAll(async () => {
    api = await startGitHubApi({ owner: "acme", repo: "app" });
  });
  afterAll(async () => {
    await api.close();
  });
  const env = () => ({ GITHUB_TOKEN: "ghs_tokenvalue123", GITHUB_API_URL: api.url, GITHUB_REPOSITORY: "acme/app" });
  const route: AlertRoute[] = [{ level: "WARNING", github_issue: { labels: ["ops"] } }];

  it("opens one issue per alert key, comments while it persists, closes on recovery, never duplicates", async () => {
    // Someone else's open issue with the same label must be left alone.
    api.addIssue({ title: "unrelated", body: "hello", labels: ["integrity-guard"] });
    const run1 = await deliverAlerts(route, critical, ctx, { env: env(), dryRun: false, retry: FAST });
    expect(run1.findings).toEqual([]);
    const created = api.issues.filter((i) => i.title.startsWith("[integrity-guard]"));
    expect(created.map((i) => i.title).sort()).toEqual([
      "[integrity-guard] Repository health is CRITICAL",
      "[integrity-guard] backups is CRITICAL",
      "[integrity-guard] schemas is DEGRADED",
    ]);
    for (const i of created) {
      expect(i.labels.map((l) => l.name)).toEqual(["integrity-guard", "ops"]);
      expect(i.body).toMatch(/<!-- integrity-guard:alert-key=health\/[a-z_]+ -->/);
    }
    expect(api.find("POST", "/issues").every((r) => r.token === "ghs_tokenvalue123")).toBe(true);

    // Still failing, an hour later: no new issues (the status-change alert is one-off: no
    // issue) and no comments either: nothing changed, and a scheduled check must not spam.
    const later = (hours: number) => ({ ...ctx, time: new Date(Date.parse(ctx.time) + hours * 3_600_000).toISOString() });
    const run2 = await deliverAlerts(
      route,
      deriveAlerts(dashboard("CRITICAL", { backups: [0, "CRITICAL"], schemas: [70, "DEGRADED"] }), "CRITICAL"),
      later(1),
      { env: env(), dryRun: false, retry: FAST },
    );
    expect(run2.findings).toEqual([]);
    expect(api.issues.filter((i) => i.title.startsWith("[integrity-guard]"))).toHaveLength(3);
    expect(api.comments.filter((c) => c.body.includes("Still"))).toHaveLength(0);
    expect(run2.reports.flatMap((r) => r.actions).filter((a) => a.startsWith("left #"))).toHaveLength(3);

    // schemas gets worse: its issue is commented on (and only its issue).
    const worse = () => deriveAlerts(dashboard("CRITICAL", { backups: [0, "CRITICAL"], schemas: [40, "CRITICAL"] }), "CRITICAL");
    const run2b = await deliverAlerts(route, worse(), later(2), { env: env(), dryRun: false, retry: FAST });
    expect(run2b.findings).toEqual([]);
    const schemasIssue = api.issues.find((i) => i.title.includes("schemas"))!;
    expect(api.comments.map((c) => c.issue_number)).toEqual([schemasIssue.number]);
    expect(api.comments[0]!.body).toContain("Now **ERROR** (was WARNING)");
    expect(schemasIssue.body).toContain("<!-- integrity-guard:alert-state=ERROR@2026-11-26T14:00:00.000Z -->");
    // A day after the last word on each: one reminder per open issue.
    const run2c = await deliverAlerts(route, worse(), later(26.5), { env: env(), dryRun: false, retry: FAST });
    expect(run2c.findings).toEqual([]);
    expect(api.comments.filter((c) => c.body.includes("Still"))).toHaveLength(3);
    expect(new Set(api.comments.map((c) => c.issue_number)).size).toBe(3);

    // schemas recovered, backups still down: the schemas issue closes, the others stay open.
    const run3 = await deliverAlerts(
      route,
      deriveAlerts(dashboard("CRITICAL", { backups: [0, "CRITICAL"], schemas: [95, "HEALTHY"] }), "CRITICAL"),
      ctx,
      { env: env(), dryRun: false, retry: FAST },
    );
    expect(run3.findings).toEqual([]);
    const schemas = api.issues.find((i) => i.title.includes("schemas"))!;
    expect(schemas.state).toBe("closed");
    expect(api.comments.some((c) => c.issue_number === schemas.number && c.body.includes("Resolved"))).toBe(true);
    expect(api.issues.find((i) => i.title.includes("backups"))!.state).toBe("open");

    // All healthy: everything of ours closes; the unrelated issue stays open; nothing new is opened.
    const ok = deriveAlerts(dashboard("HEALTHY", { backups: [100, "HEALTHY"] }), "CRITICAL");
    const run4 = await deliverAlerts(route, ok, { ...ctx, score: 95, status: "HEALTHY" }, { env: env(), dryRun: false, retry: FAST });
    expect(run4.findings).toEqual([]);
    expect(api.issues.filter((i) => i.title.startsWith("[integrity-guard]")).map((i) => i.state)).toEqual(["closed", "closed", "closed"]);
    expect(api.issues.find((i) => i.title === "unrelated")!.state).toBe("open");
    expect(api.find("POST", "/issues")).toHaveLength(3);
    expect(JSON.stringify([run1, run2, run3, run4])).not.toContain("ghs_tokenvalue123");
  });

  it("retries a 5xx from the API, and a missing token is a failed sink", async () => {
    const fresh = deriveAlerts(dashboard("DEGRADED", { disk: [70, "DEGRADED"] }), undefined);
    api.failNext({ method: "GET", path: "/repos/acme/app/issues", status: 502 });
    const out = await deliverAlerts(route, fresh, ctx, { env: env(), dryRun: false, retry: FAST });
    expect(out.findings).toEqual([]);
    expect(api.issues.some((i) => i.title === "[integrity-guard] disk is DEGRADED" && i.state === "open")).toBe(true);

    const noToken = await deliverAlerts(route, fresh, ctx, {
      env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: "acme/app" },
      dryRun: false,
      retry: FAST,
    });
    expect(noToken.findings[0]!.message).toContain("github_issue acme/app failed: no GitHub token");
  });

  it("a read-only token fails the sink with the API's answer and no token in it", async () => {
    const ro = await startGitHubApi({ readOnlyTokens: ["ghs_readonly999"] });
    try {
      const out = await deliverAlerts(route, critical, ctx, {
        env: { GITHUB_TOKEN: "ghs_readonly999", GITHUB_API_URL: ro.url, GITHUB_REPOSITORY: "acme/app" },
        dryRun: false,
        retry: FAST,
      });
      expect(out.findings).toHaveLength(1);
      expect(out.findings[0]!.message).toContain("HTTP 403");
      expect(out.findings[0]!.message).toContain("Resource not accessible by integration");
      expect(JSON.stringify(out)).not.toContain("ghs_readonly999");
      expect(ro.issues).toEqual([]);
    } finally {
      await ro.close();
    }
  });
});

describe("redaction", () => {
  it("shows only scheme and host of a secret URL, and removes its parts wherever they appear", () => {
    const r = new Redactor();
    r.add("https://user:pa55word@hooks.example.com/services/AAA/BBB?token=qqqq");
    expect(redactUrl("https://user:pa55word@hooks.example.com/services/AAA/BBB?token=qqqq")).toBe("https://hooks.example.com");
    const text = r.apply(
      "POST https://user:pa55word@hooks.example.com/services/AAA/BBB?token=qqqq failed; pass pa55word; path /services/AAA/BBB?token=qqqq",
    );
    expect(text).not.toMatch(/pa55word|AAA\/BBB|qqqq/);
    expect(text).toContain("https://hooks.example.com");
  });
});
