/**
 * A URL's password (`scheme://user:PASSWORD@`), and the whole user part of an http(s) URL
 * (`https://TOKEN@host`: a token given as the user name), shown as `***`: a remote such as
 * `https://x-access-token:TOKEN@github.com/o/r.git` must not reach a log, a job summary or a
 * report through our messages (git hides it in its own).
 */
export declare function hideUrlCredentials(text: string): string;
