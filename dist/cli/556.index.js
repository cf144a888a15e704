export const id = 556;
export const ids = [556];
export const modules = {

/***/ 2369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ checks)
/* harmony export */ });
const checks = [
    { name: "validate", load: async () => (await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 7914))).check },
    { name: "manifest", load: async () => (await Promise.all(/* import() */[__webpack_require__.e(285), __webpack_require__.e(457), __webpack_require__.e(138), __webpack_require__.e(171)]).then(__webpack_require__.bind(__webpack_require__, 8171))).check },
    { name: "conflicts", load: async () => (await __webpack_require__.e(/* import() */ 20).then(__webpack_require__.bind(__webpack_require__, 2020))).check },
    { name: "sync", load: async () => (await Promise.all(/* import() */[__webpack_require__.e(20), __webpack_require__.e(714)]).then(__webpack_require__.bind(__webpack_require__, 3714))).check },
];


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/health/alerts.ts
const ALERT_LEVELS = ["INFO", "WARNING", "ERROR", "CRITICAL"];
function levelRank(level) {
    return ALERT_LEVELS.indexOf(level);
}
/**
 * Alerts for a dashboard: one per non-healthy scored component (DEGRADED -> WARNING,
 * CRITICAL -> ERROR), one for a non-healthy overall status (DEGRADED -> WARNING, CRITICAL ->
 * CRITICAL), and a one-off status change against the previous run (to HEALTHY -> INFO).
 */
function deriveAlerts(d, previous) {
    const h = d.system_health;
    const alerts = [];
    if (h.status !== "HEALTHY") {
        alerts.push({
            key: "health/overall",
            level: h.status === "CRITICAL" ? "CRITICAL" : "WARNING",
            title: `Repository health is ${h.status} (${h.overall_score}/100)`,
            message: Object.entries(h.components)
                .filter(([, c]) => c.included && c.weight > 0 && c.status !== "HEALTHY")
                .map(([n, c]) => `${n}: ${c.score} ${c.status}: ${c.summary}`)
                .join("\n"),
            persistent: true,
        });
    }
    for (const [name, c] of Object.entries(h.components)) {
        // Left out of the score (nothing configured, or weight 0): left out of the alerts too.
        if (!c.included || c.weight <= 0 || c.status === "HEALTHY")
            continue;
        alerts.push({
            key: `health/${name}`,
            level: c.status === "CRITICAL" ? "ERROR" : "WARNING",
            title: `${name} is ${c.status} (${c.score}/100)`,
            message: c.summary,
            persistent: true,
        });
    }
    if (previous !== undefined && previous !== h.status) {
        alerts.push({
            key: "health/status-change",
            level: h.status === "HEALTHY" ? "INFO" : h.status === "DEGRADED" ? "WARNING" : "CRITICAL",
            title: `Health changed from ${previous} to ${h.status} (${h.overall_score}/100)`,
            message: h.status === "HEALTHY"
                ? "All scored components are back within their thresholds."
                : `Now ${h.status}; see the components above their thresholds.`,
            persistent: false,
        });
    }
    return alerts;
}
/** Alerts a route with minimum `level` receives. */
function routeAlerts(alerts, level) {
    return alerts.filter((a) => levelRank(a.level) >= levelRank(level));
}
/** The highest level among alerts (INFO when none). */
function topLevel(alerts) {
    return alerts.reduce((top, a) => (levelRank(a.level) > levelRank(top) ? a.level : top), "INFO");
}
// ---------------------------------------------------------------- payloads
/** Slack incoming webhook: `{"text": ...}` with mrkdwn. */
function slackPayload(alerts, ctx) {
    const lines = [`*integrity-guard* ${ctx.repository}: health ${ctx.score}/100 ${ctx.status}`];
    for (const a of alerts)
        lines.push(`• [${a.level}] ${a.title}${a.message ? `\n    ${a.message.replace(/\n/g, "\n    ")}` : ""}`);
    return { text: lines.join("\n") };
}
/** Microsoft Teams (workflows / incoming webhook): a message carrying one Adaptive Card. */
function teamsPayload(alerts, ctx) {
    const color = ctx.status === "HEALTHY" ? "Good" : ctx.status === "DEGRADED" ? "Warning" : "Attention";
    return {
        type: "message",
        attachments: [
            {
                contentType: "application/vnd.microsoft.card.adaptive",
                contentUrl: null,
                content: {
                    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
                    type: "AdaptiveCard",
                    version: "1.4",
                    body: [
                        { type: "TextBlock", size: "Medium", weight: "Bolder", text: `integrity-guard: ${ctx.repository}` },
                        { type: "TextBlock", color, weight: "Bolder", text: `Health ${ctx.score}/100 ${ctx.status}` },
                        { type: "FactSet", facts: alerts.map((a) => ({ title: a.level, value: a.title })) },
                        ...alerts
                            .filter((a) => a.message)
                            .map((a) => ({ type: "TextBlock", wrap: true, isSubtle: true, text: `${a.key}: ${a.message}` })),
                        { type: "TextBlock", isSubtle: true, size: "Small", text: ctx.time },
                    ],
                },
            },
        ],
    };
}
/** Generic JSON: everything, machine-readable. */
function jsonPayload(alerts, ctx) {
    return {
        source: "integrity-guard",
        repository: ctx.repository,
        overall_score: ctx.score,
        status: ctx.status,
        level: topLevel(alerts),
        timestamp: ctx.time,
        alerts,
    };
}
/** E-mail subject and plain-text body. */
function emailMessage(alerts, ctx) {
    return {
        subject: `[integrity-guard] ${topLevel(alerts)}: ${ctx.repository} health ${ctx.score}/100 ${ctx.status}`,
        text: [
            `Repository: ${ctx.repository}`,
            `Health: ${ctx.score}/100 ${ctx.status} at ${ctx.time}`,
            "",
            ...alerts.map((a) => `[${a.level}] ${a.title}${a.message ? `\n  ${a.message.replace(/\n/g, "\n  ")}` : ""}`),
            "",
            "Sent by integrity-guard health --alert.",
        ].join("\n"),
    };
}
/** Hidden marker that identifies the issue of an alert key (never shown by GitHub). */
function issueMarker(key) {
    return `<!-- integrity-guard:alert-key=${key} -->`;
}
/** The alert key an issue body carries, if any. */
function keyFromIssueBody(body) {
    return body ? /<!-- integrity-guard:alert-key=([^\s]+) -->/.exec(body)?.[1] : undefined;
}
/** Title and body of a new alert issue, and of the comment while it persists. */
function issueTexts(a, ctx) {
    const detail = a.message ? `\n\n\`\`\`\n${a.message}\n\`\`\`` : "";
    return {
        title: `[integrity-guard] ${a.title.replace(/ \(\d+\/100\)$/, "")}`,
        body: `${issueMarker(a.key)}\n**${a.level}**: ${a.title}\n\nRepository health: ${ctx.score}/100 ${ctx.status} at ${ctx.time}.${detail}\n\nThis issue is managed by \`integrity-guard health --alert\`: it is commented on while the condition lasts and closed when it clears.`,
        comment: `${issueMarker(a.key)}\nStill **${a.level}** at ${ctx.time}: ${a.title}${detail}`,
        resolved: `${issueMarker(a.key)}\nResolved at ${ctx.time}: health is ${ctx.score}/100 ${ctx.status}; \`${a.key}\` no longer alerts at this level.`,
    };
}

;// CONCATENATED MODULE: ./src/core/health/svg.ts
/** Escape text for SVG/XML content and attribute values. */
function xmlEscape(s) {
    return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
}
/** Colour per status (the palette shields.io badges use, so the badge sits well beside others). */
const STATUS_COLOR = { HEALTHY: "#4c1", DEGRADED: "#dfb317", CRITICAL: "#e05d44" };
/** Rough width of Verdana 11px text: enough for a badge to fit its label without measuring fonts. */
function textWidth(s) {
    let w = 0;
    for (const ch of s)
        w += /[ilI.,:;|!'`]/.test(ch) ? 3.5 : /[A-Z0-9mwMW%]/.test(ch) ? 7.5 : 6.5;
    return Math.ceil(w);
}

;// CONCATENATED MODULE: ./src/core/health/badge.ts
/** The health badge: "health | 85 HEALTHY", coloured by status (pure SVG text). */

/** Render a flat badge (shields.io layout) for a score and status. */
function renderBadge(score, status, label = "health") {
    const value = `${score} ${status}`;
    const lw = textWidth(label) + 12;
    const vw = textWidth(value) + 12;
    const w = lw + vw;
    const color = STATUS_COLOR[status];
    const title = `${label}: ${value}`;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${xmlEscape(title)}">`,
        `<title>${xmlEscape(title)}</title>`,
        `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
        `<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>`,
        `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><rect width="${w}" height="20" fill="url(#s)"/></g>`,
        `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
        `<text x="${lw / 2}" y="14">${xmlEscape(label)}</text>`,
        `<text x="${lw + vw / 2}" y="14" data-score="${score}" data-status="${status}">${xmlEscape(value)}</text>`,
        `</g>`,
        `</svg>`,
        "",
    ].join("\n");
}

;// CONCATENATED MODULE: ./src/core/health/chart.ts
/** The history chart: overall score over time as an SVG line chart (pure). */

const W = 640;
const H = 260;
const M = { left: 44, right: 16, top: 34, bottom: 40 };
/** Render the chart; an empty history gives a chart that says so (still valid SVG). */
function renderHistoryChart(points, thresholds) {
    const sorted = [...points].filter((p) => Number.isFinite(Date.parse(p.time))).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    const pw = W - M.left - M.right;
    const ph = H - M.top - M.bottom;
    const y = (score) => round(M.top + ph - (ph * Math.max(0, Math.min(100, score))) / 100);
    const t0 = sorted.length ? Date.parse(sorted[0].time) : 0;
    const t1 = sorted.length ? Date.parse(sorted[sorted.length - 1].time) : 0;
    const x = (time) => (t1 === t0 ? round(M.left + pw / 2) : round(M.left + (pw * (Date.parse(time) - t0)) / (t1 - t0)));
    const out = [];
    const last = sorted[sorted.length - 1];
    const scores = sorted.map((p) => p.score);
    const heading = last
        ? `health score: now ${last.score} ${last.status}, min ${Math.min(...scores)}, max ${Math.max(...scores)} (${sorted.length} point${sorted.length === 1 ? "" : "s"})`
        : "health score: no history yet";
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${xmlEscape(heading)}">`);
    out.push(`<title>${xmlEscape(heading)}</title>`);
    out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
    out.push(`<g font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" fill="#333">`);
    out.push(`<text x="${M.left}" y="20" font-size="13">${xmlEscape(heading)}</text>`);
    // Status bands behind the line: where a score would be CRITICAL, DEGRADED, HEALTHY.
    out.push(`<rect x="${M.left}" y="${y(thresholds.degraded)}" width="${pw}" height="${round(y(0) - y(thresholds.degraded))}" fill="${STATUS_COLOR.CRITICAL}" fill-opacity="0.08"/>`);
    out.push(`<rect x="${M.left}" y="${y(thresholds.healthy)}" width="${pw}" height="${round(y(thresholds.degraded) - y(thresholds.healthy))}" fill="${STATUS_COLOR.DEGRADED}" fill-opacity="0.10"/>`);
    out.push(`<rect x="${M.left}" y="${y(100)}" width="${pw}" height="${round(y(thresholds.healthy) - y(100))}" fill="${STATUS_COLOR.HEALTHY}" fill-opacity="0.08"/>`);
    for (const v of [0, thresholds.degraded, thresholds.healthy, 100]) {
        out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${y(v)}" y2="${y(v)}" stroke="#ccc" stroke-dasharray="3,3"/>`);
        out.push(`<text x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
    }
    out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="#888"/>`);
    out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="#888"/>`);
    if (sorted.length === 0) {
        out.push(`<text x="${M.left + pw / 2}" y="${M.top + ph / 2}" text-anchor="middle" fill="#888">run integrity-guard health to start recording</text>`);
    }
    else {
        out.push(`<text x="${M.left}" y="${H - 12}">${xmlEscape(sorted[0].time.slice(0, 16).replace("T", " "))}</text>`);
        if (sorted.length > 1)
            out.push(`<text x="${M.left + pw}" y="${H - 12}" text-anchor="end">${xmlEscape(last.time.slice(0, 16).replace("T", " "))}</text>`);
        if (sorted.length > 1) {
            out.push(`<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="${sorted.map((p) => `${x(p.time)},${y(p.score)}`).join(" ")}"/>`);
        }
        for (const p of sorted) {
            out.push(`<circle cx="${x(p.time)}" cy="${y(p.score)}" r="3" fill="${STATUS_COLOR[p.status] ?? "#888"}" data-score="${p.score}" data-time="${xmlEscape(p.time)}"><title>${xmlEscape(`${p.time}: ${p.score} ${p.status}`)}</title></circle>`);
        }
    }
    out.push(`</g>`, `</svg>`, "");
    return out.join("\n");
}
function round(n) {
    return Math.round(n * 10) / 10;
}

