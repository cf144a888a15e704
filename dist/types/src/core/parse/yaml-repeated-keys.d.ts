/**
 * Files whose reader keeps every repeated key of a mapping, so a repeat there is no duplicate.
 * Cirrus CI reads `.cirrus.yml` as an ordered list of pairs: its own "Writing Tasks" guide writes
 * `test_task:` twice (two tasks) and `matrix:` with `image: node:latest` then `image: node:8.3.0`
 * (two variants of the task). Pure.
 */
/** True for a repository path whose reader keeps every repeated key, and the reader's name. */
export declare function keepsRepeatedKeys(path: string): string | undefined;
