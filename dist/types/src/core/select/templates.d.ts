import type { Finding } from "../finding.js";
/** `validate.templates` in the config. */
export interface TemplatesConfig {
    /** auto (default): skip detected templates with a notice; check: validate every file as it is. */
    mode?: "auto" | "check";
    /** Also templates (skipped), e.g. files of a renderer that is not detected. */
    skip?: string[];
    /** Never treated as templates: always validated as they are. */
    check?: string[];
}
type TemplateKind = "helm" | "name" | "content" | "conda" | "syntax-test" | "pr-template";
/** Why a file is a template, and the folder its notice is grouped under (ends with "/"; "./" for the root). */
interface TemplateMatch {
    kind: TemplateKind | "config";
    folder: string;
}
/** The rules of one run, prepared once from the config. */
export declare class TemplateRules {
    readonly auto: boolean;
    private readonly skip;
    private readonly force;
    /**
     * `dataFile` names files the config declares to be data (mapped to a schema, or required to
     * have one): they are never templates, so a corruption that happens to add `{{` to a state
     * file, or a Chart.yaml added above it, cannot make it skipped.
     */
    constructor(cfg: TemplatesConfig | undefined, dataFile?: (p: string) => boolean);
    /**
     * The template match of `file` decided by its path alone, or undefined. `chartExists` says
     * whether a repo-relative `.../Chart.yaml` exists (only asked for paths with a `templates` folder).
     */
    byPath(file: string, chartExists: (chartYaml: string) => boolean): TemplateMatch | undefined;
    private matchPath;
    /** Content detection applies to this file (auto mode, not forced by validate.templates.check). */
    detectsContent(file: string): boolean;
}
/** The Chart.yaml paths that decide whether `file` is a Helm template (one per `templates` folder in its path). */
export declare function chartYamlCandidates(file: string): string[];
/** Collects skipped templates and turns them into one `validate/template` notice per kind and folder. */
export declare class SkippedTemplates {
    private readonly groups;
    add(file: string, found: TemplateMatch): void;
    get count(): number;
    /** One notice per group, sorted by folder. */
    notices(): Finding[];
}
export {};