;// CONCATENATED MODULE: ./src/core/health/types.ts
/** The health dashboard's shapes (DESIGN.md, contract: `health --format json`). */
/** Names of the components `health` scores, in display order. */
const COMPONENT_NAMES = ["critical_files", "schemas", "manifest", "configuration", "sync", "backups", "disk", "checks"];
const DEFAULT_THRESHOLDS = { healthy: 85, degraded: 60 };
const RANK = { HEALTHY: 0, DEGRADED: 1, CRITICAL: 2 };
/** The worse of two statuses. */
function worse(a, b) {
    return RANK[a] >= RANK[b] ? a : b;
}
/** True when `a` is at least as bad as `b`. */
function atLeast(a, b) {
    return RANK[a] >= RANK[b];
}

;// CONCATENATED MODULE: ./src/core/health/thresholds.ts

/** Status for a score: >= healthy HEALTHY, >= degraded DEGRADED, otherwise CRITICAL. */
function statusFor(score, t = DEFAULT_THRESHOLDS) {
    if (score >= t.healthy)
        return "HEALTHY";
    if (score >= t.degraded)
        return "DEGRADED";
    return "CRITICAL";
}
const DURATION_UNITS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** "90s", "30m", "2h", "26h", "7d", "2w" -> milliseconds; undefined when malformed. */
function parseDuration(text) {
    const m = /^([0-9]+(?:\.[0-9]+)?)(s|m|h|d|w)$/.exec(text.trim());
    return m ? Number(m[1]) * DURATION_UNITS[m[2]] : undefined;
}
/** Milliseconds -> "3h 20m", "2d 4h", "45s" (two largest units). */
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return "never";
    const s = Math.max(0, Math.round(ms / 1000));
    const parts = [
        [Math.floor(s / 86400), "d"],
        [Math.floor((s % 86400) / 3600), "h"],
        [Math.floor((s % 3600) / 60), "m"],
        [s % 60, "s"],
    ];
    const first = parts.findIndex(([n]) => n > 0);
    if (first < 0)
        return "0s";
    return parts
        .slice(first, first + 2)
        .filter(([n]) => n > 0)
        .map(([n, u]) => `${n}${u}`)
        .join(" ");
}
const SIZE_UNITS = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };
/** "500MB", "1GiB", "5%" -> a limit; undefined when malformed (the config schema rejects those first). */
function parseFreeSpace(text) {
    const m = /^([0-9]+)(B|KB|MB|GB|KiB|MiB|GiB|%)$/.exec(text.trim());
    if (!m)
        return undefined;
    const n = Number(m[1]);
    return m[2] === "%" ? { percent: n } : { bytes: n * SIZE_UNITS[m[2]] };
}
/** Bytes -> "1.5 GB" (decimal units, what `df -H` prints). */
function formatBytes(n) {
    const units = ["B", "KB", "MB", "GB", "TB", "PB"];
    let v = n;
    let i = 0;
    while (v >= 1000 && i < units.length - 1) {
        v /= 1000;
        i++;
    }
    return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
const DEFAULT_CHECK_THRESHOLDS = { maxErrorCount: 5, maxCheckSeconds: 5 };
/** Default minimum free space when health.min_free_disk is absent. */
const DEFAULT_MIN_FREE_DISK = "5%";
/** Minimum share of free inodes (not configurable: running out of inodes is as fatal as out of bytes). */
const MIN_FREE_INODES_PERCENT = 5;

;// CONCATENATED MODULE: ./src/core/health/score.ts
/**
 * The overall score: a weighted mean of the included components, pulled a third of the way
 * toward the weakest one, so one failing component cannot hide behind many healthy ones:
 *
 *   overall = round((2 × weighted_mean + lowest) / 3)
 *
 * The seed's example dashboard (90, 85, 80, 95 -> 85) is exactly this rule with equal weights.
 * A CRITICAL component makes the overall status at least DEGRADED whatever the score.
 */


/** Overall score and status from component scores (pure; see the rule above). */
function overallScore(parts, thresholds) {
    const counted = Object.values(parts).filter((p) => p.included !== false && (p.weight ?? 1) > 0);
    if (counted.length === 0)
        return { score: 100, status: "HEALTHY", mean: 100, lowest: 100 };
    let sum = 0;
    let weights = 0;
    let lowest = 100;
    let anyCritical = false;
    for (const p of counted) {
        const w = p.weight ?? 1;
        sum += w * p.score;
        weights += w;
        lowest = Math.min(lowest, p.score);
        if (statusFor(p.score, thresholds) === "CRITICAL")
            anyCritical = true;
    }
    const mean = sum / weights;
    const score = clampScore(Math.round((2 * mean + lowest) / 3));
    let status = statusFor(score, thresholds);
    if (anyCritical)
        status = worse(status, "DEGRADED");
    return { score, status, mean: Math.round(mean * 10) / 10, lowest };
}
/** Keep a score an integer in 0..100. */
function clampScore(n) {
    if (!Number.isFinite(n))
        return 0;
    return Math.max(0, Math.min(100, Math.round(n)));
}
/** Build a component from a score (status from the thresholds). */
function component(score, thresholds, fields) {
    const s = clampScore(score);
    return {
        score: s,
        status: statusFor(s, thresholds),
        included: fields.included ?? true,
        weight: fields.weight ?? 1,
        summary: fields.summary,
        detail: fields.detail,
    };
}

;// CONCATENATED MODULE: ./src/core/health/components.ts


/**
 * critical_files: 100 × share of files that exist, are readable, non-empty and parse. Any
 * broken critical file caps the score just below the DEGRADED threshold: it is CRITICAL.
 */
function scoreCriticalFiles(files, t) {
    if (files.length === 0) {
        return component(100, t, { included: false, summary: "no critical files configured (health.critical_files)", detail: { files: [] } });
    }
    const bad = files.filter((f) => f.problem !== undefined);
    let score = (100 * (files.length - bad.length)) / files.length;
    if (bad.length > 0)
        score = Math.min(score, t.degraded - 1);
    const summary = bad.length === 0
        ? `${files.length} critical file${plural(files.length)} present and parse`
        : `${bad.length} of ${files.length} critical file${plural(files.length)} broken: ${bad.map((f) => `${f.path} (${f.problem})`).join(", ")}`;
    return component(score, t, { summary, detail: { total: files.length, broken: bad.length, files } });
}
/** schemas: 100 × share of valid files; any invalid file caps it just below HEALTHY. */
function scoreSchemas(facts, t) {
    if (facts.failed !== undefined)
        return component(0, t, { summary: `validate check failed: ${facts.failed}`, detail: { error: facts.failed } });
    if (facts.total === 0)
        return component(100, t, { included: false, summary: "no JSON/YAML files to validate", detail: { total: 0, valid: 0, invalid: [] } });
    const invalid = Math.min(facts.invalid.length, facts.total);
    let score = (100 * (facts.total - invalid)) / facts.total;
    if (invalid > 0)
        score = Math.min(score, t.healthy - 1);
    const valid = facts.total - invalid;
    return component(score, t, {
        summary: `${valid} of ${facts.total} file${plural(facts.total)} valid (${Math.floor((1000 * valid) / facts.total) / 10}%)`,
        detail: { total: facts.total, valid, invalid: facts.invalid.slice(0, 20) },
    });
}
/** Points lost per error-level and per warning-level finding. */
const ERROR_PENALTY = 20;
const WARNING_PENALTY = 5;
/**
 * manifest / configuration / sync: 100 − 20 per error − 5 per warning, floor 0. With the
 * default thresholds one error is DEGRADED (80) and three are CRITICAL (40).
 */
function scoreFindings(what, facts, t, notConfigured) {
    if (!facts.configured)
        return component(100, t, { included: false, summary: notConfigured, detail: { configured: false } });
    if (facts.failed !== undefined)
        return component(0, t, { summary: `${what} check failed: ${facts.failed}`, detail: { error: facts.failed } });
    const errors = facts.findings.filter((f) => f.level === "error").length;
    const warnings = facts.findings.filter((f) => f.level === "warning").length;
    const score = 100 - ERROR_PENALTY * errors - WARNING_PENALTY * warnings;
    const byRule = {};
    for (const f of facts.findings)
        byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    const summary = errors + warnings === 0
        ? `no ${what} findings`
        : `${errors} error${plural(errors)}, ${warnings} warning${plural(warnings)} (${Object.entries(byRule)
            .map(([r, n]) => `${r} ×${n}`)
            .join(", ")})`;
    return component(score, t, {
        summary,
        detail: {
            errors,
            warnings,
            rules: byRule,
            findings: facts.findings.slice(0, 10).map((f) => ({ rule: f.rule, level: f.level, file: f.file, line: f.line, message: f.message })),
        },
    });
}
/**
 * One set's score: no snapshot 0; no age limit or age <= limit 100; beyond the limit it loses
 * 50 points per limit overdue (1.5× the limit 75, 2× 50, 3× 0).
 */
function scoreBackupSet(set, nowMs) {
    if (!set.newest)
        return { score: 0 };
    const ageMs = Math.max(0, nowMs - Date.parse(set.newest.time));
    if (set.maxAgeMs === undefined || ageMs <= set.maxAgeMs)
        return { score: 100, ageMs };
    return { score: Math.max(0, Math.round(100 - (50 * (ageMs - set.maxAgeMs)) / set.maxAgeMs)), ageMs };
}
/** backups: the weakest set's score; a failed last validation caps it just below DEGRADED. */
function scoreBackups(facts, nowMs, t) {
    if (facts.failed !== undefined)
        return component(0, t, { summary: `could not read snapshots: ${facts.failed}`, detail: { branch: facts.branch, error: facts.failed } });
    if (facts.sets.length === 0)
        return component(100, t, {
            included: false,
            summary: "no snapshot sets configured (snapshots.sets)",
            detail: { branch: facts.branch, sets: {} },
        });
    let score = 100;
    const sets = {};
    const notes = [];
    for (const set of facts.sets) {
        const s = scoreBackupSet(set, nowMs);
        score = Math.min(score, s.score);
        sets[set.name] = {
            score: s.score,
            snapshots: set.count,
            newest: set.newest?.time ?? null,
            commit: set.newest?.commit ?? null,
            age_seconds: s.ageMs === undefined ? null : Math.round(s.ageMs / 1000),
            max_age_seconds: set.maxAgeMs === undefined ? null : Math.round(set.maxAgeMs / 1000),
        };
        if (!set.newest)
            notes.push(`${set.name}: no snapshot`);
        else if (s.score < 100)
            notes.push(`${set.name}: newest is ${formatDuration(s.ageMs)} old (limit ${formatDuration(set.maxAgeMs)})`);
    }
    if (facts.lastValidation && !facts.lastValidation.ok) {
        score = Math.min(score, t.degraded - 1);
        notes.push(`last backup validation failed (${facts.lastValidation.commit.slice(0, 12)}${facts.lastValidation.message ? `: ${facts.lastValidation.message}` : ""})`);
    }
    const summary = notes.length
        ? notes.join("; ")
        : `${facts.sets.length} set${plural(facts.sets.length)} fresh (${facts.sets.map((s) => `${s.name} ${formatDuration(scoreBackupSet(s, nowMs).ageMs ?? 0)} old`).join(", ")})`;
    return component(score, t, { summary, detail: { branch: facts.branch, sets, last_validation: facts.lastValidation ?? null } });
}
/**
 * Score of a free amount against its minimum, r = free / minimum: r >= 2 scores 100; between
 * 1 and 2 it runs through the DEGRADED band; below the minimum it is CRITICAL.
 */
function scoreFree(free, minimum, t) {
    if (minimum <= 0)
        return 100;
    const r = free / minimum;
    if (r >= 2)
        return 100;
    if (r >= 1)
        return Math.round(t.degraded + (t.healthy - 1 - t.degraded) * (r - 1));
    return Math.floor((t.degraded - 1) * r);
}
/** disk: the worse of free space (vs health.min_free_disk) and free inodes (vs 5%). */
function scoreDisk(facts, t) {
    if (facts.failed !== undefined)
        return component(100, t, {
            included: false,
            summary: `free space unknown: ${facts.failed}`,
            detail: { path: facts.path, error: facts.failed },
        });
    const minBytes = "bytes" in facts.limit ? facts.limit.bytes : (facts.totalBytes * facts.limit.percent) / 100;
    const space = scoreFree(facts.freeBytes, minBytes, t);
    // Some filesystems (btrfs, some overlays) report 0 inodes: there is no inode limit to score.
    const minInodes = (facts.totalInodes * MIN_FREE_INODES_PERCENT) / 100;
    const inodes = facts.totalInodes > 0 ? scoreFree(facts.freeInodes, minInodes, t) : 100;
    const pct = (n, d) => (d > 0 ? Math.round((1000 * n) / d) / 10 : null);
    return component(Math.min(space, inodes), t, {
        summary: `${formatBytes(facts.freeBytes)} free (${pct(facts.freeBytes, facts.totalBytes) ?? "?"}%, minimum ${facts.limitText})${facts.totalInodes > 0 ? `, ${pct(facts.freeInodes, facts.totalInodes)}% inodes free` : ""}`,
        detail: {
            path: facts.path,
            free_bytes: facts.freeBytes,
            total_bytes: facts.totalBytes,
            min_free: facts.limitText,
            min_free_bytes: Math.round(minBytes),
            free_inodes: facts.freeInodes,
            total_inodes: facts.totalInodes,
            space_score: space,
            inode_score: inodes,
        },
    });
}
/**
 * checks: each check starts at 100, loses 20 when it reported more than max_error_count errors
 * and 20 when it took longer than max_check_seconds; a check that crashed scores 0. The
 * component is the weakest check (the seed's integration health: 80, DEGRADED, for one breach).
 */
function scoreChecks(runs, limits, t) {
    if (runs.length === 0)
        return component(100, t, { included: false, summary: "no checks ran", detail: { checks: {} } });
    let score = 100;
    const checks = {};
    const notes = [];
    for (const r of runs) {
        let s = 100;
        if (r.failed !== undefined) {
            s = 0;
            notes.push(`${r.name} crashed: ${r.failed}`);
        }
        else {
            if (r.errors > limits.maxErrorCount) {
                s -= 20;
                notes.push(`${r.name}: ${r.errors} errors (max ${limits.maxErrorCount})`);
            }
            if (r.seconds > limits.maxCheckSeconds) {
                s -= 20;
                notes.push(`${r.name}: ${r.seconds.toFixed(2)}s (max ${limits.maxCheckSeconds}s)`);
            }
        }
        score = Math.min(score, s);
        checks[r.name] = {
            score: s,
            errors: r.errors,
            warnings: r.warnings,
            seconds: Math.round(r.seconds * 1000) / 1000,
            ...(r.failed !== undefined ? { error: r.failed } : {}),
        };
    }
    return component(score, t, {
        summary: notes.length ? notes.join("; ") : `${runs.length} checks ran within limits`,
        detail: { checks, max_error_count: limits.maxErrorCount, max_check_seconds: limits.maxCheckSeconds },
    });
}
function plural(n) {
    return n === 1 ? "" : "s";
}

;// CONCATENATED MODULE: ./src/core/health/dashboard.ts
/** Facts -> the dashboard (pure). The seed's shape, plus each component's detail. */


/** Score every component and the whole. `now` is passed in so tests can pin time. */
function buildDashboard(facts, settings, now) {
    const t = settings.thresholds;
    const components = {
        critical_files: scoreCriticalFiles(facts.criticalFiles, t),
        schemas: scoreSchemas(facts.schemas, t),
        manifest: scoreFindings("manifest", facts.manifest, t, "no manifest configured (manifest.include)"),
        configuration: scoreFindings("config conflict", facts.configuration, t, "no config files configured (config.files)"),
        sync: scoreFindings("sync", facts.sync, t, "no sync rules configured (sync)"),
        backups: scoreBackups(facts.backups, now.getTime(), t),
        disk: scoreDisk(facts.disk, t),
        checks: scoreChecks(facts.checks, settings.checkLimits, t),
    };
    for (const [name, c] of Object.entries(components)) {
        const w = settings.weights[name];
        if (w !== undefined)
            c.weight = w;
    }
    const overall = overallScore(components, t);
    return {
        system_health: {
            overall_score: overall.score,
            status: overall.status,
            last_updated: now.toISOString(),
            components,
            thresholds: { ...t },
        },
    };
}

;// CONCATENATED MODULE: ./src/core/health/settings.ts


/** Resolve health settings; `problems` lists what is wrong in words (empty when fine). */
function resolveHealthSettings(health) {
    const problems = [];
    const t = health?.thresholds ?? {};
    const thresholds = {
        healthy: t.healthy ?? DEFAULT_THRESHOLDS.healthy,
        degraded: t.degraded ?? DEFAULT_THRESHOLDS.degraded,
    };
    if (thresholds.degraded > thresholds.healthy) {
        problems.push(`health.thresholds.degraded (${thresholds.degraded}) is above health.thresholds.healthy (${thresholds.healthy}); degraded must be <= healthy`);
    }
    const weights = {};
    for (const [name, w] of Object.entries(health?.weights ?? {})) {
        if (!COMPONENT_NAMES.includes(name)) {
            problems.push(`health.weights.${name}: unknown component; use one of ${COMPONENT_NAMES.join(", ")}`);
        }
        else
            weights[name] = w;
    }
    const minFreeDiskText = health?.min_free_disk ?? DEFAULT_MIN_FREE_DISK;
    const minFreeDisk = parseFreeSpace(minFreeDiskText);
    if (!minFreeDisk)
        problems.push(`health.min_free_disk ${JSON.stringify(minFreeDiskText)} is not a size like 500MB, 2GiB or 5%`);
    const maxSnapshotAge = {};
    for (const [set, text] of Object.entries(health?.max_snapshot_age ?? {})) {
        const ms = parseDuration(text);
        if (ms === undefined)
            problems.push(`health.max_snapshot_age.${set} ${JSON.stringify(text)} is not a duration like 2h or 26h`);
        else
            maxSnapshotAge[set] = ms;
    }
    return {
        settings: {
            thresholds,
            checkLimits: {
                maxErrorCount: t.max_error_count ?? DEFAULT_CHECK_THRESHOLDS.maxErrorCount,
                maxCheckSeconds: t.max_check_seconds ?? DEFAULT_CHECK_THRESHOLDS.maxCheckSeconds,
            },
            weights,
            minFreeDisk: minFreeDisk ?? { percent: 5 },
            minFreeDiskText,
            maxSnapshotAge,
        },
        problems,
    };
}

;// CONCATENATED MODULE: ./src/core/health/text.ts

const MARK = { HEALTHY: "ok", DEGRADED: "!!", CRITICAL: "XX" };
/** Render the dashboard: one headline, one row per component, the rule in one line. */
function renderDashboardText(d, color = false) {
    const h = d.system_health;
    const paint = (status, s) => color ? `\u001b[${status === "HEALTHY" ? 32 : status === "DEGRADED" ? 33 : 31}m${s}\u001b[0m` : s;
    const names = [
        ...COMPONENT_NAMES.filter((n) => n in h.components),
        ...Object.keys(h.components).filter((n) => !COMPONENT_NAMES.includes(n)),
    ];
    const width = Math.max(9, ...names.map((n) => n.length));
    const lines = [`Health: ${paint(h.status, `${h.overall_score}/100 ${h.status}`)}   (${h.last_updated})`, ""];
    lines.push(`  ${"component".padEnd(width)}  score  status     detail`);
    for (const name of names) {
        const c = h.components[name];
        const status = c.included ? paint(c.status, `${MARK[c.status]} ${c.status}`.padEnd(12)) : "-- n/a".padEnd(12);
        const score = c.included ? String(c.score).padStart(5) : "    -";
        lines.push(`  ${name.padEnd(width)}  ${score}  ${status}${c.summary}${c.included && c.weight !== 1 ? ` [weight ${c.weight}]` : ""}`);
    }
    lines.push("", `HEALTHY >= ${h.thresholds.healthy} > DEGRADED >= ${h.thresholds.degraded} > CRITICAL; overall = (2 x weighted mean + lowest) / 3 over the scored components.`);
    return lines.join("\n") + "\n";
}
/** The history as a small table (newest last). */
function renderHistoryText(points) {
    if (points.length === 0)
        return "No health history yet: each `integrity-guard health` run records one point.\n";
    const rows = points.map((p) => `  ${p.time}  ${String(p.score).padStart(3)}  ${p.status.padEnd(8)}  ${p.source ?? "local"}`);
    return ["  time                      score  status    source", ...rows].join("\n") + "\n";
}
/** The dashboard as a Markdown table (for a job summary or an issue). */
function renderDashboardMarkdown(d) {
    const h = d.system_health;
    const icon = { HEALTHY: "🟢", DEGRADED: "🟡", CRITICAL: "🔴" };
    const cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
    const rows = Object.entries(h.components).map(([name, c]) => c.included
        ? `| ${name} | ${c.score} | ${icon[c.status]} ${c.status} | ${cell(c.summary)} |`
        : `| ${name} | – | n/a | ${cell(c.summary)} |`);
    return [
        `### Health: ${icon[h.status]} ${h.overall_score}/100 ${h.status}`,
        "",
        "| component | score | status | detail |",
        "|---|---:|---|---|",
        ...rows,
        "",
    ].join("\n");
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/nodemailer/dist/esm/nodemailer.js + 38 modules
var nodemailer = __webpack_require__(6739);
;// CONCATENATED MODULE: ./src/io/alerts/redact.ts
/**
 * Secrets (webhook URLs, SMTP credentials, tokens) come from environment variables and must
 * never reach output, errors or logs. Every secret a sink resolves is registered here, and every
 * string that leaves a sink goes through `apply`.
 */
/** scheme://host[:port] of a URL, the only part of a secret URL we show. */
function redactUrl(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}`;
    }
    catch {
        return "[unparseable URL]";
    }
}
class Redactor {
    secrets = new Set();
    /** Register a secret; for a URL also its credentials, path and query (Slack's secret is the path). */
    add(secret) {
        if (!secret || secret.length < 4)
            return;
        this.secrets.add(secret);
        try {
            const u = new URL(secret);
            for (const part of [u.username, u.password, decodeURIComponent(u.password), u.pathname + u.search, u.search.slice(1)]) {
                if (part && part.length >= 4 && part !== "/")
                    this.secrets.add(part);
            }
        }
        catch {
            /* not a URL: the whole string is the secret */
        }
    }
    /** Replace every registered secret (longest first, so a URL goes before its parts). */
    apply(text) {
        let out = text;
        for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
            if (out.includes(s))
                out = out.split(s).join(s.includes("://") ? redactUrl(s) + "/[redacted]" : "[redacted]");
        }
        return out;
    }
}
/** Resolve `env:NAME` (or a literal) against an environment. Never throws. */
function resolveEnvOrValue(spec, env) {
    const m = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(spec);
    if (!m)
        return { value: spec };
    const value = env[m[1]];
    return value ? { value, envName: m[1] } : { envName: m[1], problem: `environment variable ${m[1]} is not set` };
}

;// CONCATENATED MODULE: ./src/io/alerts/types.ts
/** A sink failure with a fix (messages redacted by the caller). */
class SinkError extends Error {
    fix;
    constructor(message, fix) {
        super(message);
        this.fix = fix;
    }
}
/**
 * Run a sink's work; whatever it throws becomes `report.error` (redacted) instead of escaping:
 * a failing sink must not stop the others.
 */
async function runSink(report, run, work) {
    try {
        await work();
        report.ok = true;
    }
    catch (error) {
        report.ok = false;
        report.error = run.redactor.apply(error instanceof Error ? error.message : String(error));
        if (error instanceof SinkError && error.fix)
            report.fix = run.redactor.apply(error.fix);
    }
    if (report.payload !== undefined)
        report.payload = JSON.parse(run.redactor.apply(JSON.stringify(report.payload)));
    report.actions = report.actions.map((a) => run.redactor.apply(a));
    return report;
}

;// CONCATENATED MODULE: ./src/io/alerts/email.ts
/**
 * E-mail sink over SMTP (nodemailer). Timeouts are seconds, not nodemailer's minutes: an alert
 * must not hang a scheduled job. Retries (at most 3) only on connection problems and SMTP 4xx
 * (transient) answers; a 5xx is permanent.
 */




const TRANSIENT_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNREFUSED", "ECONNRESET", "EDNS", "EGREETING"]);
async function deliverEmail(spec, run) {
    const smtp = resolveEnvOrValue(spec.smtp, run.env);
    run.redactor.add(smtp.value);
    const target = smtp.value ? redactUrl(smtp.value) : spec.smtp;
    const to = Array.isArray(spec.to) ? spec.to : [spec.to];
    const from = spec.from ?? "integrity-guard <integrity-guard@localhost>";
    const msg = emailMessage(run.alerts, run.ctx);
    const report = {
        sink: `email ${target}`,
        ok: false,
        dry_run: run.dryRun,
        alerts: run.alerts.map((a) => a.key),
        actions: [],
        payload: { from, to, ...msg },
    };
    return runSink(report, run, async () => {
        if (!smtp.value)
            throw new SinkError(`${smtp.problem}`, `set ${smtp.envName} to an smtp://user:password@host:port URL`);
        let u;
        try {
            u = new URL(smtp.value);
        }
        catch {
            throw new SinkError("the SMTP setting is not a URL", "use smtp://user:password@host:port (or smtps:// for TLS on connect)");
        }
        if (u.protocol !== "smtp:" && u.protocol !== "smtps:")
            throw new SinkError(`the SMTP URL scheme is ${u.protocol}, not smtp: or smtps:`, "use smtp://… or smtps://…");
        if (run.dryRun) {
            report.actions.push(`would send "${msg.subject}" to ${to.join(", ")} via ${target}`);
            return;
        }
        const transport = nodemailer/* default.createTransport */.Ay.createTransport({
            host: u.hostname,
            port: u.port ? Number(u.port) : u.protocol === "smtps:" ? 465 : 587,
            secure: u.protocol === "smtps:",
            auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
            connectionTimeout: 5_000,
            greetingTimeout: 5_000,
            socketTimeout: 10_000,
            // Never let nodemailer log: its debug output would carry the credentials.
            logger: false,
            debug: false,
        });
        const retries = run.retry?.retries ?? 3;
        const base = run.retry?.baseDelayMs ?? 500;
        try {
            for (let attempt = 1;; attempt++) {
                try {
                    const info = await transport.sendMail({ from, to, subject: msg.subject, text: msg.text });
                    report.actions.push(`sent "${msg.subject}" to ${to.join(", ")} via ${target} (${String(info.response ?? "accepted").slice(0, 60)})${attempt > 1 ? ` after ${attempt} attempts` : ""}`);
                    return;
                }
                catch (error) {
                    const e = error;
                    const transient = (e.code !== undefined && TRANSIENT_CODES.has(e.code)) ||
                        (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500);
                    if (!transient || attempt > retries) {
                        throw new SinkError(`${e.responseCode ? `SMTP ${e.responseCode}` : (e.code ?? "error")}: ${e.message ?? String(error)}${attempt > 1 ? ` (after ${attempt} attempts)` : ""}`, e.code === "EAUTH"
                            ? "check the SMTP user and password"
                            : "check that the SMTP server is reachable and accepts the sender and recipients");
                    }
                    await new Promise((r) => setTimeout(r, Math.min(base * 2 ** (attempt - 1), 30_000)));
                }
            }
        }
        finally {
            transport.close();
        }
    });
}

