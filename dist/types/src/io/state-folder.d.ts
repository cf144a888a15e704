/** `mkdir -p dir` for a folder under git's folder, each new level with its parent's permissions. */
export declare function makeStateFolder(dir: string): Promise<void>;
/** makeStateFolder for synchronous callers (cache writers that run inside synchronous code). */
export declare function makeStateFolderSync(dir: string): void;
