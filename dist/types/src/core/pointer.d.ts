/** RFC 6901 JSON pointers. */
export declare function escapeToken(token: string | number): string;
export declare function toPointer(path: readonly (string | number)[]): string;
/** Parse a pointer into tokens; throws on a pointer that does not start with "/" (except ""). */
export declare function parsePointer(pointer: string): string[];
/** `/database/host` -> `database.host` for people; tokens containing dots are bracketed. */
export declare function pointerToDotted(pointer: string): string;
/** Read the value at a pointer; `undefined` when absent. */
export declare function getAtPointer(value: unknown, pointer: string): unknown;