;// CONCATENATED MODULE: ./src/io/alerts/retry.ts
/**
 * HTTP with bounded retries: at most 3 retries, only on network errors, 429 (honouring
 * Retry-After, capped) and 5xx. Anything else is final: a 4xx will not get better by asking again.
 */
/** An HTTP failure that is final (after retries, or not retryable). Its message holds no URL. */
class HttpFailure extends Error {
    status;
    attempts;
    constructor(message, status, attempts) {
        super(message);
        this.status = status;
        this.attempts = attempts;
    }
}
/** Seconds (or an HTTP date) from Retry-After, in ms; undefined when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value.trim()))
        return Number(value) * 1000;
    const t = Date.parse(value);
    return Number.isFinite(t) ? Math.max(0, t - now) : undefined;
}
/** fetch with the retry policy above. Resolves on 2xx; throws HttpFailure otherwise. */
async function fetchWithRetry(url, init, options = {}) {
    const retries = options.retries ?? 3;
    const base = options.baseDelayMs ?? 500;
    const cap = options.maxDelayMs ?? 30_000;
    const timeout = options.timeoutMs ?? 10_000;
    let lastProblem = "";
    let lastStatus;
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
        let wait = base * 2 ** (attempt - 1);
        try {
            const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeout), redirect: "manual" });
            const text = await res.text();
            if (res.status < 300)
                return { status: res.status, headers: res.headers, text, attempts: attempt };
            lastStatus = res.status;
            lastProblem = `HTTP ${res.status}${shortBody(text)}`;
            // Redirects are not followed: the request carries a secret (URL path, token) that must not go to another host.
            if (res.status < 400)
                throw new HttpFailure(`HTTP ${res.status}: redirects are not followed; use the final URL`, res.status, attempt);
            if (res.status !== 429 && res.status < 500)
                throw new HttpFailure(lastProblem, res.status, attempt);
            const after = retryAfterMs(res.headers.get("retry-after"));
            if (after !== undefined)
                wait = after;
        }
        catch (error) {
            if (error instanceof HttpFailure)
                throw error;
            lastStatus = undefined;
            lastProblem = networkProblem(error, timeout);
        }
        if (attempt <= retries)
            await sleep(Math.min(wait, cap));
    }
    throw new HttpFailure(`${lastProblem} (after ${retries + 1} attempts)`, lastStatus, retries + 1);
}
/** A network error in words, without the URL (undici's messages do not carry it; causes might). */
function networkProblem(error, timeout) {
    const e = error;
    if (e.name === "TimeoutError" || e.name === "AbortError")
        return `no answer within ${timeout / 1000}s`;
    const code = e.cause?.code;
    return `network error${code ? ` ${code}` : e.cause?.message ? `: ${e.cause.message}` : e.message ? `: ${e.message}` : ""}`;
}
function shortBody(text) {
    const t = text.trim().replace(/\s+/g, " ");
    return t ? `: ${t.length > 200 ? t.slice(0, 200) + "…" : t}` : "";
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./src/io/alerts/github-issue.ts
/**
 * GitHub issue sink: one open issue per alert key, found again by a hidden marker in its body
 * (among open issues labelled `integrity-guard`); commented on while the alert lasts, closed
 * when it clears. Never opens a second issue for a key that already has one.
 * Token from GITHUB_TOKEN (or the Action's INPUT_TOKEN), API from GITHUB_API_URL, repository
 * from the route's `repository` or GITHUB_REPOSITORY.
 */




/** The label every managed issue carries; the list query filters on it. */
const MANAGED_LABEL = "integrity-guard";
async function deliverGithubIssues(spec, run) {
    const opts = typeof spec === "object" ? spec : {};
    const repository = opts.repository ?? run.env.GITHUB_REPOSITORY ?? "";
    const api = (run.env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
    const token = run.env.GITHUB_TOKEN || run.env.INPUT_TOKEN;
    run.redactor.add(token);
    const labels = [...new Set([MANAGED_LABEL, ...(opts.labels ?? [])])];
    const persistent = run.alerts.filter((a) => a.persistent);
    const report = {
        sink: `github_issue ${repository || "(no repository)"}`,
        ok: false,
        dry_run: run.dryRun,
        alerts: persistent.map((a) => a.key),
        actions: [],
    };
    return runSink(report, run, async () => {
        if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
            throw new SinkError(`no repository to open issues in (got ${JSON.stringify(repository)})`, "set GITHUB_REPOSITORY=owner/name or github_issue.repository in the config");
        }
        if (run.dryRun) {
            for (const a of persistent)
                report.actions.push(`would open (or comment on) the issue for ${a.key} [${a.level}] in ${repository}`);
            report.actions.push(`would close open ${MANAGED_LABEL} issues in ${repository} whose alert cleared`);
            report.payload = persistent.map((a) => ({ key: a.key, ...issueTexts(a, run.ctx), labels }));
            return;
        }
        if (!token)
            throw new SinkError("no GitHub token", "set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${{ github.token }}, with permissions: issues: write)");
        const call = async (method, path, body) => {
            const res = await fetchWithRetry(`${api}/repos/${repository}${path}`, {
                method,
                headers: {
                    accept: "application/vnd.github+json",
                    authorization: `Bearer ${token}`,
                    "x-github-api-version": "2022-11-28",
                    "user-agent": "integrity-guard",
                    ...(body === undefined ? {} : { "content-type": "application/json" }),
                },
                body: body === undefined ? undefined : JSON.stringify(body),
            }, run.retry).catch((error) => {
                throw new SinkError(`${method} ${redactUrl(api)}/repos/${repository}${path.split("?")[0]}: ${error.message}`, "check the token's issues: write permission and GITHUB_API_URL");
            });
            return res.text ? JSON.parse(res.text) : undefined;
        };
        const open = await listManagedIssues(call);
        const current = new Set(persistent.map((a) => a.key));
        for (const a of persistent) {
            const t = issueTexts(a, run.ctx);
            const existing = open.get(a.key);
            if (existing !== undefined) {
                await call("POST", `/issues/${existing}/comments`, { body: t.comment });
                report.actions.push(`commented on #${existing} (${a.key} still ${a.level})`);
            }
            else {
                const created = (await call("POST", "/issues", { title: t.title, body: t.body, labels }));
                open.set(a.key, created.number);
                report.actions.push(`opened #${created.number} for ${a.key} [${a.level}]`);
            }
        }
        for (const [key, number] of open) {
            if (current.has(key))
                continue;
            await call("POST", `/issues/${number}/comments`, { body: resolvedComment(key, run.ctx) });
            await call("PATCH", `/issues/${number}`, { state: "closed", state_reason: "completed" });
            report.actions.push(`closed #${number} (${key} cleared)`);
        }
    });
}
/** Open managed issues by alert key (the oldest issue wins if a key somehow has two). */
async function listManagedIssues(call) {
    const byKey = new Map();
    // Ten pages of 100 is far more open alert issues than anyone should have; stop there.
    for (let page = 1; page <= 10; page++) {
        const rows = (await call("GET", `/issues?state=open&labels=${encodeURIComponent(MANAGED_LABEL)}&per_page=100&page=${page}`));
        if (!Array.isArray(rows))
            break;
        for (const row of rows) {
            if (row.pull_request)
                continue;
            const key = keyFromIssueBody(row.body);
            if (key !== undefined && (!byKey.has(key) || row.number < byKey.get(key)))
                byKey.set(key, row.number);
        }
        if (rows.length < 100)
            break;
    }
    return byKey;
}
function resolvedComment(key, ctx) {
    return `${issueMarker(key)}\nResolved at ${ctx.time}: repository health is ${ctx.score}/100 ${ctx.status}; \`${key}\` no longer alerts at this level. Closing.`;
}

;// CONCATENATED MODULE: ./src/io/alerts/webhook.ts
/** Webhook sink: Slack `{"text"}`, a Teams Adaptive Card, or generic JSON, POSTed with retries. */




async function deliverWebhook(spec, run) {
    const format = spec.format ?? "json";
    const url = resolveEnvOrValue(spec.url, run.env);
    run.redactor.add(url.value);
    const target = url.value ? redactUrl(url.value) : spec.url;
    const report = {
        sink: `webhook ${format} ${target}`,
        ok: false,
        dry_run: run.dryRun,
        alerts: run.alerts.map((a) => a.key),
        actions: [],
    };
    const payload = format === "slack"
        ? slackPayload(run.alerts, run.ctx)
        : format === "teams"
            ? teamsPayload(run.alerts, run.ctx)
            : jsonPayload(run.alerts, run.ctx);
    report.payload = payload;
    return runSink(report, run, async () => {
        if (!url.value)
            throw new SinkError(`${url.problem}`, `set ${url.envName} to the webhook URL`);
        if (!/^https?:$/.test(safeProtocol(url.value)))
            throw new SinkError(`the webhook URL is not http(s) (${target})`, "use an https:// webhook URL");
        if (run.dryRun) {
            report.actions.push(`would POST ${format} payload to ${target}`);
            return;
        }
        const res = await fetchWithRetry(url.value, { method: "POST", headers: { "content-type": "application/json", "user-agent": "integrity-guard" }, body: JSON.stringify(payload) }, run.retry);
        report.actions.push(`POSTed ${format} payload to ${target}: HTTP ${res.status}${res.attempts > 1 ? ` after ${res.attempts} attempts` : ""}`);
    });
}
function safeProtocol(url) {
    try {
        return new URL(url).protocol;
    }
    catch {
        return "";
    }
}

;// CONCATENATED MODULE: ./src/io/alerts/deliver.ts





/**
 * Deliver `alerts` through `routes`. A route gets the alerts at or above its level; a webhook or
 * e-mail route with nothing to send is skipped, a GitHub issue route always runs (it closes the
 * issues of alerts that cleared).
 */
async function deliverAlerts(routes, alerts, ctx, options) {
    const redactor = options.redactor ?? new Redactor();
    const jobs = [];
    routes.forEach((route, i) => {
        const routed = routeAlerts(alerts, route.level);
        const run = { alerts: routed, ctx, env: options.env, dryRun: options.dryRun, redactor, retry: options.retry };
        const tag = (r) => ({ ...r, sink: `alerts[${i}] ${r.sink}` });
        if (route.webhook && routed.length > 0)
            jobs.push(deliverWebhook(route.webhook, run).then(tag));
        if (route.email && routed.length > 0)
            jobs.push(deliverEmail(route.email, run).then(tag));
        if (route.github_issue)
            jobs.push(deliverGithubIssues(route.github_issue, run).then(tag));
    });
    const reports = await Promise.all(jobs);
    const findings = reports
        .filter((r) => !r.ok)
        .map((r) => ({
        rule: "alert/sink-failed",
        level: "warning",
        message: `alert sink ${r.sink} failed: ${r.error ?? "unknown error"}`,
        fix: r.fix ?? "check the sink's settings in .integrity-guard/config.yml (alerts) and that it is reachable",
    }));
    return { reports, findings };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/core/glob.ts
var glob = __webpack_require__(6085);
// EXTERNAL MODULE: ./src/io/file-source.ts
var file_source = __webpack_require__(1912);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/checks/index.ts
var checks = __webpack_require__(2369);
;// CONCATENATED MODULE: ./src/io/health/checks.ts
/**
 * Run the registered checks (src/checks/index.ts) on the working tree, timing each. A check
 * that throws is recorded as failed (the health of the checks themselves), never rethrown.
 */


async function runChecksTimed(ctx) {
    const out = new Map();
    // In order, not in parallel: timings are only comparable with the thresholds when each check has the machine.
    for (const entry of checks/* checks */.A) {
        const start = external_node_perf_hooks_.performance.now();
        try {
            const check = await entry.load();
            const findings = await check.run(ctx);
            out.set(entry.name, {
                name: entry.name,
                findings,
                errors: findings.filter((f) => f.level === "error").length,
                warnings: findings.filter((f) => f.level === "warning").length,
                seconds: (external_node_perf_hooks_.performance.now() - start) / 1000,
            });
        }
        catch (error) {
            const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
            out.set(entry.name, {
                name: entry.name,
                findings: [],
                errors: 0,
                warnings: 0,
                seconds: (external_node_perf_hooks_.performance.now() - start) / 1000,
                failed: message,
            });
        }
    }
    return out;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: ./src/core/parse/index.ts + 7 modules
var parse = __webpack_require__(5717);
// EXTERNAL MODULE: ./src/io/paths.ts
var paths = __webpack_require__(7336);
;// CONCATENATED MODULE: ./src/io/health/critical-files.ts
/**
 * Critical files: each must exist, be a readable regular file inside the repository, be
 * non-empty and (for JSON/YAML) parse. A symlink is not followed: a state file that points
 * out of the repository is reported, not read.
 */





/** Largest critical file we parse; bigger ones are checked for existence and size only. */
const MAX_PARSE_BYTES = 64 * 1024 * 1024;
async function collectCriticalFiles(root, files) {
    return Promise.all(files.map((f) => collectOne(root, f)));
}
async function collectOne(root, file) {
    let rel;
    try {
        rel = (0,paths/* checkRelative */.Bp)(file, "health.critical_files entry");
    }
    catch (error) {
        return { path: file, exists: false, readable: false, problem: error.message };
    }
    const fact = { path: rel, exists: false, readable: false };
    let fh;
    try {
        fh = await promises_default().open(external_node_path_default().join(root, rel), external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
    }
    catch (error) {
        const code = error.code;
        if (code === "ENOENT" || code === "ENOTDIR")
            fact.problem = "missing";
        else {
            fact.exists = true;
            fact.problem =
                code === "ELOOP"
                    ? "is a symlink (not followed)"
                    : code === "EACCES" || code === "EPERM"
                        ? "not readable (permission denied)"
                        : `cannot open: ${code ?? error.message}`;
        }
        return fact;
    }
    try {
        fact.exists = true;
        const st = await fh.stat();
        fact.size = st.size;
        fact.mtime = st.mtime.toISOString();
        if (!st.isFile()) {
            fact.problem = "not a regular file";
            return fact;
        }
        let bytes;
        try {
            bytes = st.size <= MAX_PARSE_BYTES ? await fh.readFile() : Buffer.alloc(0);
        }
        catch (error) {
            fact.problem = `not readable: ${error.code ?? error.message}`;
            return fact;
        }
        fact.readable = true;
        if (st.size === 0) {
            fact.problem = "empty (0 bytes): a truncated write?";
            return fact;
        }
        if ((0,parse/* formatFor */.Bm)(rel) && st.size <= MAX_PARSE_BYTES) {
            const doc = (0,parse/* parseDocument */.Tp)(bytes, { path: rel });
            fact.parses = doc.ok;
            if (!doc.ok) {
                const f = doc.findings.find((x) => x.level === "error") ?? doc.findings[0];
                fact.problem = f ? `does not parse: ${f.line ?? "?"}:${f.column ?? "?"} ${f.message}` : "does not parse";
            }
        }
        return fact;
    }
    finally {
        await fh.close();
    }
}

;// CONCATENATED MODULE: ./src/io/health/disk.ts
/** Free space and inodes of the filesystem holding the repository (fs.statfs, Node >= 18.15). */

async function collectDisk(dir, limit, limitText) {
    try {
        const s = await promises_default().statfs(dir);
        // bavail, not bfree: what an unprivileged writer (our state files) can actually use.
        return {
            path: dir,
            totalBytes: s.blocks * s.bsize,
            freeBytes: s.bavail * s.bsize,
            totalInodes: s.files,
            freeInodes: s.ffree,
            limit,
            limitText,
        };
    }
    catch (error) {
        return { path: dir, totalBytes: 0, freeBytes: 0, totalInodes: 0, freeInodes: 0, limit, limitText, failed: error.message };
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/snapshot/manifest.ts
var snapshot_manifest = __webpack_require__(1387);
// EXTERNAL MODULE: ./src/io/snapshot/readback.ts
var readback = __webpack_require__(1038);
;// CONCATENATED MODULE: ./src/io/health/snapshot-validation.ts
/**
 * The last backup validation: read the newest snapshot back from git the way `snapshot` checks
 * it before publishing (its manifest against the Manifest-Digest trailer, every blob against
 * the manifest's SHA-256). A snapshot that no longer reads back is a backup that will not restore.
 */



/** Validate snapshot `commit` whose message carries `digest` (`sha256:<hex>`). Never throws. */
async function validateSnapshot(git, commit, digest) {
    try {
        const entries = await git.lsTreeBlobs(commit);
        const mEntry = entries.find((e) => e.path === snapshot_manifest/* SNAPSHOT_MANIFEST_PATH */.Bh);
        if (!mEntry)
            return { ok: false, message: `${snapshot_manifest/* SNAPSHOT_MANIFEST_PATH */.Bh} is missing from the snapshot tree` };
        const blob = (await git.readBlobs([mEntry.oid])).get(mEntry.oid);
        if (!blob)
            return { ok: false, message: `${snapshot_manifest/* SNAPSHOT_MANIFEST_PATH */.Bh} cannot be read back (blob ${mEntry.oid} missing)` };
        const text = blob.toString("utf8");
        const actual = "sha256:" + (0,external_node_crypto_.createHash)("sha256").update(blob).digest("hex");
        if (digest !== actual)
            return { ok: false, message: `the manifest's digest ${actual} differs from the commit's Manifest-Digest ${digest ?? "(none)"}` };
        const manifest = (0,snapshot_manifest/* parseSnapshotManifest */.dE)(text);
        if (typeof manifest === "string")
            return { ok: false, message: `the stored manifest is invalid: ${manifest}` };
        const findings = await (0,readback/* readBackTree */.g)(git, commit, manifest, text);
        if (findings.length > 0) {
            const f = findings[0];
            return {
                ok: false,
                message: `${findings.length} problem${findings.length === 1 ? "" : "s"}, first: ${f.file}: ${f.message}`,
                files: Object.keys(manifest.files).length,
            };
        }
        return { ok: true, files: Object.keys(manifest.files).length };
    }
    catch (error) {
        return { ok: false, message: `could not read the snapshot back: ${error.message.split("\n")[0]}` };
    }
}

;// CONCATENATED MODULE: ./src/io/health/snapshots.ts

const DEFAULT_BRANCH = "integrity-snapshots";
/** Where `snapshot` keeps closed epochs (old chains); their snapshots still count. */
const EPOCH_PREFIX = "refs/integrity-snapshots/epochs/";
/** The first value of each trailer-like line `Name: value` (the first wins, as `snapshot` reads them). */
function parseTrailers(id, message) {
    const t = new Map();
    for (const line of message.replace(/\r\n/g, "\n").split("\n")) {
        const m = /^([A-Za-z][A-Za-z-]*): (.*)$/.exec(line);
        if (m && !t.has(m[1]))
            t.set(m[1], m[2].trim());
    }
    const out = { id };
    const set = t.get("Snapshot-Set");
    const time = t.get("Snapshot-Time");
    if (set && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(set))
        out.set = set;
    if (time && Number.isFinite(Date.parse(time)))
        out.time = new Date(Date.parse(time)).toISOString();
    const hs = /^(\d{1,3})(?:\s+(HEALTHY|DEGRADED|CRITICAL))?$/.exec(t.get("Health-Score") ?? "");
    if (hs && Number(hs[1]) <= 100)
        out.health = { score: Number(hs[1]), status: hs[2] ?? "HEALTHY" };
    const digest = t.get("Manifest-Digest");
    if (digest)
        out.digest = digest;
    return out;
}
/** Read the snapshot branch once: backup facts per set, and health points recorded with snapshots. */
async function readSnapshotFacts(git, config, maxAgeMs) {
    const branch = config.snapshots?.branch ?? DEFAULT_BRANCH;
    const names = [...new Set([...Object.keys(config.snapshots?.sets ?? {}), ...Object.keys(maxAgeMs)])].sort();
    const backups = { branch, sets: [] };
    const history = [];
    let log = [];
    try {
        log = await git.snapshotCommitLog(`refs/heads/${branch}`, EPOCH_PREFIX);
    }
    catch (error) {
        backups.failed = error.message.split("\n")[0];
    }
    const newest = new Map();
    const counts = new Map();
    for (const c of log) {
        const t = parseTrailers(c.id, c.message);
        if (t.set && t.time) {
            counts.set(t.set, (counts.get(t.set) ?? 0) + 1);
            const prev = newest.get(t.set);
            if (!prev || Date.parse(t.time) > Date.parse(prev.time))
                newest.set(t.set, { commit: c.id, time: t.time, ...(t.digest ? { digest: t.digest } : {}) });
        }
        if (t.health)
            history.push({ time: t.time ?? c.time, score: t.health.score, status: t.health.status, source: `snapshot:${c.id.slice(0, 12)}` });
    }
    for (const name of names) {
        const set = { name, count: counts.get(name) ?? 0 };
        const n = newest.get(name);
        if (n)
            set.newest = { commit: n.commit, time: n.time };
        if (maxAgeMs[name] !== undefined)
            set.maxAgeMs = maxAgeMs[name];
        backups.sets.push(set);
    }
    // The last backup: the newest snapshot of the configured sets, read back and checked.
    const last = names
        .map((n) => newest.get(n))
        .filter((n) => n !== undefined)
        .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))[0];
    if (last) {
        const v = await validateSnapshot(git, last.commit, last.digest);
        backups.lastValidation = { ok: v.ok, commit: last.commit, time: last.time, ...(v.message ? { message: v.message } : {}) };
    }
    return { backups, history };
}

;// CONCATENATED MODULE: ./src/io/health/collect.ts
/**
 * Gather every fact `health` scores: critical files, the registered checks (validate ->
 * schemas, manifest, conflicts -> configuration, sync) with their timings, the snapshot branch,
 * and the disk. Scoring is pure and happens in src/core/health/dashboard.ts.
 */









/** The critical files: health.critical_files, or by default the config file and manifest that exist. */
function criticalFileList(root, loaded) {
    const listed = loaded.config.health?.critical_files;
    if (listed)
        return listed;
    return [loaded.exists ? loaded.path : undefined, types/* MANIFEST_PATH */.U4].filter((p) => p !== undefined && external_node_fs_default().existsSync(external_node_path_default().join(root, p)));
}
async function collectHealth(input) {
    const { root, git, loaded, settings } = input;
    const config = loaded.config;
    const source = new file_source/* WorktreeSource */.fR(git);
    const [critical, runs, snaps, disk, files] = await Promise.all([
        collectCriticalFiles(root, criticalFileList(root, loaded)),
        runChecksTimed({ root, git, config, configPath: loaded.path ?? types/* CONFIG_PATH */.tF, source, log: input.log, interactive: input.interactive }),
        readSnapshotFacts(git, config, settings.maxSnapshotAge),
        collectDisk(root, settings.minFreeDisk, settings.minFreeDiskText),
        source.list().catch(() => []),
    ]);
    const get = (name) => runs.get(name);
    const findingFacts = (name, configured) => {
        const r = get(name);
        return { configured, findings: r?.findings ?? [], ...(r?.failed !== undefined ? { failed: r.failed } : {}) };
    };
    return {
        facts: {
            criticalFiles: critical,
            schemas: schemaFacts(files, loaded, get("validate")),
            manifest: findingFacts("manifest", (config.manifest?.include?.length ?? 0) > 0),
            configuration: findingFacts("conflicts", (config.config?.files?.length ?? 0) > 0),
            sync: findingFacts("sync", (config.sync?.length ?? 0) > 0),
            backups: snaps.backups,
            disk,
            checks: [...runs.values()].map(({ findings: _f, ...fact }) => fact),
        },
        snapshotHistory: snaps.history,
        checkFindings: [...runs.values()].flatMap((r) => r.findings),
    };
}
/** Files validate covers (validate.files minus excludes) and those with an error finding. */
function schemaFacts(files, loaded, run) {
    if (run?.failed !== undefined)
        return { total: 0, invalid: [], failed: run.failed };
    const v = loaded.config.validate;
    const include = (0,glob/* matcher */.j)(v?.files ?? types/* DEFAULT_VALIDATE_FILES */.p6);
    const exclude = (0,glob/* matcher */.j)([...types/* ALWAYS_EXCLUDED */.Rv, ...(v?.exclude ?? [])]);
    const covered = new Set(files.filter((f) => include(f) && !exclude(f)));
    const invalid = new Map();
    for (const f of run?.findings ?? []) {
        if (f.level !== "error" || !f.file)
            continue;
        covered.add(f.file);
        if (!invalid.has(f.file))
            invalid.set(f.file, `${f.rule}${f.line ? ` at ${f.line}:${f.column ?? 1}` : ""}: ${f.message}`);
    }
    return { total: covered.size, invalid: [...invalid].map(([file, message]) => ({ file, message })) };
}

// EXTERNAL MODULE: ./src/io/atomic.ts
var atomic = __webpack_require__(3059);
// EXTERNAL MODULE: ./src/io/lock.ts
var lock = __webpack_require__(7161);
;// CONCATENATED MODULE: ./src/io/health/history.ts
/**
 * Local health history: one JSON line per `health` run in <git common dir>/integrity-guard/
 * health-history.jsonl (machine-local, never committed). Lines that do not parse (a crash
 * half-way through an append) are skipped, not fatal. Kept to the last MAX_LINES entries.
 */




const HISTORY_FILE = "health-history.jsonl";
const MAX_LINES = 5000;
const STATUSES = ["HEALTHY", "DEGRADED", "CRITICAL"];
function historyPath(stateDir) {
    return external_node_path_default().join(stateDir, HISTORY_FILE);
}
/** Parse the JSONL text; bad lines are skipped. */
function parseHistory(text) {
    const out = [];
    for (const line of text.split("\n")) {
        if (!line.trim())
            continue;
        try {
            const v = JSON.parse(line);
            if (typeof v.time === "string" &&
                Number.isFinite(Date.parse(v.time)) &&
                typeof v.score === "number" &&
                v.score >= 0 &&
                v.score <= 100 &&
                STATUSES.includes(String(v.status))) {
                out.push({ time: v.time, score: v.score, status: v.status, source: "local" });
            }
        }
        catch {
            /* a torn line from an interrupted append: skip it */
        }
    }
    return out;
}
async function readHistory(stateDir) {
    try {
        return parseHistory(await promises_default().readFile(historyPath(stateDir), "utf8"));
    }
    catch (error) {
        if (error.code === "ENOENT")
            return [];
        throw error;
    }
}
/** Append one point (under the state lock; rewritten atomically when it grows past the cap). */
async function appendHistory(stateDir, point) {
    await promises_default().mkdir(stateDir, { recursive: true });
    const file = historyPath(stateDir);
    const line = JSON.stringify({ time: point.time, score: point.score, status: point.status }) + "\n";
    await (0,lock/* withLock */.k)(external_node_path_default().join(stateDir, "health-history.lock"), async () => {
        let existing = "";
        try {
            existing = await promises_default().readFile(file, "utf8");
        }
        catch (error) {
            if (error.code !== "ENOENT")
                throw error;
        }
        const lines = existing.split("\n").filter((l) => l.trim());
        if (lines.length >= MAX_LINES) {
            await (0,atomic/* writeFileAtomic */.Z)(file, [...lines.slice(lines.length - MAX_LINES + 1), line.trimEnd()].join("\n") + "\n");
        }
        else {
            // A torn last line (no newline) must not swallow the new entry.
            await promises_default().appendFile(file, (existing && !existing.endsWith("\n") ? "\n" : "") + line);
        }
    });
}
/** Merge local and snapshot-recorded points, oldest first, dropping exact duplicates. */
function mergeHistory(...lists) {
    const seen = new Set();
    const all = [];
    for (const p of lists.flat()) {
        const k = `${p.time}|${p.score}|${p.status}`;
        if (seen.has(k))
            continue;
        seen.add(k);
        all.push(p);
    }
    return all.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

;// CONCATENATED MODULE: ./src/commands/health.ts
/**
 * `health`: score the repository's integrity (the seed's dashboard), draw it (badge, history
 * chart), and route alerts to webhooks, GitHub issues and e-mail. Collecting is in
 * src/io/health, scoring in src/core/health, delivery in src/io/alerts.
 */














const command = {
    name: "health",
    summary: "score the repository's integrity: the dashboard, a badge, alerts",
    usage: "integrity-guard health [--format text|json|svg] [--history] [--alert [--dry-run]] [--fail-on LEVEL]",
    description: `
Scores eight components from 0 to 100 and the whole repository from them: critical_files (exist,
readable, non-empty, parse), schemas (share of files valid), manifest (drift), configuration
(conflicts), sync (drift), backups (age of each snapshot set's newest snapshot against
health.max_snapshot_age), disk (free space against health.min_free_disk, and inodes) and checks
(each check's errors and time against health.thresholds.max_error_count / max_check_seconds).
A component with nothing configured is shown as n/a and left out of the overall score.

overall = round((2 x weighted mean + lowest) / 3); HEALTHY >= 85 > DEGRADED >= 60 > CRITICAL
(health.thresholds.healthy / degraded; weights in health.weights). A CRITICAL component makes
the whole at least DEGRADED. Every run appends its score to .git/integrity-guard/
health-history.jsonl; --history reads it (and Health-Score trailers of snapshot commits).

--alert sends the alerts (INFO, WARNING, ERROR, CRITICAL) to the sinks under \`alerts:\` in the
config; --dry-run shows what would be sent and sends nothing. A failing sink is a warning
(alert/sink-failed); the others still deliver and the exit code does not change.
Exit code: 1 when the status is at or beyond --fail-on (default critical), else 0; 2 when it
could not run. See docs/health.md for every rule and threshold.`,
    examples: [
        "integrity-guard health",
        "integrity-guard health --format json",
        "integrity-guard health --format svg > health.svg",
        "integrity-guard health --history --format svg > health-history.svg",
        "integrity-guard health --alert --dry-run",
        "integrity-guard health --alert --fail-on degraded",
    ],
    options: {
        alert: { type: "boolean", description: "send alerts to the sinks configured under `alerts:`" },
        "dry-run": { type: "boolean", description: "with --alert: show what would be sent, send nothing, record nothing" },
        history: { type: "boolean", description: "show the score over time instead of scoring now (svg: a line chart)" },
        "fail-on": {
            type: "string",
            valueName: "LEVEL",
            choices: ["degraded", "critical", "never"],
            description: "exit 1 when the status is this bad or worse (default critical)",
        },
        "no-record": { type: "boolean", description: "do not append this run to the local health history" },
    },
    formats: ["text", "json", "svg"],
    run,
};
async function run(ctx) {
    const { settings, problems } = resolveHealthSettings(ctx.loaded.config.health);
    if (problems.length > 0) {
        throw new errors/* ConfigError */.xL(`invalid health settings in ${ctx.loaded.path}:\n${problems.map((p) => `  ${p}`).join("\n")}`, {
            fix: "correct the health: section; docs/health.md lists every key",
        });
    }
    if (ctx.options.history)
        return health_history(ctx, settings);
    const collected = await collectHealth({
        root: ctx.root,
        git: ctx.git,
        loaded: ctx.loaded,
        settings,
        log: ctx.log,
        interactive: ctx.interactive,
    });
    const dashboard = buildDashboard(collected.facts, settings, new Date());
    const h = dashboard.system_health;
    const dryRun = ctx.options["dry-run"] === true;
    const previous = (await readHistory(ctx.git.stateDir()).catch(() => [])).at(-1)?.status;
    if (!dryRun && !ctx.options["no-record"]) {
        await appendHistory(ctx.git.stateDir(), { time: h.last_updated, score: h.overall_score, status: h.status }).catch((error) => ctx.log(`health: could not record the score in ${ctx.git.stateDir()}: ${error.message}`));
    }
    const findings = componentFindings(dashboard);
    let alertSection;
    let alertText = "";
    if (ctx.options.alert || dryRun) {
        const alerts = deriveAlerts(dashboard, previous);
        const routes = ctx.loaded.config.alerts ?? [];
        const redactor = new Redactor();
        const actx = {
            repository: ctx.env.GITHUB_REPOSITORY || external_node_path_default().basename(ctx.root),
            score: h.overall_score,
            status: h.status,
            time: h.last_updated,
        };
        const outcome = routes.length
            ? await deliverAlerts(routes, alerts, actx, { env: ctx.env, dryRun, redactor })
            : { reports: [], findings: [] };
        findings.push(...outcome.findings);
        alertSection = { dry_run: dryRun, previous_status: previous ?? null, alerts, deliveries: outcome.reports };
        alertText = renderAlertsText(alerts, outcome.reports, dryRun, routes.length);
    }
    const failOn = ctx.options["fail-on"] ?? "critical";
    const failing = failOn !== "never" && atLeast(h.status, failOn === "degraded" ? "DEGRADED" : "CRITICAL");
    return {
        findings,
        summary: { overall_score: h.overall_score, status: h.status },
        json: { ...dashboard, ...(alertSection ? { alerts: alertSection } : {}) },
        text: renderDashboardText(dashboard, false) + alertText,
        raw: renderBadge(h.overall_score, h.status),
        exitCode: failing ? 1 : 0,
    };
}
/** `--history`: local points plus those recorded with snapshots. */
async function health_history(ctx, settings) {
    const [local, snaps] = await Promise.all([
        readHistory(ctx.git.stateDir()),
        readSnapshotFacts(ctx.git, ctx.loaded.config, settings.maxSnapshotAge),
    ]);
    const points = mergeHistory(local, snaps.history);
    return {
        findings: [],
        summary: { points: points.length },
        json: { history: points, thresholds: settings.thresholds },
        text: renderHistoryText(points),
        raw: renderHistoryChart(points, settings.thresholds),
        exitCode: 0,
    };
}
/** One finding per scored component that is not HEALTHY (health/degraded, health/critical). */
function componentFindings(d) {
    const out = [];
    for (const [name, c] of Object.entries(d.system_health.components)) {
        if (!c.included || c.weight <= 0 || c.status === "HEALTHY")
            continue;
        out.push({
            rule: c.status === "CRITICAL" ? "health/critical" : "health/degraded",
            level: c.status === "CRITICAL" ? "error" : "warning",
            key: name,
            message: `${name} is ${c.status} (${c.score}/100): ${c.summary}`,
            expected: `score >= ${d.system_health.thresholds.healthy}`,
            found: String(c.score),
            fix: FIXES[name] ?? "see the component's detail in `integrity-guard health --format json`",
        });
    }
    return out;
}
const FIXES = {
    critical_files: "restore the broken files: integrity-guard restore --set <set> --paths <file>, or fix them by hand",
    schemas: "run `integrity-guard validate` and fix the files it reports",
    manifest: "run `integrity-guard verify`; reseal with `integrity-guard seal` only if the changes are intended",
    configuration: "run `integrity-guard conflicts` and settle each key in one file",
    sync: "run `integrity-guard sync` to see the drift, `integrity-guard sync --fix` to apply it",
    backups: "take a snapshot: integrity-guard snapshot --set <set> (and check the scheduled workflow)",
    disk: "free space on the repository's filesystem before a write is truncated",
    checks: "look at the slow or failing check in `integrity-guard health --format json` (detail.checks)",
};
function renderAlertsText(alerts, reports, dryRun, routes) {
    const lines = ["", dryRun ? "Alerts (dry run: nothing sent):" : "Alerts:"];
    if (alerts.length === 0)
        lines.push("  none: every scored component is HEALTHY and the status did not change");
    for (const a of alerts)
        lines.push(`  [${a.level}] ${a.key}: ${a.title}`);
    if (routes === 0)
        lines.push("  no sinks configured (alerts: in .integrity-guard/config.yml)");
    for (const r of reports) {
        lines.push(`  ${r.ok ? "ok  " : "FAIL"} ${r.sink}${r.error ? `: ${r.error}` : ""}`);
        for (const a of r.actions)
            lines.push(`       ${a}`);
        if (dryRun && r.payload !== undefined)
            lines.push(...JSON.stringify(r.payload, null, 2)
                .split("\n")
                .map((l) => `       ${l}`));
    }
    return lines.join("\n") + "\n";
}


/***/ }),

/***/ 6085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ matcher)
/* harmony export */ });
/* unused harmony export matches */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
/** Glob matching for config patterns (picomatch; `**` matches zero or more folders; dotfiles match). */

