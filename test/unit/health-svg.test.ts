/** The badge and the history chart are well-formed SVG and show the numbers they claim. */
import { describe, expect, it } from "vitest";
import { renderBadge } from "../../src/core/health/badge.js";
import { renderHistoryChart, type HistoryPoint } from "../../src/core/health/chart.js";
import { DEFAULT_THRESHOLDS } from "../../src/core/health/types.js";

/**
 * A small XML well-formedness check (no XML parser is installed): one root element, every tag
 * closed in order, attributes quoted and unique, no raw `<` or stray `&` in text or values.
 * Returns the element names in document order.
 */
export function assertWellFormedXml(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  let pos = 0;
  const checkText = (text: string, where: number, inAttribute = false) => {
    if (/</.test(text)) throw new Error(`raw "<" or malformed tag near offset ${where}: ${JSON.stringify(text.slice(0, 40))}`);
    if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`stray "&" near offset ${where}`);
    if (!inAttribute && stack.length === 0 && text.trim()) throw new Error(`text outside the root element near offset ${where}`);
  };
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    checkText(xml.slice(pos, m.index), pos);
    pos = m.index + m[0].length;
    if (m[0].startsWith("<!--") || m[0].startsWith("<?")) continue;
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element at offset ${m.index}`);
      continue;
    }
    const seen = new Set<string>();
    for (const a of attrs!.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*("[^"]*"|'[^']*')/g)) {
      if (seen.has(a[1]!)) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
      seen.add(a[1]!);
      checkText(a[2]!.slice(1, -1), m.index, true);
    }
    if (stack.length === 0) roots++;
    names.push(name!);
    if (!selfClose) stack.push(name!);
  }
  checkText(xml.slice(pos), pos);
  if (stack.length) throw new Error(`unclosed <${stack.join("><")}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
  return names;
}

describe("the well-formedness check itself", () => {
  it.each([
    ["<svg><g></svg>", /closes the wrong element/],
    ["<svg><text>a < b</text></svg>", /raw "<"/],
    ["<svg><text>a & b</text></svg>", /stray "&"/],
    ['<svg a="1" a="2"/>', /duplicate attribute/],
    ["<svg/><svg/>", /one root element/],
    ["<svg>", /unclosed/],
  ])("rejects %s", (xml, error) => {
    expect(() => assertWellFormedXml(xml)).toThrow(error);
  });
});

describe("badge", () => {
  it.each([
    [85, "HEALTHY", "#4c1"],
    [70, "DEGRADED", "#dfb317"],
    [12, "CRITICAL", "#e05d44"],
  ] as const)("%i %s is coloured %s and shows its numbers", (score, status, color) => {
    const svg = renderBadge(score, status);
    const names = assertWellFormedXml(svg);
    expect(names[0]).toBe("svg");
    expect(svg).toContain(`xmlns="http://www.w3.org/2000/svg"`);
    expect(svg).toContain(`>${score} ${status}</text>`);
    expect(svg).toContain(`fill="${color}"`);
    expect(svg).toContain(`aria-label="health: ${score} ${status}"`);
  });

  it("escapes a hostile label", () => {
    const svg = renderBadge(50, "DEGRADED", `a<b>&"c'`);
    assertWellFormedXml(svg);
    expect(svg).toContain("a&lt;b&gt;&amp;&quot;c&apos;");
  });
});

describe("history chart", () => {
  const points: HistoryPoint[] = [
    { time: "2026-11-24T10:00:00.000Z", score: 92, status: "HEALTHY" },
    { time: "2026-11-25T10:00:00.000Z", score: 71, status: "DEGRADED" },
    { time: "2026-11-26T10:00:00.000Z", score: 40, status: "CRITICAL" },
    { time: "2026-11-23T10:00:00.000Z", score: 88, status: "HEALTHY" },
  ];

  it("draws one point per entry, in time order, with the scores it claims", () => {
    const svg = renderHistoryChart(points, DEFAULT_THRESHOLDS);
    const names = assertWellFormedXml(svg);
    expect(names.filter((n) => n === "circle")).toHaveLength(4);
    expect([...svg.matchAll(/data-score="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([88, 92, 71, 40]);
    expect(svg).toContain("now 40 CRITICAL, min 40, max 92 (4 points)");
    // y = top + height - height * score / 100 with top 34, height 186: the line goes through these.
    const poly = /<polyline[^>]* points="([^"]+)"/
      .exec(svg)![1]!
      .split(" ")
      .map((p) => Number(p.split(",")[1]));
    expect(poly).toEqual(
      [34 + 186 - 186 * 0.88, 34 + 186 - 186 * 0.92, 34 + 186 - 186 * 0.71, 34 + 186 - 186 * 0.4].map((v) => Math.round(v * 10) / 10),
    );
    // Threshold lines are labelled with the configured thresholds.
    expect(svg).toMatch(/>85<\/text>/);
    expect(svg).toMatch(/>60<\/text>/);
  });

  it("is valid with one point and with none", () => {
    const one = renderHistoryChart(points.slice(0, 1), DEFAULT_THRESHOLDS);
    assertWellFormedXml(one);
    expect(one).toContain('data-score="92"');
    const none = renderHistoryChart([], DEFAULT_THRESHOLDS);
    assertWellFormedXml(none);
    expect(none).toContain("no history yet");
    expect(none).not.toContain("<circle");
  });
});
