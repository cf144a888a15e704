/** Create `dir` and its parents; on failure, throw the errno of the level that could not be created. */
export declare function makeFolder(dir: string): Promise<void>;