const cache = new Map();
/** A matcher for a list of globs; an empty list matches nothing. */
function matcher(globs) {
    if (!globs || globs.length === 0)
        return () => false;
    const key = globs.join("\0");
    let m = cache.get(key);
    if (!m) {
        // A pattern ending in "/" names a folder: everything below it.
        const expanded = globs.map((g) => (g.endsWith("/") ? g + "**" : g));
        m = picomatch__WEBPACK_IMPORTED_MODULE_0___default()(expanded, { dot: true });
        cache.set(key, m);
    }
    return m;
}
function matches(globs, path) {
    return matcher(globs)(path);
}


/***/ }),

/***/ 1387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bh: () => (/* binding */ SNAPSHOT_MANIFEST_PATH),
/* harmony export */   E$: () => (/* binding */ unsafeSnapshotPath),
/* harmony export */   IP: () => (/* binding */ serializeSnapshotManifest),
/* harmony export */   SB: () => (/* binding */ inScope),
/* harmony export */   Sk: () => (/* binding */ parseScope),
/* harmony export */   dE: () => (/* binding */ parseSnapshotManifest),
/* harmony export */   sT: () => (/* binding */ literalScope)
/* harmony export */ });
/* unused harmony exports SNAPSHOT_META_DIR, comparePaths, LITERAL_PREFIX */
/**
 * The manifest stored inside every snapshot (`.integrity-snapshot/manifest.json`): the SHA-256
 * and size of each file. Its bytes are deterministic (sorted paths, fixed key order, no time),
 * so two snapshots of unchanged files have the same digest and "nothing changed" is one compare.
 */
