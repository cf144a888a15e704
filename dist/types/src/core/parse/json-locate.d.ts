interface Span {
    /** Member name [ks, ke) (objects only; -1 for array elements and the root). */
    ks: number;
    ke: number;
    /** Value [vs, ve). */
    vs: number;
    ve: number;
}
interface Located {
    /** The span found: the value at the pointer, or the closest existing ancestor's. */
    span: Span;
    /** True when the whole pointer resolved. */
    exact: boolean;
}
export declare class JsonLocator {
    private readonly text;
    private readonly start;
    private readonly jsonc;
    private readonly cache;
    private root;
    constructor(text: string, start: number, jsonc: boolean);
    locate(pointer: string): Located | undefined;
    private children;
    /** End offset of the (well-formed) value at i, without recursion. */
    private skipValue;
    private skipString;
    private ws;
}
export {};
