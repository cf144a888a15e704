/**
 * The form git checks a text file out in under an end-of-line conversion (`core.autocrlf=true`,
 * Git for Windows' default; a `text eol=crlf` attribute): every LF as CRLF. git stores and
 * commits the LF bytes seal wrote, so a manifest in this form is seal's text, not a reformatting.
 */

/** Whether `text` is `canonical` (which holds no CR: seal escapes it in names) with every LF as CRLF. */
export function isCrlfCheckout(canonical: string, text: string): boolean {
  let lf = 0;
  for (let at = canonical.indexOf("\n"); at !== -1; at = canonical.indexOf("\n", at + 1)) lf++;
  return lf > 0 && text.length === canonical.length + lf && text.replaceAll("\r\n", "\n") === canonical;
}
