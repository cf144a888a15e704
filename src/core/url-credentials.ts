/**
 * A URL's password (`scheme://user:PASSWORD@`), and the whole user part of an http(s) URL
 * (`https://TOKEN@host`: a token given as the user name), shown as `***`: a remote such as
 * `https://x-access-token:TOKEN@github.com/o/r.git` must not reach a log, a job summary or a
 * report through our messages (git hides it in its own).
 */
export function hideUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^/@\s]+)@/gi, (_, scheme: string, user: string) => {
    const colon = user.indexOf(":");
    if (colon !== -1) return `${scheme}${user.slice(0, colon)}:***@`;
    return /^https?:/i.test(scheme) ? `${scheme}***@` : `${scheme}${user}@`;
  });
}