const SNAPSHOT_MANIFEST_PATH = ".integrity-snapshot/manifest.json";
const SNAPSHOT_META_DIR = ".integrity-snapshot";
/** Serialise with sorted paths and a fixed key order (the digest depends on these bytes). */
function serializeSnapshotManifest(m) {
    const files = {};
    for (const p of Object.keys(m.files).sort(comparePaths)) {
        const e = m.files[p];
        files[p] = { sha256: e.sha256, size: e.size, mode: e.mode };
    }
    return JSON.stringify({ version: 1, set: m.set, paths: [...m.paths], files }, null, 1) + "\n";
}
/** Byte-wise path order (what git uses), independent of locale. */
function comparePaths(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Parse and check the shape of a stored manifest; returns a reason string when it is not valid. */
function parseSnapshotManifest(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        return `not valid JSON (${error.message})`;
    }
    if (!isObject(data) || data.version !== 1)
        return 'missing "version": 1';
    if (typeof data.set !== "string")
        return 'missing "set"';
    if (!Array.isArray(data.paths) || !data.paths.every((p) => typeof p === "string"))
        return '"paths" is not a list of strings';
    if (!isObject(data.files))
        return '"files" is not an object';
    const files = {};
    for (const [p, e] of Object.entries(data.files)) {
        if (!isObject(e) || typeof e.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(e.sha256))
            return `file ${JSON.stringify(p)}: bad sha256`;
        if (typeof e.size !== "number" || !Number.isSafeInteger(e.size) || e.size < 0)
            return `file ${JSON.stringify(p)}: bad size`;
        if (e.mode !== "100644" && e.mode !== "100755")
            return `file ${JSON.stringify(p)}: bad mode`;
        files[p] = { sha256: e.sha256, size: e.size, mode: e.mode };
    }
    return { version: 1, set: data.set, paths: data.paths, files };
}
/**
 * Why a path stored in a snapshot must not be written to disk, or undefined when it is safe:
 * absolute, `..`, empty segments, backslashes, NUL, or inside .git / our own meta folder.
 */
