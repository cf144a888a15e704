/** True when the members whose names start at `a` and `b` have equal values. */
export declare function sameJsonMemberValue(text: string, a: number, b: number, strip: readonly [number, number][]): boolean;
