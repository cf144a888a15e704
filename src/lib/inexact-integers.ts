/**
 * Integer literals of a JSON text that a JavaScript number cannot hold exactly (beyond 2^53:
 * `9007199254740993` reads as 9007199254740992). JSON.parse rounds them silently, so a
 * read-modify-write (updateJson) would write back a different ID in a field the caller never
 * touched, while readers in other languages (Python, Go's json.Number, Java's long) read the
 * original exactly. Fractions and exponents are not looked at: every reader reads those as the
 * same double, so writing the double back changes no reader's value.
 */

/** The first such literal: its text and 1-based line and column; undefined when there is none. */
export function firstInexactInteger(text: string): { literal: string; line: number; column: number } | undefined {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 34) {
      // A string: skip to its closing quote (the text parsed strictly, so it has one).
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      const start = i;
      while (i + 1 < text.length && /[-+0-9.eE]/.test(text[i + 1]!)) i++;
      const literal = text.slice(start, i + 1);
      // 2^53 has 16 digits: shorter integers are always exact.
      if (/^-?\d{16,}$/.test(literal) && BigInt(literal) !== BigInt(Number(literal)))
        return { literal, line, column: start - lineStart + 1 };
    }
  }
  return undefined;
}