function unsafeSnapshotPath(p) {
    if (p.length === 0)
        return "empty path";
    if (p.includes("\0"))
        return "contains a NUL byte";
    if (p.includes("\\"))
        return "contains a backslash";
    if (p.startsWith("/") || /^[A-Za-z]:/.test(p))
        return "absolute path";
    const parts = p.split("/");
    if (parts.some((s) => s === "" || s === "." || s === ".."))
        return "contains an empty, '.' or '..' segment";
    if (parts.some((s) => s.toLowerCase() === ".git"))
        return "inside a .git folder";
    if (parts[0] === SNAPSHOT_META_DIR)
        return "inside the snapshot's own metadata folder";
    return undefined;
}
/** True when `file` is `scope` itself or below `scope` ("dir/" or "dir" both name a folder). */
function inScope(file, scope) {
    const s = scope.replace(/\/+$/, "");
    return file === s || file.startsWith(s + "/");
}
function isObject(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
/** Prefix that makes a set path literal even when it holds glob characters (git's own magic). */
const LITERAL_PREFIX = ":(literal)";
const GLOB_CHARS = /[*?[\]{}!]/;
/**
 * A set path or restore scope: `:(literal)p` is the path p as written; otherwise a path with
 * glob characters is a glob, and anything else a file or folder ("dir/" = everything below).
 */
function parseScope(scope) {
    if (scope.startsWith(LITERAL_PREFIX))
        return { path: scope.slice(LITERAL_PREFIX.length), glob: false };
    return { path: scope, glob: GLOB_CHARS.test(scope) };
}
/** The scope string naming `p` literally (prefixed only when it would read as a glob). */
function literalScope(p) {
    return GLOB_CHARS.test(p) ? LITERAL_PREFIX + p : p;
}


/***/ }),

