/**
 * Azure Resource Manager templates are JSON with comments: ARM (and the Azure CLI and PowerShell
 * that send them) accept `//` and `/* *\/` comments and raw line breaks inside strings ("multi-line
 * strings") in a deployment template, and skip a leading UTF-8 BOM. Their names are free (azuredeploy.json, main.json, anything), so they are known by
 * the `$schema` they declare, the deployment template schema of one of the four scopes.
 * Parameter files and portal UI definitions are not included: their readers are not documented
 * to accept comments, and a comment let through where the reader rejects it is a missed error.
 */
const ARM_TEMPLATE_SCHEMA =
  /"\$schema"\s*:\s*"https?:\/\/schema\.management\.azure\.com\/schemas\/[^"/]+\/(?:subscription|managementGroup|tenant)?deploymentTemplate\.json#?"/i;

/**
 * The top-level `$schema` comes first in a template (ARM's own tools write it there); looking
 * only at the head keeps the test cheap on a big file and ignores nested templates further down.
 */
const HEAD = 4096;

/** True when the text declares an ARM deployment template schema near its start: read it as JSONC. */
export function declaresArmTemplate(text: string): boolean {
  return ARM_TEMPLATE_SCHEMA.test(text.slice(0, HEAD));
}
