/**
 * Whether a process id names a running process on this host, for files that record their
 * writer's pid (locks, restore journals, temporary files): signal 0 checks without signalling.
 * EPERM means it runs under another user. A pid that is not a positive integer never exists:
 * `kill(0)` and `kill(-1)` would address process groups and always succeed.
 */
export declare function processExists(pid: number): boolean;