/***/ 3059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* unused harmony export fsyncDir */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Atomic file writes: temporary file in the same folder, fsync, rename over the target, fsync
 * the folder. A reader (or a crash) sees the old content or the new, never a mixture. On any
 * failure (ENOSPC, EACCES, EROFS) the temporary file is removed and the target is untouched.
 */




async function writeFileAtomic(target, data, options = {}) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target);
    const tmp = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `.${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(target)}.${process.pid}.${node_crypto__WEBPACK_IMPORTED_MODULE_2___default().randomBytes(4).toString("hex")}.tmp`);
    let mode = options.mode ?? 0o644;
    try {
        mode = (await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().stat(target)).mode & 0o7777;
    }
    catch {
        /* new file */
    }
    let fh;
    try {
        fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().open(tmp, "wx", mode);
        await fh.writeFile(data);
        await fh.sync();
        await fh.close();
        fh = undefined;
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rename(tmp, target);
    }
    catch (error) {
        await fh?.close().catch(() => undefined);
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rm(tmp, { force: true }).catch(() => undefined);
        throw writeError(target, error);
    }
    await fsyncDir(dir);
}
/** fsync a folder so a rename in it survives a power cut. Best effort where unsupported. */
async function fsyncDir(dir) {
    let fh;
    try {
        fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().open(dir, "r");
        await fh.sync();
    }
    catch {
        /* some file systems refuse fsync on folders; the rename is still atomic */
    }
    finally {
        await fh?.close().catch(() => undefined);
    }
}
function writeError(target, error) {
    const e = error;
    const why = {
        ENOSPC: "the disk is full",
        EDQUOT: "the disk quota is exceeded",
        EACCES: "permission denied",
        EPERM: "permission denied",
        EROFS: "the file system is read-only",
        ENOENT: "the folder does not exist",
    };
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvironmentError */ .eG(`could not write ${target}: ${why[e.code ?? ""] ?? e.message}; the previous content is unchanged`, {
        fix: e.code === "ENOSPC" || e.code === "EDQUOT"
            ? "free disk space and run the command again"
            : "check the folder's permissions and run the command again",
        cause: error,
    });
}


/***/ }),

/***/ 1912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _P: () => (/* binding */ IndexSource),
/* harmony export */   fR: () => (/* binding */ WorktreeSource)
/* harmony export */ });
/* unused harmony export mapLimit */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Where checks read files from: the working tree, or the git index (`check --staged`, which must
 * see exactly what will be committed, honouring GIT_INDEX_FILE).
 */


class WorktreeSource {
    git;
    root;
    kind = "worktree";
    constructor(git, root = git.root) {
        this.git = git;
        this.root = root;
    }
    async list() {
        return this.git.lsWorktree();
    }
    async read(paths) {
        const out = new Map();
        // Synchronous reads: for the many small files checked here they are several times faster
        // than FileHandle reads (measured in scripts/bench/validate.bench.mjs).
        for (const p of paths) {
            let fd;
            try {
                // O_NOFOLLOW: a symlink is never followed out of the repository. O_NONBLOCK: a FIFO
                // named like a data file must not hang the run (regular files ignore the flag).
                fd = node_fs__WEBPACK_IMPORTED_MODULE_0___default().openSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.root, p), node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
                out.set(p, node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(fd));
            }
            catch (error) {
                const e = error;
                if (e.code === "ENOENT")
                    continue;
                out.set(p, { error: e.code === "ELOOP" ? "is a symlink (not followed)" : e.message, code: e.code });
            }
            finally {
                if (fd !== undefined)
                    node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(fd);
            }
        }
        return out;
    }
}
class IndexSource {
    git;
    kind = "index";
    entries;
    constructor(git) {
        this.git = git;
    }
    /** All index entries, including unmerged (stage > 0) ones. */
    allEntries() {
        this.entries ??= this.git.lsStaged();
        return this.entries;
    }
    async list() {
        const seen = new Set();
        for (const e of await this.allEntries())
            if (isRegular(e.mode))
                seen.add(e.path);
        return [...seen];
    }
    async read(paths) {
        const wanted = new Set(paths);
        const byPath = new Map();
        for (const e of await this.allEntries()) {
            // For an unmerged path keep "ours" (stage 2); the validate check reports the conflict itself.
            if (wanted.has(e.path) && isRegular(e.mode) && (e.stage === 0 || e.stage === 2 || !byPath.has(e.path)))
                byPath.set(e.path, e);
        }
        const blobs = await this.git.readBlobs([...byPath.values()].map((e) => e.oid));
        const out = new Map();
        for (const [p, e] of byPath) {
            const b = blobs.get(e.oid);
            out.set(p, b ?? { error: `blob ${e.oid} is missing from the object database (repository corruption)`, code: "EMISSINGOBJ" });
        }
        return out;
    }
}
function isRegular(mode) {
    return mode === "100644" || mode === "100755";
}
/** Run `fn` over `items` with at most `limit` in flight. */
async function mapLimit(items, limit, fn) {
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length)
            await fn(items[next++]);
    });
    await Promise.all(workers);
}


