/** The shape of .integrity-guard/config.yml (schemas/config.schema.json is the source of truth). */
import type { Finding } from "../core/finding.js";
import type { TemplatesConfig } from "../core/select/templates.js";
export interface SchemaMapping {
    files: string[];
    schema: string;
}
/** Per built-in entry of the catalog of well-known files. */
interface WellKnownEntryConfig {
    level?: "error" | "warning";
    /** A schema file of the repository in place of the vendored one. */
    schema?: string;
}
export interface ValidateConfig {
    files?: string[];
    exclude?: string[];
    jsonc?: string[];
    schemas?: SchemaMapping[];
    require_schema?: string[];
    /** The built-in catalog of well-known files (default on); false turns it off. */
    well_known?: boolean | {
        entries?: Record<string, boolean | WellKnownEntryConfig>;
    };
    /** Catalog files in SchemaStore's catalog.json format: a team's own well-known files. */
    catalog?: string | string[];
    /** Findings listed per file (every check's, the most important first); the rest are counted. Default 50. */
    max_findings_per_file?: number;
    /** Helm/Jinja/Go templates: skipped with a notice (auto, the default) or checked as they are. */
    templates?: TemplatesConfig;
    yaml?: {
        /** Redundant since merge keys are on by default; kept valid. Its files are exempt from forbid_merge_keys. */
        merge_keys?: string[];
        /** Files in which a `<<` merge key is a parse/merge-key error. */
        forbid_merge_keys?: string[];
        custom_tags?: {
            files: string[];
            tags: string[];
        }[];
        /** Level of parse/unknown-tag (a tag neither core, nor listed, nor of the file's dialect). Default warning. */
        unknown_tags?: "error" | "warning";
    };
    /** Files larger than this are not parsed (parse/too-large warning): bytes, or "256MiB". Default 256 MiB. */
    max_file_size?: number | string;
    /** YAML files larger than this are not parsed (parse/too-large warning): bytes, or "8MiB". Default 8 MiB. */
    max_yaml_size?: number | string;
    /** Schemas of the repository larger than this (with the files they $ref) are not loaded: bytes, or "8MiB". Default 8 MiB. */
    max_schema_size?: number | string;
}
export interface ManifestConfig {
    include?: string[];
    exclude?: string[];
    modified_level?: "error" | "warning";
}
export interface ConfigConflictConfig {
    files?: string[];
    precedence?: string[];
    /** Layered mode (default + overlays), lowest first; a list is one layer of several globs. */
    layers?: (string | string[])[];
    /** Pointers below which overlays may add keys (no config/unknown-key). */
    extensible?: string[];
    owners?: Record<string, string>;
    differ?: string[];
    merge?: Record<string, "deep" | "replace" | "unique" | "append">;
    secret_keys?: string[];
}
interface SyncEnd {
    file: string;
    path: string;
}
export interface SyncRule {
    name?: string;
    source: SyncEnd;
    target: SyncEnd;
    fields: Record<string, string>;
    one_sided?: "error" | "warning" | "ignore";
}
export interface SnapshotSet {
    paths: string[];
    keep?: number;
    schedule?: string;
    /** Git-ignored files under `paths`: left out (default) or included. */
    ignored?: "include" | "exclude";
    /** Secret-looking names (core/snapshot/secrets.ts) allowed in a pushed snapshot: all, or those matching these globs. */
    allow_secrets?: boolean | string[];
    /** Encrypt file contents to these age recipients (age1..., ssh-ed25519, ssh-rsa, or file:PATH). */
    encrypt?: SnapshotEncrypt;
}
export interface SnapshotEncrypt {
    recipients: string[];
    /** Identity used by restore: env:NAME (the key text) or a file path. */
    key?: string;
}
export interface SnapshotsConfig {
    branch?: string;
    remote?: string;
    /** The repository's snapshot identity, signed into each snapshot (Snapshot-Repository trailer). */
    repository?: string;
    sign?: {
        format: "ssh" | "gpg" | "none";
        key?: string;
        allowed_signers?: string;
        fingerprint?: string;
    };
    epoch?: string;
    /** Retention of `pre-restore` snapshots: the newest `keep` stay (default 20, DEFAULT_PRE_RESTORE_KEEP). */
    pre_restore?: {
        keep?: number;
    };
    sets?: Record<string, SnapshotSet>;
}
export interface HealthConfig {
    critical_files?: string[];
    max_snapshot_age?: Record<string, string>;
    min_free_disk?: string;
    weights?: Record<string, number>;
    thresholds?: {
        healthy?: number;
        degraded?: number;
        max_error_count?: number;
        max_check_seconds?: number;
    };
}
export type AlertLevel = "INFO" | "WARNING" | "ERROR" | "CRITICAL";
export interface AlertRoute {
    level: AlertLevel;
    webhook?: {
        url: string;
        format?: "slack" | "teams" | "json";
    };
    github_issue?: boolean | {
        labels?: string[];
        repository?: string;
    };
    email?: {
        to: string | string[];
        from?: string;
        smtp: string;
    };
}
export type RecoveryStep = {
    restore: {
        set?: string;
        snapshot?: string;
        paths?: string[];
    };
} | {
    run: string;
} | {
    verify: boolean | string[];
};
export interface Config {
    version: 1;
    validate?: ValidateConfig;
    manifest?: ManifestConfig;
    config?: ConfigConflictConfig;
    sync?: SyncRule[];
    snapshots?: SnapshotsConfig;
    health?: HealthConfig;
    alerts?: AlertRoute[];
    recovery?: Record<string, RecoveryStep[]>;
    /** Undo folders under .git/integrity-guard/undo (conflicts --write, sync --fix): the newest `keep` stay (default 20). */
    undo?: {
        keep?: number;
    };
}
/** A loaded config plus where it came from. */
export interface LoadedConfig {
    config: Config;
    /** Repo-relative path of the config file. */
    path: string;
    /** False when no file exists and defaults are used. */
    exists: boolean;
    /**
     * The SHA-256 of the bytes loaded and what parsing them as YAML found (warnings only: the
     * config was accepted), so `validate` need not parse the same bytes again.
     */
    parsed?: {
        sha256: string;
        findings: Finding[];
    };
}
export declare const CONFIG_PATH = ".integrity-guard/config.yml";
export { ALWAYS_EXCLUDED, MANIFEST_PATH } from "../core/well-known-paths.js";
export declare const DEFAULT_VALIDATE_FILES: string[];
