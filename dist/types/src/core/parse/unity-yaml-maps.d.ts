/** True when a key repeated in a Unity asset is Unity's old map element (`data:` with `first:` and `second:`), both times. */
export declare function isUnityMapElement(name: string, firstValue: unknown, value: unknown): boolean;
