var Me=Object.defineProperty;var s=(H,O)=>Me(H,"name",{value:O,configurable:!0});const Le=3215,Ce=[3215],Ie={3215:((H,O,l)=>{l.r(O),l.d(O,{command:s(()=>ke,"command")});var A=l(3024),g=l.n(A),I=l(6760),u=l.n(I),R=l(7523),E=l(9097),j=l(2143),M=l(4759);const w=/(^|\/)(node_modules|\.git|vendor|dist|build|target|\.integrity-guard)\//;function v(e){const t=e.lastIndexOf("/");return{dir:t<0?"":e.slice(0,t),base:e.slice(t+1)}}s(v,"split");function d(e,t){return e===""?t:`${e}/${t}`}s(d,"join");function k(e){const t=new Map;for(const o of e){if(w.test(o))continue;const{dir:n,base:i}=v(o);let r=t.get(n);r||t.set(n,r=new Set),r.add(i)}return t}s(k,"byFolder");const b=s(e=>[...e].sort((t,o)=>t<o?-1:t>o?1:0),"sorted");function x(e){return e.length===1?e[0]:e}s(x,"starter_layers_layer");const G=/^(dev|development|prod|production|staging|stage|test|testing|qa|uat|ci|preview|demo|sandbox|integration|e2e|perf|beta|canary|docker)$/;function W(e,t){if(v(e).base!=="config")return;const o=/\.(json|ya?ml)$/;if(!["default.json","default.yaml","default.yml"].some(f=>t.has(f)))return;const n=new Set;let i=!1;for(const f of t){if(!o.test(f))continue;const c=f.replace(o,"");c==="default"||c==="custom-environment-variables"||c.includes(".")||(c==="local"||c.startsWith("local-")?i=!0:G.test(c)&&n.add(c))}if(n.size===0&&!i)return;const r=[d(e,"default.*")];return n.size>0&&r.push(x(b(n).map(f=>d(e,`${f}.*`)))),i&&r.push(d(e,"local.*")),{kind:"node-config",dir:e,layers:r,extensible:[],summary:`node-config: ${d(e,"default.*")}, then the NODE_ENV file (${b(n).join(", ")||"none yet"})${i?", then local.*":""}`,extensibleWhy:""}}s(W,"nodeConfig");function T(e,t){const o=["application.yml","application.yaml"].find(r=>t.has(r));if(!o)return;const n=b([...t].filter(r=>/^application-[^/]+\.ya?ml$/.test(r)));if(n.length===0)return;const i=new Set(n.map(r=>r.slice(r.lastIndexOf("."))));return{kind:"spring",dir:e,layers:[d(e,o),x([...i].sort().map(r=>d(e,`application-*${r}`)))],extensible:[""],summary:`Spring Boot profiles: ${d(e,o)}, then one of ${n.join(", ")}`,extensibleWhy:'profiles may add any property ("" = everywhere); narrow it to the pointers your profiles add (such as /spring/datasource, /logging) to have misspelt keys reported'}}s(T,"spring");function K(e,t){if(!t.has("values.yaml"))return;const o=b([...t].filter(i=>/^values[-.][^/]+\.ya?ml$/.test(i)&&!/^values\.schema\./.test(i)));if(o.length===0)return;const n=new Set(o.map(i=>`values${i[6]}*${i.slice(i.lastIndexOf("."))}`));return{kind:"helm",dir:e,layers:[d(e,"values.yaml"),x(b(n).map(i=>d(e,i)))],extensible:[],summary:`Helm values: ${d(e,"values.yaml")}, then one of ${o.join(", ")} (helm -f)`,extensibleWhy:""}}s(K,"helm");function B(e,t){for(const o of["compose","docker-compose"]){const n=[".yaml",".yml"].map(h=>o+h).find(h=>t.has(h));if(!n)continue;const i=b([...t].filter(h=>h.startsWith(o+".")&&/\.ya?ml$/.test(h)&&h!==n&&h.split(".").length===3));if(i.length===0)continue;const r=i.filter(h=>h.startsWith(`${o}.override.`)),f=i.filter(h=>!r.includes(h)),c=[d(e,n)];return f.length>0&&c.push(x(f.map(h=>d(e,h)))),r.length>0&&c.push(x(r.map(h=>d(e,h)))),{kind:"compose",dir:e,layers:c,extensible:["/services","/volumes","/networks","/configs","/secrets"].map(h=>h),summary:`Docker Compose: ${d(e,n)}, then ${i.join(", ")} (docker compose -f ... -f ...)`,extensibleWhy:"override files add ports, environment entries and services; write both files in the same syntax (depends_on, environment and command as lists or maps in both), or the change of type is reported"}}}s(B,"compose");function F(e){const t=k(e),o=[],n=b(t.keys());for(const i of[W,T,K,B])for(const r of n){const f=i(r,t.get(r));f&&o.push(f)}return o}s(F,"detectLayeredLayouts");function a(e,t){return e.map(o=>`${t}- ${typeof o=="string"?JSON.stringify(o):`[${o.map(n=>JSON.stringify(n)).join(", ")}]`}`).join(`
`)}s(a,"yamlList");function p(e){const[t,...o]=e;if(!t)return;const n=[`# Layered configuration detected: ${t.summary}.`,"# Overrides in a higher layer are intended, never conflicts. Reported: an overlay changing a","# value's type, an overlay key that no lower layer defines (a typo does nothing), files of one","# layer that disagree, and overrides equal to the value below (docs/conflicts.md).","# `integrity-guard conflicts --explain server.port` shows where a value comes from;","# `integrity-guard conflicts --resolve --layer NAME > merged.yaml` prints one merged result.","config:","  layers: # lowest first; [a, b] are alternatives of one layer (one applies at a time)",a(t.layers,"    ")];t.extensible.length>0&&(n.push(`  # ${t.extensibleWhy}`),n.push(`  extensible: [${t.extensible.map(i=>JSON.stringify(i)).join(", ")}]`));for(const i of o)n.push(`# Also found (${i.summary}); one config.layers stack at a time:`),n.push("#   layers:"),n.push(a(i.layers,"#     ")),i.extensible.length>0&&n.push(`#   extensible: [${i.extensible.map(r=>JSON.stringify(r)).join(", ")}]`);return n.join(`
`)}s(p,"layersSection");function m(){return M.gQ.map(e=>`    - "${e}"`).join(`
`)}s(m,"jsoncLines");const y=`# Config files checked together for conflicting keys; in precedence the last file wins.
# config:
#   files: ["config/*.yaml"]
#   precedence: ["config/system.yaml", "config/local.yaml"]
#   # Or, for a default + overlays layout (overrides intended; instead of precedence):
#   # layers: ["config/default.*", ["config/production.*", "config/staging.*"], "config/local.*"]`;function P(e=[]){const t=p(F(e))??y;return`# integrity-guard configuration (the README describes every key; \`integrity-guard --help\`).
# Checked against schemas/config.schema.json; unknown keys are errors (a typo never turns a check off).
version: 1

validate:
  # Files that must parse (strict JSON per RFC 8259; JSONC; YAML). This is also the default.
  files: ["**/*.json", "**/*.jsonc", "**/*.yaml", "**/*.yml"]
  # Never checked (node_modules/** and .git/** never are, whatever this says).
  exclude: []
  # JSON files whose readers accept comments and trailing commas (JSON with comments). These are
  # the defaults (they apply when this key is absent); only .json/.jsonc names are affected, a
  # YAML file under one of these folders stays YAML. Add your own; keep strict-JSON files out.
  jsonc:
${m()}
  # Templates are JSON/YAML only after rendering: files under templates/ beside a Chart.yaml
  # (Helm), *.j2/*.jinja/*.tmpl/*.tpl names, folders named {{cookiecutter...}}, and files that do
  # not parse because of {{ }} / {% %} tags are skipped with one validate/template notice per folder.
  # A file that parses (e.g. "{{ var }}" inside quotes) is always checked.
  templates:
    mode: auto # auto | check (validate every file as it is)
    # skip: ["deploy/*.yaml.in"]          # more files that are templates
    # check: ["charts/app/templates/crd.yaml"] # always validated as they are
  # YAML as its readers read it: << merge keys merge (as in PyYAML, Ruby, Go, compose, GitLab CI);
  # the tags of CloudFormation, Home Assistant, ESPHome, GitLab CI, Ruby, Ansible, MkDocs,
  # Compose and Symfony files are accepted there; any other tag is a warning (docs/parsing.md).
  # yaml:
  #   forbid_merge_keys: ["state/**/*.yaml"] # << is an error in these files
  #   custom_tags: # tags your files' readers understand (accepted in these files)
  #     - files: ["config/**/*.yml"]
  #       tags: ["!include", "!secret"]
  #   unknown_tags: error # other tags: an error instead of a warning
  # At most this many findings are listed per file (the most important first); the rest are
  # counted in one "and K more of rule R" line, so one broken file cannot bury the others.
  # max_findings_per_file: 50
  # Map files to JSON Schemas (draft-04 to 2020-12); a file's own "$schema" (a local
  # path) maps it too. Errors are reported at the offending value's line and column. A
  # "$schema" into node_modules/ that is not installed, or naming a missing file, is a warning
  # (schema/unavailable) unless require_schema lists the file.
  # schemas:
  #   - files: ["data/**/*.json"]
  #     schema: schemas/data.schema.json
  # Files that must have a schema; one without any is reported as schema/missing.
  # require_schema: ["data/**/*.json"]

# Files sealed by \`integrity-guard seal\` (SHA-256 manifest in .integrity-guard/manifest.json).
# manifest:
#   include: ["data/**"]
#   exclude: ["**/*.tmp"]

${t}

# Declared field mappings between state files (target field: source field).
# sync:
#   - source: { file: logs/contract_statuses.json, path: /contracts }
#     target: { file: fsm_state.json, path: /states }
#     fields: { status: status, progress_percentage: progress }

# Signed snapshot backups on an orphan branch (see \`integrity-guard snapshot --help\`).
# snapshots:
#   branch: integrity-snapshots
#   sign: { format: ssh, key: env:INTEGRITY_GUARD_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers }
#   repository: "put-a-uuid-here" # unique to this repository (\`uuidgen\`): restore refuses other repositories' snapshots
#   sets:
#     hourly: { paths: ["data/"], keep: 24 }
`}s(P,"starterConfig");var $=l(3916),D=l(3059);const L="# integrity-guard-hook:",N="# >>> integrity-guard >>>",Y="# <<< integrity-guard <<<",q=2,ee=".local";function ce(){return`ig_local=node_modules/.bin/integrity-guard
if [ -e "$ig_local" ] || [ -L "$ig_local" ]; then
  ig_refuse=
  ig_fix="look at it (ls -l node_modules/.bin/integrity-guard), then rm -rf node_modules && npm install (or use a global install: rm node_modules/.bin/integrity-guard)"
  if [ -n "$(git ls-files -- "$ig_local" node_modules/integrity-guard 2>/dev/null || echo error)" ]; then
    ig_refuse="git tracks it (or node_modules/integrity-guard/), so it came with a commit, not from your package manager"
    ig_fix="see who added it (git log --stat -- node_modules), untrack it (git rm -r --cached node_modules; add node_modules/ to .gitignore; commit), then rm -rf node_modules && npm install"
  elif [ "$(cd -P node_modules/.bin 2>/dev/null && pwd -P)" != "$(pwd -P)/node_modules/.bin" ]; then
    ig_refuse="node_modules or node_modules/.bin is a symlink leading out of this repository's node_modules"
  elif [ -L "$ig_local" ]; then
    ig_pkg=$(cd -P node_modules/integrity-guard 2>/dev/null && pwd -P) || ig_pkg=
    ig_at=$(pwd -P)/node_modules/.bin
    ig_name=integrity-guard
    ig_n=0
    while [ -n "$ig_at" ] && [ -L "$ig_at/$ig_name" ] && [ "$ig_n" -lt 40 ]; do
      ig_link=$(readlink "$ig_at/$ig_name") || ig_link=
      case "$ig_link" in "") ig_at= ;; /*) ;; *) ig_link="$ig_at/$ig_link" ;; esac
      if [ -n "$ig_at" ]; then
        ig_name=$(basename "$ig_link")
        ig_at=$(cd -P "$(dirname "$ig_link")" 2>/dev/null && pwd -P) || ig_at=
      fi
      ig_n=$((ig_n + 1))
    done
    ig_inside=
    if [ -n "$ig_pkg" ] && [ -n "$ig_at" ] && [ -f "$ig_at/$ig_name" ]; then
      case "$ig_at/" in "$ig_pkg"/*) ig_inside=yes ;; esac
    fi
    if [ -z "$ig_inside" ]; then
      ig_refuse="it is a symlink that does not resolve into node_modules/integrity-guard/"
    fi
  elif ! grep -q '/\\.\\./integrity-guard/' "$ig_local" 2>/dev/null; then
    ig_refuse="it is neither a symlink into node_modules/integrity-guard/ nor a package-manager shim that runs it"
  fi
  if [ -n "$ig_refuse" ]; then
    echo "integrity-guard: commit blocked: the hook will not run node_modules/.bin/integrity-guard: $ig_refuse." >&2
    echo "  why: a program that a commit can bring along runs on the next commit of everyone who pulls it; it could let corrupt commits through, or do anything else." >&2
    echo "  fix: $ig_fix" >&2
    echo "  bypass once, at your own risk: git commit --no-verify" >&2
    exit 1
  fi
  if [ -x "$ig_local" ]; then
    ig_bin=$ig_local
  fi
fi
`}s(ce,"localBinaryGuard");function te(){return`ig_bin=integrity-guard
${ce()}if [ "$ig_bin" = integrity-guard ] && ! command -v integrity-guard >/dev/null 2>&1; then
  echo "integrity-guard: commit blocked: the pre-commit hook is installed but integrity-guard is not." >&2
  echo "  fix: npm install --save-dev integrity-guard   (or install it globally so it is on PATH)" >&2
  echo "  bypass once, at your own risk: git commit --no-verify" >&2
  exit 1
fi
"$ig_bin" check --staged || {
  ig_status=$?
  if [ "$ig_status" -eq 1 ]; then
    # The report above already ends with how to bypass once (git commit --no-verify).
    echo "integrity-guard: commit blocked by the findings above." >&2
  else
    echo "integrity-guard: commit blocked: the check could not run (exit $ig_status); see the message above." >&2
    echo "  bypass once, at your own risk: git commit --no-verify" >&2
  fi
  exit "$ig_status"
}
`}s(te,"checkBlock");function le(){return`#!/bin/sh
# integrity-guard pre-commit hook, written by \`integrity-guard init\`.
# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify
${L} v${q}

# A pre-commit hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/pre-commit${ee}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${te()}exit 0
`}s(le,"gitHookScript");function X(){return`${N} v${q} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${te()}${Y}
`}s(X,"huskyBlock");function de(){return`#!/usr/bin/env sh
${X()}`}s(de,"huskyFile");function ue(e){return e.includes(L)}s(ue,"isOurGitHook");function fe(e){const t=e.indexOf(N);if(t>=0){const n=e.indexOf(Y,t);if(n>=0){let i=n+Y.length;e[i]===`
`&&(i+=1);const r=e.slice(0,t)+X()+e.slice(i);return r===e?{text:r,action:"unchanged"}:{text:r,action:"updated"}}}if(/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(e))return{text:e,action:"present"};const o=e===""||e.endsWith(`
`)?"":`
`;return{text:e+o+(e===""?"":`
`)+X(),action:"appended"}}s(fe,"mergeHuskyFile");var C=l(7336);const J=".husky";async function he(e){const t=e.root,o=await e.hooksPathSetting(),n=u().join(t,J),i=await e.hooksDir(),r=o===void 0||["local","worktree","command"].includes(o.scope),f=o!==void 0&&r&&(i===n||i===u().join(n,"_")),c=ie(n)||ye(t);if(f)return ne(t,[]);if(o!==void 0&&r)return oe(t,i,[`core.hooksPath is ${JSON.stringify(o.value)}: installing there.`]);if(c){const h=ie(n)?`${J}/ exists`:"package.json lists husky";return ne(t,[`${h}, but husky is not active in this clone (core.hooksPath is not ${J}/_): run \`npx husky\` (or \`npm install\`, whose prepare script runs it) so git runs ${J}/pre-commit.`])}if(o!==void 0)throw new $.eb(`core.hooksPath is set in your ${o.scope} git config to ${JSON.stringify(o.value)}: installing the hook there would make it run in every repository`,{fix:`add \`integrity-guard check --staged\` to the pre-commit hook in ${o.value} yourself, or give this repository its own hooks folder (git config core.hooksPath .githooks) and run init again`});return oe(t,i,[])}s(he,"planHookInstall");async function ge(e){if(e.action==="unchanged")return;try{await g().promises.mkdir(u().dirname(e.file),{recursive:!0})}catch(o){throw new $.eG(`could not create the hooks folder ${u().dirname(e.file)}: ${o.message}`,{fix:"check that the folder is writable (or that core.hooksPath names a folder you own)"})}if(e.chain){if(g().existsSync(e.chain.to))throw new $.eb(`${e.chain.to} appeared while installing; nothing was changed`);try{await g().promises.rename(e.chain.from,e.chain.to)}catch(o){throw new $.eG(`could not move the existing hook ${e.chain.from} to ${e.chain.to}: ${o.message}`,{fix:"check the permissions of the hooks folder; nothing was changed"})}}e.content!==void 0&&await(0,D.Zf)(e.file,e.content,{mode:493});const t=g().statSync(e.file).mode&4095;(t&73)!==73&&await g().promises.chmod(e.file,t|73).catch(o=>{throw new $.eG(`could not make ${e.file} executable: ${o.message}`,{fix:`chmod +x ${e.file}`})})}s(ge,"applyHookPlan");function me(e,t,o){const n=_(e,t.file),i=s((f,c)=>o?c:f,"verb"),r=[];switch(t.action){case"created":r.push(`${i("created","would create")} the ${t.mode==="husky"?"husky":"git"} pre-commit hook ${n}`);break;case"updated":r.push(`${i("updated","would update")} the integrity-guard pre-commit hook in ${n}`);break;case"appended":r.push(`${i("added","would add")} integrity-guard to the existing husky hook ${n} (your lines run first)`);break;case"chained":r.push(`${i("moved","would move")} your existing pre-commit hook to ${_(e,t.chain.to)} and ${i("installed","install")} ${n}, which runs it first, then integrity-guard`);break;case"unchanged":r.push(`the pre-commit hook ${n} already runs integrity-guard: unchanged`);break}return[...r,...t.notes]}s(me,"describeHookPlan");function ne(e,t){const o=u().join(e,J,"pre-commit"),n=z(o);if(n===void 0)return{mode:"husky",file:o,action:"created",content:de(),notes:t};const i=fe(n),r=Z(o);return i.action==="present"||i.action==="unchanged"?(i.action==="present"&&t.push(`${_(e,o)} already calls integrity-guard by hand; left as it is.`),{mode:"husky",file:o,action:r?"unchanged":"updated",notes:t}):{mode:"husky",file:o,action:i.action,content:i.text,notes:t}}s(ne,"planHusky");function oe(e,t,o){const n=u().join(t,"pre-commit"),i=le();let r;try{r=g().lstatSync(n)}catch{return{mode:"git",file:n,action:"created",content:i,notes:o}}if(r.isDirectory())throw new $.eb(`${_(e,n)} is a folder, not a hook file`,{fix:"move it away, then run init again"});const f=z(n)??"";if(ue(f))return r.isSymbolicLink()||f===i&&Z(n)?{mode:"git",file:n,action:"unchanged",notes:o}:{mode:"git",file:n,action:"updated",content:i,notes:o};const c=n+ee;if(g().existsSync(c)||pe(c))throw new $.eb(`${_(e,n)} is a pre-commit hook integrity-guard did not write, and ${_(e,c)} exists too`,{fix:`merge the two into ${_(e,c)} (ours runs it first), remove ${_(e,n)}, and run init again; or add \`integrity-guard check --staged\` to your hook by hand`});return o.push(`your previous hook is kept in ${_(e,c)} and still runs on every commit; if it fails, the commit is blocked as before.`),Z(n)||o.push(`${_(e,c)} is not executable, so git was not running it, and it still will not run (chmod +x to enable it).`),{mode:"git",file:n,action:"chained",content:i,chain:{from:n,to:c},notes:o}}s(oe,"planGitHook");function ye(e){const t=z(u().join(e,"package.json"));if(t===void 0)return!1;try{const o=JSON.parse(t),n=["dependencies","devDependencies"].map(r=>o[r]).map(r=>typeof r=="object"&&r!==null?r.husky:void 0).find(r=>r!==void 0);return n===void 0?!1:!(typeof o.husky=="object"&&o.husky!==null||typeof n=="string"&&/^[\^~=v]*[0-4]\./.test(n.trim()))}catch{return!1}}s(ye,"usesHuskyPackage");function z(e){try{return g().readFileSync(e,"utf8")}catch{return}}s(z,"readText");function ie(e){try{return g().statSync(e).isDirectory()}catch{return!1}}s(ie,"isDir");function pe(e){try{return g().lstatSync(e).isSymbolicLink()}catch{return!1}}s(pe,"isSymlink");function Z(e){try{return g().accessSync(e,g().constants.X_OK),!0}catch{return!1}}s(Z,"isExecutable");function _(e,t){const o=(0,C.xD)(e,t);return o.startsWith("..")?t:o}s(_,"display");var we=l(7161);const ke={name:"init",usage:"integrity-guard init [--force] [--no-hook | --hook-only] [--workflows] [--dry-run]",description:`
Writes .integrity-guard/config.yml (a commented starter: every JSON/YAML file must parse) and
installs a pre-commit hook that runs \`integrity-guard check --staged\`, which checks what is
staged in the git index, so \`git commit\` is blocked when a staged JSON or YAML file is corrupt
or breaks its JSON Schema. The message names file:line:column; bypass once with
\`git commit --no-verify\`.

Where the hook goes: into .husky/pre-commit when the repository uses husky (a .husky/ folder,
husky in package.json, or core.hooksPath pointing at .husky/_); else into the folder git runs
hooks from (core.hooksPath when this repository sets it, else .git/hooks). An existing
pre-commit hook that integrity-guard did not write is moved to pre-commit.local and runs first.
The hook runs the repository's own node_modules/.bin/integrity-guard, else the one on PATH, and
blocks the commit when neither exists. Running init again changes nothing.

On a repository that has a config already (another clone of a team's repository), init
leaves the config alone and installs what is missing: the hook, and with --workflows the
workflows (an existing workflow that differs is kept, with a warning). It exits 0, so every
teammate can run it. --force replaces the config with the starter (the old one is kept beside
it as config.yml.<time>.bak) and overwrites differing workflows.`,examples:["npx integrity-guard init                 # starter config + pre-commit hook","npx integrity-guard init                 # another clone of a repository that has a config: the hook only","npx integrity-guard init --dry-run       # show what would be written","npx integrity-guard init --workflows     # also the GitHub workflows (check, snapshots, restore)"],options:{force:{type:"boolean",description:"replace an existing config (the old one is kept as a .bak) and workflow files that differ"},"no-hook":{type:"boolean",description:"write the config only; do not install the pre-commit hook"},"hook-only":{type:"boolean",description:"install the pre-commit hook only; leave the config alone"},workflows:{type:"boolean",description:"also write the GitHub workflows (.github/workflows/)"},"dry-run":{type:"boolean",description:"print what would be written, change nothing"}},run:$e};async function $e(e){const t=ve(e.options);return t.dryRun?se(e,t):(0,we.k)(u().join(e.git.stateDir(),"init.lock"),()=>se(e,t))}s($e,"runInit");async function se(e,t){const o=t.config?be(e.root,t.force,await e.git.lsWorktree()):void 0,n=t.hook?await he(e.git):void 0,i=t.workflows?await je(e.root,o):void 0,{installWorkflows:r}=t.workflows?await l.e(2886).then(l.bind(l,2886)):{installWorkflows:void 0},f=i&&r?await r(e.root,i,{force:t.force,dryRun:!0}):void 0,c=[],h=[];o&&c.push(xe(e.root,o,t.dryRun)),n&&c.push(...me(e.root,n,t.dryRun));let U;t.dryRun?(o&&(o.action==="created"||o.action==="replaced")&&h.push(re(e.root,o.file,o.content)),n?.content!==void 0&&h.push(re(e.root,n.file,n.content)),f&&c.push(...f.written.map(S=>`would write ${S}`),...f.notes)):(o&&await _e(o),n&&await ge(n),i&&r&&(U=await r(e.root,i,{force:t.force}),c.push(...U.written.map(S=>`wrote ${S}`),...U.notes)));const ae=[...n?Oe(e.root,e.env):[],...Se(o)],V=Ee(o,n,e.git.commonDir),Ne=[...t.dryRun?["dry run: nothing was written."]:[],...c.map(S=>`- ${S}`),...h,...ae.map(S=>`warning: ${S}`),...V.length&&!t.dryRun?["","Next steps:",...V.map((S,Ae)=>`  ${Ae+1}. ${S}`)]:[]].join(`
`);return{findings:[],text:Ne,json:{version:1,dryRun:t.dryRun,config:o?{path:(0,C.xD)(e.root,o.file),action:o.action,backup:o.backup&&(0,C.xD)(e.root,o.backup)}:null,hook:n?{mode:n.mode,path:Q(e.root,n.file),action:n.action,chainedTo:n.chain?Q(e.root,n.chain.to):null,notes:n.notes}:null,workflows:U??null,warnings:ae,next:V}}}s(se,"initOnce");function ve(e){const t=e["no-hook"]===!0,o=e["hook-only"]===!0;if(t&&o)throw new $.eb("init: --no-hook and --hook-only contradict each other",{fix:"give at most one of them"});return{force:e.force===!0,config:!o,hook:!t,workflows:e.workflows===!0,dryRun:e["dry-run"]===!0}}s(ve,"readOptions");function be(e,t,o){const n=(0,C.LI)(e,j.tF,{what:"config path"}),i=P(o);let r;try{r=g().readFileSync(n,"utf8")}catch(c){if(c.code!=="ENOENT")throw new $.eb(`cannot read the existing ${j.tF}: ${c.message}`,{fix:"check the file's permissions"})}if(r===void 0)return{file:n,action:"created",content:i};if(r===i)return{file:n,action:"unchanged",content:i};if(!t)return{file:n,action:"kept",content:r};const f=new Date().toISOString().replace(/[:.]/g,"-");return{file:n,action:"replaced",content:i,backup:`${n}.${f}.bak`}}s(be,"planConfig");async function je(e,t){if(!t||t.action==="kept")return(await(0,R.Z)(e)).config;const{config:o,findings:n}=(0,E.validateConfigText)(t.content,j.tF);if(!o)throw new Error(`the starter config does not validate: ${n.map(i=>i.message).join("; ")}`);return o}s(je,"configForWorkflows");async function _e(e){if(!(e.action==="unchanged"||e.action==="kept")){try{await g().promises.mkdir(u().dirname(e.file),{recursive:!0}),e.backup&&await(0,D.Zf)(e.backup,await g().promises.readFile(e.file))}catch(t){throw new $.eG(`could not prepare ${j.tF}: ${t.message}`,{fix:"check that .integrity-guard/ is writable; the existing config was not changed"})}await(0,D.Zf)(e.file,e.content)}}s(_e,"applyConfigPlan");function xe(e,t,o){const n=(0,C.xD)(e,t.file);switch(t.action){case"created":return`${o?"would write":"wrote"} the starter config ${n}`;case"replaced":return`${o?"would replace":"replaced"} ${n} with the starter config (the old one ${o?"would be":"is"} kept as ${(0,C.xD)(e,t.backup)})`;case"unchanged":return`${n} is already the starter config: unchanged`;case"kept":return`${n} exists: left as it is (\`integrity-guard init --force\` replaces it with the starter, keeping the old one as a .bak)`}}s(xe,"describeConfigPlan");function Se(e){if(e?.action!=="kept")return[];const{config:t,findings:o}=(0,E.validateConfigText)(e.content,j.tF);if(t)return[];const n=o[0];return[`${j.tF} does not validate${n?` (${n.line?`line ${n.line}: `:""}${n.message})`:""}; fix it, or replace it with the starter: integrity-guard init --force`]}s(Se,"keptConfigWarnings");function Q(e,t){const o=(0,C.xD)(e,t);return o.startsWith("..")?t:o}s(Q,"displayPath");function re(e,t,o){return`
${Q(e,t)}:
${o.replace(/\n$/,"").replace(/^/gm,"  | ")}`}s(re,"showFile");function Oe(e,t){return g().existsSync(u().join(e,"node_modules/.bin/integrity-guard"))?[]:(t.PATH??"").split(u().delimiter).some(n=>n!==""&&De(u().join(n,"integrity-guard")))?[]:["integrity-guard is neither in node_modules/.bin nor on PATH, so the hook will block every commit until it is installed: npm install --save-dev integrity-guard"]}s(Oe,"toolWarnings");function Ee(e,t,o){const n=[];return e&&(e.action==="created"||e.action==="replaced")&&n.push(`map your JSON/YAML files to JSON Schemas in ${j.tF} (validate.schemas), then commit it`),n.push("check the whole tree once: npx integrity-guard check"),t&&(n.push("from now on `git commit` checks the staged JSON/YAML; to bypass once, at your own risk: git commit --no-verify"),t.mode==="git"&&t.file.startsWith(o+u().sep)&&n.push("hooks inside .git/ are not shared by git: each clone runs `npx integrity-guard init --hook-only` once (or use husky)")),n}s(Ee,"nextSteps");function De(e){try{return g().accessSync(e,g().constants.X_OK),g().statSync(e).isFile()}catch{return!1}}s(De,"init_isExecutable")}),4759:((H,O,l)=>{l.d(O,{Az:s(()=>I,"Az"),gQ:s(()=>g,"gQ"),mB:s(()=>R,"mB")});var A=l(6085);const g=["**/*.jsonc","**/.vscode/*.json","**/tsconfig*.json","**/jsconfig*.json","**/devcontainer.json","**/.devcontainer.json","**/.devcontainer/**/*.json","**/.eslintrc.json","**/*language-configuration.json","**/*-color-theme.json","**/*-icon-theme.json","**/.babelrc.json","**/babel.config.json","**/appsettings*.json","**/launchSettings.json","**/bundleconfig.json","**/.markdownlint.json","**/turbo.json","**/nx.json","**/deno.json","**/tslint.json","**/api-extractor.json","**/cspell.json","**/.cspell.json","**/pyrightconfig.json","**/wrangler.json","**/aws-lambda-tools-defaults.json","**/.codesandbox/tasks.json","**/renovate.json","**/.renovaterc.json","**/asv.conf.json","**/JSLintNet.json","**/*.tsconfig.json","**/.oxlintrc.json"];function I(w,v){const d=w.toLowerCase();return d.endsWith(".yaml")||d.endsWith(".yml")?"yaml":d.endsWith(".jsonc")||v(w)?"jsonc":"json"}s(I,"formatForSelected");const u=["**/*.jsonc","**/.vscode/*.json","**/tsconfig*.json","**/jsconfig*.json","**/devcontainer.json","**/.devcontainer.json","**/.devcontainer/**/*.json","**/.eslintrc.json","**/*language-configuration.json","**/*-color-theme.json","**/*-icon-theme.json","**/.babelrc.json","**/babel.config.json"];function R(w){if(w===void 0)return M;if(!u.every(k=>w.includes(k)))return(0,A.jN)(w);const v=w.filter(k=>!g.includes(k));if(v.length===0)return M;const d=(0,A.jN)(v);return k=>M(k)||d(k)}s(R,"jsoncMatcher");const E=new Set(["devcontainer.json",".devcontainer.json",".eslintrc.json",".babelrc.json","babel.config.json","launchSettings.json","bundleconfig.json",".markdownlint.json","turbo.json","nx.json","deno.json","tslint.json","api-extractor.json","cspell.json",".cspell.json","pyrightconfig.json","wrangler.json","aws-lambda-tools-defaults.json","renovate.json",".renovaterc.json","asv.conf.json","JSLintNet.json",".oxlintrc.json"]),j=["language-configuration.json","-color-theme.json","-icon-theme.json",".tsconfig.json"];function M(w){const v=w.lastIndexOf("/"),d=w.slice(v+1);if(d.endsWith(".jsonc"))return!0;if(!d.endsWith(".json"))return!1;if(E.has(d)||d.startsWith("tsconfig")||d.startsWith("jsconfig")||d.startsWith("appsettings")||j.some(x=>d.endsWith(x)))return!0;const k=v<0?[]:w.slice(0,v).split("/"),b=k[k.length-1];return b===".vscode"||k.includes(".devcontainer")||b===".codesandbox"&&d==="tasks.json"}s(M,"isDefaultJsonc")}),7161:((H,O,l)=>{l.d(O,{k:s(()=>d,"k")});var A=l(7598),g=l.n(A),I=l(1455),u=l.n(I),R=l(8161),E=l.n(R),j=l(6760),M=l.n(j),w=l(3916);const v=5e3;async function d(a,p,m={}){const y=await k(a,m);try{return await p()}finally{await y()}}s(d,"withLock");async function k(a,p={}){const m=p.timeoutMs??1e4,y=p.staleMs??10*6e4,P=Date.now();await u().mkdir(M().dirname(a),{recursive:!0}).catch(D=>{throw F(a,D)});let $=1;for(;;){const D={pid:process.pid,host:E().hostname(),time:Date.now(),token:(0,A.randomUUID)()};if(await b(a,JSON.stringify(D)))return()=>G(a,D.token);const L=await W(a);if(L!==void 0&&await K(a,L,y)){await x(a,L);continue}if(Date.now()-P>m){const N=T(L);throw new w.eG(`could not take the lock ${a} within ${m} ms${N?` (held by pid ${N.pid} on ${N.host})`:""}`,{fix:"wait for the other integrity-guard run to finish; if none is running, delete the lock file"})}await new Promise(N=>setTimeout(N,$)),$=Math.min($*2,p.pollMaxMs??50)}}s(k,"acquireLock");async function b(a,p){let m;try{m=await u().open(a,"wx")}catch(y){if(y.code==="EEXIST")return!1;throw F(a,y)}try{await m.writeFile(p),await m.close()}catch(y){throw await m.close().catch(()=>{}),await u().rm(a,{force:!0}),F(a,y)}return!0}s(b,"tryCreate");async function x(a,p){const m=`${a}.takeover`;if(!await b(m,JSON.stringify({pid:process.pid,host:E().hostname(),time:Date.now()}))){try{const y=await u().stat(m);Date.now()-y.mtimeMs>v&&await u().rm(m,{force:!0})}catch{}return}try{await W(a)===p&&await u().rm(a,{force:!0})}finally{await u().rm(m,{force:!0})}}s(x,"takeOver");async function G(a,p){T(await W(a))?.token===p&&await u().rm(a,{force:!0})}s(G,"releaseOwn");async function W(a){try{return await u().readFile(a,"utf8")}catch{return}}s(W,"readRaw");function T(a){if(a!==void 0)try{return JSON.parse(a)}catch{return}}s(T,"parseInfo");async function K(a,p,m){const y=T(p);if(!y)try{const P=await u().stat(a);return Date.now()-P.mtimeMs>2e3}catch{return!1}if(Date.now()-y.time>m)return!0;if(y.host!==E().hostname())return!1;try{return process.kill(y.pid,0),!1}catch(P){return P.code==="ESRCH"}}s(K,"isStale");const B={ENOSPC:{why:"the disk is full",fix:"free disk space, then run the command again"},EDQUOT:{why:"the disk quota is exceeded",fix:"free space within your quota, then run the command again"},EROFS:{why:"the file system is read-only",fix:"run integrity-guard where the repository's .git folder is writable (a read-only checkout cannot take locks)"},EACCES:{why:"permission denied",fix:"check the owner and permissions of that folder (ls -ld), or run as the repository's owner"},EPERM:{why:"permission denied",fix:"check the owner and permissions of that folder (ls -ld), or run as the repository's owner"},ENOTDIR:{why:"a path component is not a folder",fix:"remove the file that stands where that folder should be"}};function F(a,p){const m=p.code??"",y=B[m];return new w.eG(`could not take the lock ${a}: ${y?.why??p.message}${y?` (${m})`:""}`,{fix:y?.fix??"check that folder, then run the command again",cause:p})}s(F,"lockError")})};export{Le as id,Ce as ids,Ie as modules};
//# sourceMappingURL=3215.index.js.map
