var Fe=Object.defineProperty;var s=(Y,D)=>Fe(Y,"name",{value:D,configurable:!0});const He=3215,Ue=[3215,4759,7140],Ge={3215:((Y,D,a)=>{a.r(D),a.d(D,{command:s(()=>Oe,"command")});var A=a(3024),g=a.n(A),J=a(6760),f=a.n(J),H=a(7523),O=a(288),U=a(5278),M=a(9262),k=a(9097),p=a(2143),$=a(4759);const x=/(^|\/)(node_modules|\.git|vendor|dist|build|target|\.integrity-guard)\//;function C(e){const t=e.lastIndexOf("/");return{dir:t<0?"":e.slice(0,t),base:e.slice(t+1)}}s(C,"split");function v(e,t){return e===""?t:`${e}/${t}`}s(v,"join");function X(e){const t=new Map;for(const n of e){if(x.test(n))continue;const{dir:i,base:o}=C(n);let r=t.get(i);r||t.set(i,r=new Set),r.add(o)}return t}s(X,"byFolder");const S=s(e=>[...e].sort((t,n)=>t<n?-1:t>n?1:0),"sorted");function _(e){return e.length===1?e[0]:e}s(_,"starter_layers_layer");const Z=/^(dev|development|prod|production|staging|stage|test|testing|qa|uat|ci|preview|demo|sandbox|integration|e2e|perf|beta|canary|docker)$/;function Q(e,t){if(C(e).base!=="config")return;const n=/\.(json|ya?ml)$/;if(!["default.json","default.yaml","default.yml"].some(h=>t.has(h)))return;const i=new Set;let o=!1;for(const h of t){if(!n.test(h))continue;const c=h.replace(n,"");c==="default"||c==="custom-environment-variables"||c.includes(".")||(c==="local"||c.startsWith("local-")?o=!0:Z.test(c)&&i.add(c))}if(i.size===0&&!o)return;const r=[v(e,"default.*")];return i.size>0&&r.push(_(S(i).map(h=>v(e,`${h}.*`)))),o&&r.push(v(e,"local.*")),{kind:"node-config",dir:e,layers:r,extensible:[],summary:`node-config: ${v(e,"default.*")}, then the NODE_ENV file (${S(i).join(", ")||"none yet"})${o?", then local.*":""}`,extensibleWhy:""}}s(Q,"nodeConfig");function G(e,t){const n=["application.yml","application.yaml"].find(r=>t.has(r));if(!n)return;const i=S([...t].filter(r=>/^application-[^/]+\.ya?ml$/.test(r)));if(i.length===0)return;const o=new Set(i.map(r=>r.slice(r.lastIndexOf("."))));return{kind:"spring",dir:e,layers:[v(e,n),_([...o].sort().map(r=>v(e,`application-*${r}`)))],extensible:[""],summary:`Spring Boot profiles: ${v(e,n)}, then one of ${i.join(", ")}`,extensibleWhy:'profiles may add any property ("" = everywhere); narrow it to the pointers your profiles add (such as /spring/datasource, /logging) to have misspelt keys reported'}}s(G,"spring");function d(e,t){if(!t.has("values.yaml"))return;const n=S([...t].filter(o=>/^values[-.][^/]+\.ya?ml$/.test(o)&&!/^values\.schema\./.test(o)));if(n.length===0)return;const i=new Set(n.map(o=>`values${o[6]}*${o.slice(o.lastIndexOf("."))}`));return{kind:"helm",dir:e,layers:[v(e,"values.yaml"),_(S(i).map(o=>v(e,o)))],extensible:[],summary:`Helm values: ${v(e,"values.yaml")}, then one of ${n.join(", ")} (helm -f)`,extensibleWhy:""}}s(d,"helm");function w(e,t){for(const n of["compose","docker-compose"]){const i=[".yaml",".yml"].map(l=>n+l).find(l=>t.has(l));if(!i)continue;const o=S([...t].filter(l=>l.startsWith(n+".")&&/\.ya?ml$/.test(l)&&l!==i&&l.split(".").length===3));if(o.length===0)continue;const r=o.filter(l=>l.startsWith(`${n}.override.`)),h=o.filter(l=>!r.includes(l)),c=[v(e,i)];return h.length>0&&c.push(_(h.map(l=>v(e,l)))),r.length>0&&c.push(_(r.map(l=>v(e,l)))),{kind:"compose",dir:e,layers:c,extensible:["/services","/volumes","/networks","/configs","/secrets"].map(l=>l),summary:`Docker Compose: ${v(e,i)}, then ${o.join(", ")} (docker compose -f ... -f ...)`,extensibleWhy:"override files add ports, environment entries and services; write both files in the same syntax (depends_on, environment and command as lists or maps in both), or the change of type is reported"}}}s(w,"compose");function m(e){const t=X(e),n=[],i=S(t.keys());for(const o of[Q,G,d,w])for(const r of i){const h=o(r,t.get(r));h&&n.push(h)}return n}s(m,"detectLayeredLayouts");function y(e,t){return e.map(n=>`${t}- ${typeof n=="string"?JSON.stringify(n):`[${n.map(i=>JSON.stringify(i)).join(", ")}]`}`).join(`
`)}s(y,"yamlList");function P(e){const[t,...n]=e;if(!t)return;const i=[`# Layered configuration detected: ${t.summary}.`,"# Overrides in a higher layer are intended, never conflicts. Reported: an overlay changing a","# value's type, an overlay key that no lower layer defines (a typo does nothing), files of one","# layer that disagree, and overrides equal to the value below (docs/conflicts.md).","# `integrity-guard conflicts --explain server.port` shows where a value comes from;","# `integrity-guard conflicts --resolve --layer NAME > merged.yaml` prints one merged result.","config:","  layers: # lowest first; [a, b] are alternatives of one layer (one applies at a time)",y(t.layers,"    ")];t.extensible.length>0&&(i.push(`  # ${t.extensibleWhy}`),i.push(`  extensible: [${t.extensible.map(o=>JSON.stringify(o)).join(", ")}]`));for(const o of n)i.push(`# Also found (${o.summary}); one config.layers stack at a time:`),i.push("#   layers:"),i.push(y(o.layers,"#     ")),o.extensible.length>0&&i.push(`#   extensible: [${o.extensible.map(r=>JSON.stringify(r)).join(", ")}]`);return i.join(`
`)}s(P,"layersSection");function K(){return $.gQ.map(e=>`    - "${e}"`).join(`
`)}s(K,"jsoncLines");const T=`# Config files checked together for conflicting keys; in precedence the last file wins.
# config:
#   files: ["config/*.yaml"]
#   precedence: ["config/system.yaml", "config/local.yaml"]
#   # Or, for a default + overlays layout (overrides intended; instead of precedence):
#   # layers: ["config/default.*", ["config/production.*", "config/staging.*"], "config/local.*"]`;function W(e=[]){const t=P(m(e))??T;return`# integrity-guard configuration (the README describes every key; \`integrity-guard --help\`).
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
${K()}
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
`}s(W,"starterConfig");var b=a(3916),V=a(3059);const oe="# integrity-guard-hook:",se="# >>> integrity-guard >>>",q="# <<< integrity-guard <<<",re=2,ae=".local";function me(){return`ig_local=node_modules/.bin/integrity-guard
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
`}s(me,"localBinaryGuard");function ce(){return`ig_bin=integrity-guard
${me()}if [ "$ig_bin" = integrity-guard ] && ! command -v integrity-guard >/dev/null 2>&1; then
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
`}s(ce,"checkBlock");function ye(){return`#!/bin/sh
# integrity-guard pre-commit hook, written by \`integrity-guard init\`.
# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify
${oe} v${re}

# A pre-commit hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/pre-commit${ae}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${ce()}exit 0
`}s(ye,"gitHookScript");function ee(){return`${se} v${re} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${ce()}${q}
`}s(ee,"huskyBlock");function pe(){return`#!/usr/bin/env sh
${ee()}`}s(pe,"huskyFile");function we(e){return e.includes(oe)}s(we,"isOurGitHook");function ke(e){const t=e.indexOf(se);if(t>=0){const i=e.indexOf(q,t);if(i>=0){let o=i+q.length;e[o]===`
`&&(o+=1);const r=e.slice(0,t)+ee()+e.slice(o);return r===e?{text:r,action:"unchanged"}:{text:r,action:"updated"}}}if(/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(e))return{text:e,action:"present"};const n=e===""||e.endsWith(`
`)?"":`
`;return{text:e+n+(e===""?"":`
`)+ee(),action:"appended"}}s(ke,"mergeHuskyFile");var L=a(7336);const B=".husky";async function $e(e){const t=e.root,n=await e.hooksPathSetting(),i=f().join(t,B),o=await e.hooksDir(),r=n===void 0||["local","worktree","command"].includes(n.scope),h=n!==void 0&&r&&(o===i||o===f().join(i,"_")),c=ue(i)||je(t);if(h)return le(t,[]);if(n!==void 0&&r)return de(t,o,[`core.hooksPath is ${JSON.stringify(n.value)}: installing there.`]);if(c){const l=ue(i)?`${B}/ exists`:"package.json lists husky";return le(t,[`${l}, but husky is not active in this clone (core.hooksPath is not ${B}/_): run \`npx husky\` (or \`npm install\`, whose prepare script runs it) so git runs ${B}/pre-commit.`])}if(n!==void 0)throw new b.eb(`core.hooksPath is set in your ${n.scope} git config to ${JSON.stringify(n.value)}: installing the hook there would make it run in every repository`,{fix:`add \`integrity-guard check --staged\` to the pre-commit hook in ${n.value} yourself, or give this repository its own hooks folder (git config core.hooksPath .githooks) and run init again`});return de(t,o,[])}s($e,"planHookInstall");async function ve(e){if(e.action==="unchanged")return;try{await g().promises.mkdir(f().dirname(e.file),{recursive:!0})}catch(n){throw new b.eG(`could not create the hooks folder ${f().dirname(e.file)}: ${n.message}`,{fix:"check that the folder is writable (or that core.hooksPath names a folder you own)"})}if(e.chain){if(g().existsSync(e.chain.to))throw new b.eb(`${e.chain.to} appeared while installing; nothing was changed`);try{await g().promises.rename(e.chain.from,e.chain.to)}catch(n){throw new b.eG(`could not move the existing hook ${e.chain.from} to ${e.chain.to}: ${n.message}`,{fix:"check the permissions of the hooks folder; nothing was changed"})}}e.content!==void 0&&await(0,V.Zf)(e.file,e.content,{mode:493});const t=g().statSync(e.file).mode&4095;(t&73)!==73&&await g().promises.chmod(e.file,t|73).catch(n=>{throw new b.eG(`could not make ${e.file} executable: ${n.message}`,{fix:`chmod +x ${e.file}`})})}s(ve,"applyHookPlan");function be(e,t,n){const i=E(e,t.file),o=s((h,c)=>n?c:h,"verb"),r=[];switch(t.action){case"created":r.push(`${o("created","would create")} the ${t.mode==="husky"?"husky":"git"} pre-commit hook ${i}`);break;case"updated":r.push(`${o("updated","would update")} the integrity-guard pre-commit hook in ${i}`);break;case"appended":r.push(`${o("added","would add")} integrity-guard to the existing husky hook ${i} (your lines run first)`);break;case"chained":r.push(`${o("moved","would move")} your existing pre-commit hook to ${E(e,t.chain.to)} and ${o("installed","install")} ${i}, which runs it first, then integrity-guard`);break;case"unchanged":r.push(`the pre-commit hook ${i} already runs integrity-guard: unchanged`);break}return[...r,...t.notes]}s(be,"describeHookPlan");function le(e,t){const n=f().join(e,B,"pre-commit"),i=te(n);if(i===void 0)return{mode:"husky",file:n,action:"created",content:pe(),notes:t};const o=ke(i),r=ne(n);return o.action==="present"||o.action==="unchanged"?(o.action==="present"&&t.push(`${E(e,n)} already calls integrity-guard by hand; left as it is.`),{mode:"husky",file:n,action:r?"unchanged":"updated",notes:t}):{mode:"husky",file:n,action:o.action,content:o.text,notes:t}}s(le,"planHusky");function de(e,t,n){const i=f().join(t,"pre-commit"),o=ye();let r;try{r=g().lstatSync(i)}catch{return{mode:"git",file:i,action:"created",content:o,notes:n}}if(r.isDirectory())throw new b.eb(`${E(e,i)} is a folder, not a hook file`,{fix:"move it away, then run init again"});const h=te(i)??"";if(we(h))return r.isSymbolicLink()||h===o&&ne(i)?{mode:"git",file:i,action:"unchanged",notes:n}:{mode:"git",file:i,action:"updated",content:o,notes:n};const c=i+ae;if(g().existsSync(c)||xe(c))throw new b.eb(`${E(e,i)} is a pre-commit hook integrity-guard did not write, and ${E(e,c)} exists too`,{fix:`merge the two into ${E(e,c)} (ours runs it first), remove ${E(e,i)}, and run init again; or add \`integrity-guard check --staged\` to your hook by hand`});return n.push(`your previous hook is kept in ${E(e,c)} and still runs on every commit; if it fails, the commit is blocked as before.`),ne(i)||n.push(`${E(e,c)} is not executable, so git was not running it, and it still will not run (chmod +x to enable it).`),{mode:"git",file:i,action:"chained",content:o,chain:{from:i,to:c},notes:n}}s(de,"planGitHook");function je(e){const t=te(f().join(e,"package.json"));if(t===void 0)return!1;try{const n=JSON.parse(t),i=["dependencies","devDependencies"].map(r=>n[r]).map(r=>typeof r=="object"&&r!==null?r.husky:void 0).find(r=>r!==void 0);return i===void 0?!1:!(typeof n.husky=="object"&&n.husky!==null||typeof i=="string"&&/^[\^~=v]*[0-4]\./.test(i.trim()))}catch{return!1}}s(je,"usesHuskyPackage");function te(e){try{return g().readFileSync(e,"utf8")}catch{return}}s(te,"readText");function ue(e){try{return g().statSync(e).isDirectory()}catch{return!1}}s(ue,"isDir");function xe(e){try{return g().lstatSync(e).isSymbolicLink()}catch{return!1}}s(xe,"isSymlink");function ne(e){try{return g().accessSync(e,g().constants.X_OK),!0}catch{return!1}}s(ne,"isExecutable");function E(e,t){const n=(0,L.xD)(e,t);return n.startsWith("..")?t:n}s(E,"display");var Se=a(7161);const Oe={name:"init",usage:"integrity-guard init [--force] [--no-hook | --hook-only] [--workflows] [--baseline] [--dry-run]",description:`
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
it as config.yml.<time>.bak) and overwrites differing workflows.

After writing the config, init checks the whole working tree once (as CI's
\`integrity-guard check\` will) and says how many files already fail, with the worst few. They
are not exempted unless you ask: --baseline records them in ${O.CM} (next to the
config; commit it), so CI passes while each stays exactly as it is, reported as a notice. Any
edit of such a file, and any other broken file, still fails. See \`integrity-guard baseline --help\`.`,examples:["npx integrity-guard init                 # starter config + pre-commit hook","npx integrity-guard init                 # another clone of a repository that has a config: the hook only","npx integrity-guard init --dry-run       # show what would be written","npx integrity-guard init --workflows     # also the GitHub workflows (check, snapshots, restore)","npx integrity-guard init --baseline      # adopt a repository with broken fixtures: record them as known broken"],options:{force:{type:"boolean",description:"replace an existing config (the old one is kept as a .bak) and workflow files that differ"},"no-hook":{type:"boolean",description:"write the config only; do not install the pre-commit hook"},"hook-only":{type:"boolean",description:"install the pre-commit hook only; leave the config alone"},workflows:{type:"boolean",description:"also write the GitHub workflows (.github/workflows/)"},"dry-run":{type:"boolean",description:"print what would be written, change nothing"},baseline:{type:"boolean",description:`record the files that fail the whole-tree check now in ${O.CM} (each exempt only while unchanged)`}},run:Ee};async function Ee(e){const t=_e(e.options);return t.dryRun?he(e,t):(0,Se.k)(f().join(e.git.stateDir(),"init.lock"),()=>he(e,t))}s(Ee,"runInit");async function he(e,t){const n=t.config?De(e.root,t.force,await e.git.lsWorktree()):void 0,i=t.hook?await $e(e.git):void 0,o=t.workflows?await Ce(e.root,n):void 0,{installWorkflows:r}=t.workflows?await a.e(2886).then(a.bind(a,2886)):{installWorkflows:void 0},h=o&&r?await r(e.root,o,{force:t.force,dryRun:!0}):void 0,c=[],l=[];n&&c.push(Ae(e.root,n,t.dryRun)),i&&c.push(...be(e.root,i,t.dryRun));let N;t.dryRun?(n&&(n.action==="created"||n.action==="replaced")&&l.push(fe(e.root,n.file,n.content)),i?.content!==void 0&&l.push(fe(e.root,i.file,i.content)),h&&c.push(...h.written.map(u=>`would write ${u}`),...h.notes)):(n&&await Ne(n),i&&await ve(i),o&&r&&(N=await r(e.root,o,{force:t.force}),c.push(...N.written.map(u=>`wrote ${u}`),...N.notes)));const j=await Te(e,n,t);j&&c.push(...j.lines);const F=[...i?Pe(e.root,e.env):[],...Me(n),...j?.warnings??[]],R=Le(n,i,e.git.commonDir,j),I=[...t.dryRun?["dry run: nothing was written."]:[],...c.map(u=>`- ${u}`),...l,...F.map(u=>`warning: ${u}`),...R.length&&!t.dryRun?["","Next steps:",...R.map((u,z)=>`  ${z+1}. ${u}`)]:[]].join(`
`);return{findings:[],text:I,json:{version:1,dryRun:t.dryRun,config:n?{path:(0,L.xD)(e.root,n.file),action:n.action,backup:n.backup&&(0,L.xD)(e.root,n.backup)}:null,hook:i?{mode:i.mode,path:ie(e.root,i.file),action:i.action,chainedTo:i.chain?ie(e.root,i.chain.to):null,notes:i.notes}:null,workflows:N??null,check:j?.json??null,warnings:F,next:R}}}s(he,"initOnce");function _e(e){const t=e["no-hook"]===!0,n=e["hook-only"]===!0;if(t&&n)throw new b.eb("init: --no-hook and --hook-only contradict each other",{fix:"give at most one of them"});return{force:e.force===!0,config:!n,hook:!t,workflows:e.workflows===!0,dryRun:e["dry-run"]===!0,baseline:e.baseline===!0}}s(_e,"readOptions");function De(e,t,n){const i=(0,L.LI)(e,p.tF,{what:"config path"}),o=W(n);let r;try{r=g().readFileSync(i,"utf8")}catch(c){if(c.code!=="ENOENT")throw new b.eb(`cannot read the existing ${p.tF}: ${c.message}`,{fix:"check the file's permissions"})}if(r===void 0)return{file:i,action:"created",content:o};if(r===o)return{file:i,action:"unchanged",content:o};if(!t)return{file:i,action:"kept",content:r};const h=new Date().toISOString().replace(/[:.]/g,"-");return{file:i,action:"replaced",content:o,backup:`${i}.${h}.bak`}}s(De,"planConfig");async function Ce(e,t){if(!t||t.action==="kept")return(await(0,H.Z)(e)).config;const{config:n,findings:i}=(0,k.validateConfigText)(t.content,p.tF);if(!n)throw new Error(`the starter config does not validate: ${i.map(o=>o.message).join("; ")}`);return n}s(Ce,"configForWorkflows");async function Ne(e){if(!(e.action==="unchanged"||e.action==="kept")){try{await g().promises.mkdir(f().dirname(e.file),{recursive:!0}),e.backup&&await(0,V.Zf)(e.backup,await g().promises.readFile(e.file))}catch(t){throw new b.eG(`could not prepare ${p.tF}: ${t.message}`,{fix:"check that .integrity-guard/ is writable; the existing config was not changed"})}await(0,V.Zf)(e.file,e.content)}}s(Ne,"applyConfigPlan");function Ae(e,t,n){const i=(0,L.xD)(e,t.file);switch(t.action){case"created":return`${n?"would write":"wrote"} the starter config ${i}`;case"replaced":return`${n?"would replace":"replaced"} ${i} with the starter config (the old one ${n?"would be":"is"} kept as ${(0,L.xD)(e,t.backup)})`;case"unchanged":return`${i} is already the starter config: unchanged`;case"kept":return`${i} exists: left as it is (\`integrity-guard init --force\` replaces it with the starter, keeping the old one as a .bak)`}}s(Ae,"describeConfigPlan");function Me(e){if(e?.action!=="kept")return[];const{config:t,findings:n}=(0,k.validateConfigText)(e.content,p.tF);if(t)return[];const i=n[0];return[`${p.tF} does not validate${i?` (${i.line?`line ${i.line}: `:""}${i.message})`:""}; fix it, or replace it with the starter: integrity-guard init --force`]}s(Me,"keptConfigWarnings");function ie(e,t){const n=(0,L.xD)(e,t);return n.startsWith("..")?t:n}s(ie,"displayPath");function fe(e,t,n){return`
${ie(e,t)}:
${n.replace(/\n$/,"").replace(/^/gm,"  | ")}`}s(fe,"showFile");function Pe(e,t){return g().existsSync(f().join(e,"node_modules/.bin/integrity-guard"))?[]:(t.PATH??"").split(f().delimiter).some(i=>i!==""&&Re(f().join(i,"integrity-guard")))?[]:["integrity-guard is neither in node_modules/.bin nor on PATH, so the hook will block every commit until it is installed: npm install --save-dev integrity-guard"]}s(Pe,"toolWarnings");function Le(e,t,n,i){const o=[];return e&&(e.action==="created"||e.action==="replaced")&&o.push(`map your JSON/YAML files to JSON Schemas in ${p.tF} (validate.schemas), then commit it`),i?.recorded?o.push(`review and commit ${O.CM}; \`npx integrity-guard baseline\` lists what it exempts`):i&&i.failing>0&&o.push(`fix the ${i.failing} failing file(s), or record them as known broken (CI's check fails until then): npx integrity-guard baseline --update`),i||o.push("check the whole tree once: npx integrity-guard check"),t&&(o.push("from now on `git commit` checks the staged JSON/YAML; to bypass once, at your own risk: git commit --no-verify"),t.mode==="git"&&t.file.startsWith(n+f().sep)&&o.push("hooks inside .git/ are not shared by git: each clone runs `npx integrity-guard init --hook-only` once (or use husky)")),o}s(Le,"nextSteps");function Re(e){try{return g().accessSync(e,g().constants.X_OK),g().statSync(e).isFile()}catch{return!1}}s(Re,"init_isExecutable");const Ie=5;async function Te(e,t,n){const i=t?.action==="created"||t?.action==="replaced";if(!i&&!n.baseline)return;let o;try{o=i?We(t.content):e.loaded}catch(u){const z=`the whole tree was not checked: the config does not load (${u.message})`;if(n.baseline)throw u;return{lines:[],warnings:[z],failing:0,recorded:!1,json:{checked:!1,reason:z}}}const{recordBaseline:r,describeRecorded:h}=await Promise.all([a.e(3353),a.e(326),a.e(3663),a.e(5025),a.e(1884)]).then(a.bind(a,547)),c={...e,loaded:o},l=await r(c,{dryRun:n.dryRun||!n.baseline,noCache:n.dryRun}),N=(n.baseline?l.findings:l.raw).filter(u=>u.level!=="notice"),j=(0,U.eh)(N),F=new Set(N.filter(u=>u.file).map(u=>u.file)).size,R=(0,M.u)(N).slice(0,Ie),I=[];return j.errors+j.warnings===0&&(!n.baseline||l.files===0)?I.push("checked the whole tree: every file passes"):n.baseline?(I.push(...h(l,n.dryRun)),j.errors+j.warnings>0&&I.push(`${j.errors} error(s), ${j.warnings} warning(s) cannot be baselined (only parse/* and schema/* findings of one file can); they still fail:`,...R.map(u=>`    ${ge(u)} ${u.rule}: ${u.message}`))):I.push(`checked the whole tree: ${F} file(s) fail now (${j.errors} error(s), ${j.warnings} warning(s)); CI's \`integrity-guard check\` will fail on them. The worst:`,...R.map(u=>`    ${ge(u)} ${u.rule}: ${u.message}`),"  record them as known broken (each exempt only while unchanged): npx integrity-guard baseline --update, or npx integrity-guard init --baseline"),{lines:I,warnings:l.exitCode===2?["a check could not run on the whole tree: run `npx integrity-guard check` to see why"]:[],failing:F,recorded:n.baseline&&l.written,json:{checked:!0,files:F,errors:j.errors,warnings:j.warnings,worst:R.map(u=>({rule:u.rule,file:u.file??null,line:u.line??null,message:u.message})),baseline:n.baseline?{path:O.CM,files:l.files,findings:l.recorded,written:l.written}:null}}}s(Te,"checkTree");function We(e){const{config:t,findings:n}=(0,k.validateConfigText)(e,p.tF);if(!t)throw new Error(`the starter config does not validate: ${n.map(i=>i.message).join("; ")}`);return{config:t,path:p.tF,exists:!0}}s(We,"starterLoaded");function ge(e){return e.file?`${e.file}${e.line?`:${e.line}${e.column?`:${e.column}`:""}`:""}`:"(repository)"}s(ge,"where")}),4759:((Y,D,a)=>{a.d(D,{Az:s(()=>J,"Az"),gQ:s(()=>g,"gQ"),mB:s(()=>H,"mB")});var A=a(6085);const g=["**/*.jsonc","**/.vscode/*.json","**/tsconfig*.json","**/jsconfig*.json","**/devcontainer.json","**/.devcontainer.json","**/.devcontainer/**/*.json","**/.eslintrc.json","**/*language-configuration.json","**/*-color-theme.json","**/*-icon-theme.json","**/.babelrc.json","**/babel.config.json","**/appsettings*.json","**/launchSettings.json","**/bundleconfig.json","**/.markdownlint.json","**/turbo.json","**/nx.json","**/deno.json","**/tslint.json","**/api-extractor.json","**/cspell.json","**/.cspell.json","**/pyrightconfig.json","**/wrangler.json","**/aws-lambda-tools-defaults.json","**/.codesandbox/tasks.json","**/renovate.json","**/.renovaterc.json","**/asv.conf.json","**/JSLintNet.json","**/*.tsconfig.json","**/.oxlintrc.json","**/docfx.json"];function J(k,p){const $=k.toLowerCase();return $.endsWith(".yaml")||$.endsWith(".yml")?"yaml":$.endsWith(".jsonc")||p(k)?"jsonc":"json"}s(J,"formatForSelected");const f=["**/*.jsonc","**/.vscode/*.json","**/tsconfig*.json","**/jsconfig*.json","**/devcontainer.json","**/.devcontainer.json","**/.devcontainer/**/*.json","**/.eslintrc.json","**/*language-configuration.json","**/*-color-theme.json","**/*-icon-theme.json","**/.babelrc.json","**/babel.config.json"];function H(k){if(k===void 0)return M;if(!f.every(x=>k.includes(x)))return(0,A.jN)(k);const p=k.filter(x=>!g.includes(x));if(p.length===0)return M;const $=(0,A.jN)(p);return x=>M(x)||$(x)}s(H,"jsoncMatcher");const O=new Set(["devcontainer.json",".devcontainer.json",".eslintrc.json",".babelrc.json","babel.config.json","launchSettings.json","bundleconfig.json",".markdownlint.json","turbo.json","nx.json","deno.json","tslint.json","api-extractor.json","cspell.json",".cspell.json","pyrightconfig.json","wrangler.json","aws-lambda-tools-defaults.json","renovate.json",".renovaterc.json","asv.conf.json","JSLintNet.json",".oxlintrc.json","docfx.json"]),U=["language-configuration.json","-color-theme.json","-icon-theme.json",".tsconfig.json"];function M(k){const p=k.lastIndexOf("/"),$=k.slice(p+1);if($.endsWith(".jsonc"))return!0;if(!$.endsWith(".json"))return!1;if(O.has($)||$.startsWith("tsconfig")||$.startsWith("jsconfig")||$.startsWith("appsettings")||U.some(v=>$.endsWith(v)))return!0;const x=p<0?[]:k.slice(0,p).split("/"),C=x[x.length-1];return C===".vscode"||x.includes(".devcontainer")||C===".codesandbox"&&$==="tasks.json"}s(M,"isDefaultJsonc")}),7161:((Y,D,a)=>{a.d(D,{k:s(()=>$,"k")});var A=a(7598),g=a.n(A),J=a(1455),f=a.n(J),H=a(8161),O=a.n(H),U=a(6760),M=a.n(U),k=a(3916);const p=5e3;async function $(d,w,m={}){const y=await x(d,m);try{return await w()}finally{await y()}}s($,"withLock");async function x(d,w={}){const m=w.timeoutMs??1e4,y=w.staleMs??10*6e4,P=Date.now();await f().mkdir(M().dirname(d),{recursive:!0}).catch(T=>{throw G(d,T)});let K=1;for(;;){const T={pid:process.pid,host:O().hostname(),time:Date.now(),token:(0,A.randomUUID)()};if(await C(d,JSON.stringify(T)))return()=>X(d,T.token);const W=await S(d);if(W!==void 0&&await Z(d,W,y)){await v(d,W);continue}if(Date.now()-P>m){const b=_(W);throw new k.eG(`could not take the lock ${d} within ${m} ms${b?` (held by pid ${b.pid} on ${b.host})`:""}`,{fix:"wait for the other integrity-guard run to finish; if none is running, delete the lock file"})}await new Promise(b=>setTimeout(b,K)),K=Math.min(K*2,w.pollMaxMs??50)}}s(x,"acquireLock");async function C(d,w){let m;try{m=await f().open(d,"wx")}catch(y){if(y.code==="EEXIST")return!1;throw G(d,y)}try{await m.writeFile(w),await m.close()}catch(y){throw await m.close().catch(()=>{}),await f().rm(d,{force:!0}),G(d,y)}return!0}s(C,"tryCreate");async function v(d,w){const m=`${d}.takeover`;if(!await C(m,JSON.stringify({pid:process.pid,host:O().hostname(),time:Date.now()}))){try{const y=await f().stat(m);Date.now()-y.mtimeMs>p&&await f().rm(m,{force:!0})}catch{}return}try{await S(d)===w&&await f().rm(d,{force:!0})}finally{await f().rm(m,{force:!0})}}s(v,"takeOver");async function X(d,w){_(await S(d))?.token===w&&await f().rm(d,{force:!0})}s(X,"releaseOwn");async function S(d){try{return await f().readFile(d,"utf8")}catch{return}}s(S,"readRaw");function _(d){if(d!==void 0)try{return JSON.parse(d)}catch{return}}s(_,"parseInfo");async function Z(d,w,m){const y=_(w);if(!y)try{const P=await f().stat(d);return Date.now()-P.mtimeMs>2e3}catch{return!1}if(Date.now()-y.time>m)return!0;if(y.host!==O().hostname())return!1;try{return process.kill(y.pid,0),!1}catch(P){return P.code==="ESRCH"}}s(Z,"isStale");const Q={ENOSPC:{why:"the disk is full",fix:"free disk space, then run the command again"},EDQUOT:{why:"the disk quota is exceeded",fix:"free space within your quota, then run the command again"},EROFS:{why:"the file system is read-only",fix:"run integrity-guard where the repository's .git folder is writable (a read-only checkout cannot take locks)"},EACCES:{why:"permission denied",fix:"check the owner and permissions of that folder (ls -ld), or run as the repository's owner"},EPERM:{why:"permission denied",fix:"check the owner and permissions of that folder (ls -ld), or run as the repository's owner"},ENOTDIR:{why:"a path component is not a folder",fix:"remove the file that stands where that folder should be"}};function G(d,w){const m=w.code??"",y=Q[m];return new k.eG(`could not take the lock ${d}: ${y?.why??w.message}${y?` (${m})`:""}`,{fix:y?.fix??"check that folder, then run the command again",cause:w})}s(G,"lockError")})};export{He as id,Ue as ids,Ge as modules};
//# sourceMappingURL=3215.index.js.map
