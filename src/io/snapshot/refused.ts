/**
 * A snapshot or restore refused for an integrity reason (bad signature, dates, checksums). It
 * carries the findings so commands can report them (rule ids in --format json, exit 1) instead
 * of a bare error message.
 */
import type { Finding } from "../../core/finding.js";
import { IntegrityError } from "../../errors.js";

export class SnapshotRefused extends IntegrityError {
  constructor(
    message: string,
    readonly findings: Finding[],
    options: { fix?: string } = {},
  ) {
    super(message, options);
  }
}