/***/ }),

/***/ 7161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ withLock)
/* harmony export */ });
/* unused harmony export acquireLock */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * A cross-process lock: a lock file created with O_EXCL holding {pid, host, time}. A lock whose
 * owner on this host is no longer alive (or older than `staleMs`) is taken over, so a crashed
 * process never blocks the next run for good.
 */




async function withLock(lockPath, fn, options = {}) {
    const release = await acquireLock(lockPath, options);
    try {
        return await fn();
    }
    finally {
        await release();
    }
}
async function acquireLock(lockPath, options = {}) {
    const timeout = options.timeoutMs ?? 10_000;
    const staleMs = options.staleMs ?? 10 * 60_000;
    const started = Date.now();
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(lockPath), { recursive: true });
    const me = { pid: process.pid, host: node_os__WEBPACK_IMPORTED_MODULE_1___default().hostname(), time: Date.now() };
    let delay = 1;
    for (;;) {
        try {
            const fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().open(lockPath, "wx");
            await fh.writeFile(JSON.stringify(me));
            await fh.close();
            return async () => {
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rm(lockPath, { force: true });
            };
        }
        catch (error) {
            if (error.code !== "EEXIST")
                throw error;
        }
        if (await isStale(lockPath, staleMs)) {
            // Take over by renaming the stale file away first: only one contender wins the rename.
            const aside = `${lockPath}.stale.${process.pid}`;
            try {
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rename(lockPath, aside);
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rm(aside, { force: true });
            }
            catch {
                /* someone else took it over first */
            }
            continue;
        }
        if (Date.now() - started > timeout) {
            const owner = await readInfo(lockPath);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvironmentError */ .eG(`could not take the lock ${lockPath} within ${timeout} ms${owner ? ` (held by pid ${owner.pid} on ${owner.host})` : ""}`, {
                fix: "wait for the other integrity-guard run to finish; if none is running, delete the lock file",
            });
        }
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, options.pollMaxMs ?? 50);
    }
}
async function readInfo(lockPath) {
    try {
        return JSON.parse(await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().readFile(lockPath, "utf8"));
    }
    catch {
        return undefined;
    }
}
async function isStale(lockPath, staleMs) {
    const info = await readInfo(lockPath);
    if (!info) {
        // Being written right now, or garbage left by a crash between open and write.
        try {
            const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().stat(lockPath);
            return Date.now() - st.mtimeMs > 2000;
        }
        catch {
            return false;
        }
    }
    if (Date.now() - info.time > staleMs)
        return true;
    if (info.host !== node_os__WEBPACK_IMPORTED_MODULE_1___default().hostname())
        return false;
    try {
        process.kill(info.pid, 0);
        return false;
    }
    catch (error) {
        return error.code === "ESRCH";
    }
}


/***/ }),

/***/ 7336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* binding */ checkRelative),
/* harmony export */   LI: () => (/* binding */ resolveInside),
/* harmony export */   xD: () => (/* binding */ toRepoPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * Path safety: every repo-relative path that comes from a file we did not write (a manifest,
 * a config, a snapshot, a command line) goes through here before we read or write it.
 */



/** Normalise to a repo-relative POSIX path; rejects absolute paths and `..` segments. */
function checkRelative(p, what = "path") {
    if (p.includes("\0"))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${what} ${JSON.stringify(p)} contains a NUL byte`);
    const posix = p.replace(/\\/g, "/");
    if (posix.startsWith("/") || /^[A-Za-z]:\//.test(posix)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${what} ${JSON.stringify(p)} is absolute; only paths inside the repository are allowed`, {
            fix: "use a path relative to the repository root",
        });
    }
    const parts = posix.split("/").filter((s) => s !== "" && s !== ".");
    if (parts.includes("..")) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${what} ${JSON.stringify(p)} contains "..", which could leave the repository`, {
            fix: "use a path relative to the repository root without ..",
        });
    }
    if (parts.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${what} ${JSON.stringify(p)} is empty`);
    return parts.join("/");
}
/**
 * Resolve a repo-relative path to an absolute one and make sure no symlink along the way
 * (except, when `allowFinalLink`, the last component itself) leads outside `root`.
 */
function resolveInside(root, rel, options = {}) {
    const clean = checkRelative(rel, options.what);
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, clean);
    const realRoot = node_fs__WEBPACK_IMPORTED_MODULE_0___default().realpathSync(root);
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(abs);
    let realParent;
    try {
        realParent = node_fs__WEBPACK_IMPORTED_MODULE_0___default().realpathSync(parent);
    }
    catch {
        return abs; // parent does not exist yet: nothing to escape through
    }
    const check = (p) => p === realRoot || p.startsWith(realRoot + (node_path__WEBPACK_IMPORTED_MODULE_1___default().sep));
    if (!check(realParent)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${options.what ?? "path"} ${JSON.stringify(rel)} resolves outside the repository (through a symlink)`);
    }
    if (!options.allowFinalLink) {
        try {
            const real = node_fs__WEBPACK_IMPORTED_MODULE_0___default().realpathSync(abs);
            if (!check(real)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${options.what ?? "path"} ${JSON.stringify(rel)} is a symlink that points outside the repository`);
            }
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0)
                throw error;
        }
    }
    return abs;
}
/** Repo-relative POSIX path of an absolute path. */
function toRepoPath(root, abs) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, abs).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join("/");
}


/***/ }),

/***/ 8894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AW: () => (/* binding */ collectSetFiles),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   v6: () => (/* binding */ hashWorktreeFiles)
/* harmony export */ });
/* unused harmony export KEEP_LIMIT */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_glob_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6085);
/* harmony import */ var _core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1387);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7336);
/**
 * The files of a backup set as they are in the work tree: committed or not, ignored or not
 * (a backup must not depend on .gitignore). Only regular files; symlinks are reported and
 * skipped (their targets may lie outside the repository), `.git` folders are never entered.
 */







/** Collect the files a set's `paths` name ("dir/" = everything below; globs; `:(literal)p`). */
async function collectSetFiles(root, setPaths) {
    const found = new Set();
    const skipped = [];
    const globs = [];
    for (const raw of setPaths) {
        const scope = (0,_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .parseScope */ .Sk)(raw);
        if (scope.glob) {
            globs.push(scope.path);
            continue;
        }
        const rel = (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .checkRelative */ .Bp)(scope.path, "snapshot set path");
        await walk(root, rel, found, skipped, true);
    }
    if (globs.length > 0) {
        const all = new Set();
        await walk(root, "", all, [], false);
        const m = (0,_core_glob_js__WEBPACK_IMPORTED_MODULE_4__/* .matcher */ .j)(globs);
        for (const f of all)
            if (m(f))
                found.add(f);
    }
    const files = [];
    for (const f of found) {
        const why = (0,_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .unsafeSnapshotPath */ .E$)(f) ?? (f.includes("\n") ? "file name contains a newline" : undefined);
        if (why)
            skipped.push({ path: f, reason: why });
        else
            files.push(f);
    }
    files.sort();
    return { files, skipped };
}
async function walk(root, rel, out, skipped, report) {
    const abs = rel ? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, rel) : root;
    let st;
    try {
        st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().lstat(abs);
    }
    catch {
        return; // a configured path that does not exist (yet) contributes no files
    }
    if (st.isSymbolicLink()) {
        if (report)
            skipped.push({ path: rel, reason: "symlink (not followed)" });
        return;
    }
    if (st.isFile()) {
        out.add(rel);
        return;
    }
    if (!st.isDirectory()) {
        if (report)
            skipped.push({ path: rel, reason: "not a regular file" });
        return;
    }
    const entries = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().readdir(abs, { withFileTypes: true });
    await Promise.all(entries.map(async (e) => {
        if (e.name === ".git")
            return;
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory())
            await walk(root, child, out, skipped, report);
        else if (e.isFile())
            out.add(child);
        else if (report)
            skipped.push({ path: child, reason: e.isSymbolicLink() ? "symlink (not followed)" : "not a regular file" });
    }));
}
/**
 * SHA-256, size and mode of each file. Synchronous reads on purpose: for many small files they
 * are about twice as fast as the thread pool (measured on 10,000 JSON files), and the CLI has
 * nothing else to do meanwhile.
 */
async function hashWorktreeFiles(root, files, keep) {
    const result = new Map();
    let kept = 0;
    for (const rel of files) {
        const fd = node_fs__WEBPACK_IMPORTED_MODULE_1___default().openSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, rel), "r");
        try {
            const st = node_fs__WEBPACK_IMPORTED_MODULE_1___default().fstatSync(fd);
            const data = node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(fd);
            result.set(rel, { sha256: sha256(data), size: data.length, mode: st.mode & 0o111 ? "100755" : "100644" });
            // Kept for writing the blobs from the very bytes hashed (bounded by the caller's budget).
            if (keep && kept + data.length <= KEEP_LIMIT) {
                keep.set(rel, data);
                kept += data.length;
            }
        }
        finally {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().closeSync(fd);
        }
    }
    return result;
}
/** Bytes of file content kept in memory at most while a snapshot is prepared. */
const KEEP_LIMIT = 256 * 1024 * 1024;
function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(data).digest("hex");
}


/***/ }),

/***/ 1038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ readBlobsSafe),
/* harmony export */   g: () => (/* binding */ readBackTree)
/* harmony export */ });
/* harmony import */ var _core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1387);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8894);


/** Compare a stored tree with the manifest it should hold; returns snapshot/checksum findings. */
async function readBackTree(git, treeish, manifest, manifestText, preloaded) {
    const findings = [];
    const bad = (file, message, expected, found) => findings.push({
        rule: "snapshot/checksum",
        level: "error",
        file,
        message,
        ...(expected ? { expected } : {}),
        ...(found ? { found } : {}),
        fix: "the object store holds different bytes than were snapshotted: run `git fsck --full`, then take the snapshot again",
    });
    let entries;
    try {
        entries = preloaded?.entries ?? (await git.lsTreeBlobs(treeish));
    }
    catch (error) {
        bad(_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_MANIFEST_PATH */ .Bh, `cannot list the snapshot tree ${treeish}: ${error.message.split("\n")[0]}`);
        return findings;
    }
    const byPath = new Map(entries.map((e) => [e.path, e]));
    const blobs = preloaded?.blobs ??
        (await readBlobsSafe(git, entries.map((e) => e.oid)));
    const mEntry = byPath.get(_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_MANIFEST_PATH */ .Bh);
    const mBlob = mEntry && blobs.get(mEntry.oid);
    if (!mBlob || mBlob.toString("utf8") !== manifestText)
        bad(_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_MANIFEST_PATH */ .Bh, "the stored manifest differs from the one written");
    for (const [p, expected] of Object.entries(manifest.files)) {
        const e = byPath.get(p);
        if (!e) {
            bad(p, "file is in the manifest but not in the snapshot tree");
            continue;
        }
        const data = blobs.get(e.oid);
        if (!data) {
            bad(p, `blob ${e.oid} cannot be read back from the object store (missing or corrupt)`);
            continue;
        }
        const got = (0,_files_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(data);
        if (got !== expected.sha256 || data.length !== expected.size)
            bad(p, "read-back checksum differs from the source", `sha256 ${expected.sha256} (${expected.size} bytes)`, `sha256 ${got} (${data.length} bytes)`);
    }
    for (const e of entries)
        if (e.path !== _core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_MANIFEST_PATH */ .Bh && !manifest.files[e.path])
            bad(e.path, "file is in the snapshot tree but not in its manifest");
    return findings;
}
/**
 * readBlobs, but a corrupt loose object makes cat-file die mid-stream: fall back to one object
 * at a time so the report names which blob is bad instead of failing the whole read.
 */
async function readBlobsSafe(git, oids) {
    try {
        return await git.readBlobs(oids);
    }
    catch {
        const out = new Map();
        for (const oid of new Set(oids)) {
            try {
                const one = await git.readBlobs([oid]);
                const b = one.get(oid);
                if (b)
                    out.set(oid, b);
            }
            catch {
                /* reported by the caller as unreadable */
            }
        }
        return out;
    }
}


/***/ })

};
