/**
 * Where a piece of a fixture is, counted here from the fixture text (1-based line, column in
 * characters), so a test asserts the exact position without asking the tool under test.
 */

/** `line:column` of the first `needle` in `text` (`needle` undefined: the end of the text). */
export function positionOf(text: string, needle?: string): string {
  const offset = needle === undefined ? text.length : text.indexOf(needle);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} is not in the fixture`);
  const lines = text.slice(0, offset).split("\n");
  return `${lines.length}:${(lines.at(-1) ?? "").length + 1}`;
}

/** `file:line:column` of the first `needle` in `text`, as a pattern that a longer number cannot match. */
export function at(file: string, text: string, needle?: string): RegExp {
  const where = `${file}:${positionOf(text, needle)}`;
  return new RegExp(`${where.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\d)`);
}
