export declare const COMPILER_ID: string;
