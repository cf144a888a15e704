var ye=Object.defineProperty;var o=(W,x)=>ye(W,"name",{value:x,configurable:!0});const we=399,ke=[399],$e={7399:((W,x,c)=>{c.r(x),c.d(x,{command:o(()=>oe,"command")});var D=c(3024),l=c.n(D),L=c(6760),d=c.n(L),C=c(7523),S=c(8817),b=c(2143),p=c(4759);function $(){return p.gQ.map(e=>`    - "${e}"`).join(`
`)}o($,"jsoncLines");function g(){return`# integrity-guard configuration (the README describes every key; \`integrity-guard --help\`).
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
${$()}
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

# Config files checked together for conflicting keys; in precedence the last file wins.
# config:
#   files: ["config/*.yaml"]
#   precedence: ["config/system.yaml", "config/local.yaml"]
#   # Or, for a default + overlays layout (overrides intended; instead of precedence):
#   # layers: ["config/default.*", ["config/production.*", "config/staging.*"], "config/local.*"]

# Declared field mappings between state files (target field: source field).
# sync:
#   - source: { file: logs/contract_statuses.json, path: /contracts }
#     target: { file: fsm_state.json, path: /states }
#     fields: { status: status, progress_percentage: progress }

# Signed snapshot backups on an orphan branch (see \`integrity-guard snapshot --help\`).
# snapshots:
#   branch: integrity-snapshots
#   sign: { format: ssh, key: env:INTEGRITY_GUARD_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers }
#   sets:
#     hourly: { paths: ["data/"], keep: 24 }
`}o(g,"starterConfig");var m=c(3916),O=c(3059);const R="# integrity-guard-hook:",H="# >>> integrity-guard >>>",T="# <<< integrity-guard <<<",A=2,M=".local";function G(){return`ig_local=node_modules/.bin/integrity-guard
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
`}o(G,"localBinaryGuard");function J(){return`ig_bin=integrity-guard
${G()}if [ "$ig_bin" = integrity-guard ] && ! command -v integrity-guard >/dev/null 2>&1; then
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
`}o(J,"checkBlock");function I(){return`#!/bin/sh
# integrity-guard pre-commit hook, written by \`integrity-guard init\`.
# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify
${R} v${A}

# A pre-commit hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/pre-commit${M}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${J()}exit 0
`}o(I,"gitHookScript");function r(){return`${H} v${A} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${J()}${T}
`}o(r,"huskyBlock");function f(){return`#!/usr/bin/env sh
${r()}`}o(f,"huskyFile");function u(e){return e.includes(R)}o(u,"isOurGitHook");function h(e){const n=e.indexOf(H);if(n>=0){const i=e.indexOf(T,n);if(i>=0){let s=i+T.length;e[s]===`
`&&(s+=1);const a=e.slice(0,n)+r()+e.slice(s);return a===e?{text:a,action:"unchanged"}:{text:a,action:"updated"}}}if(/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(e))return{text:e,action:"present"};const t=e===""||e.endsWith(`
`)?"":`
`;return{text:e+t+(e===""?"":`
`)+r(),action:"appended"}}o(h,"mergeHuskyFile");var w=c(7336);const _=".husky";async function P(e){const n=e.root,t=await e.hooksPathSetting(),i=d().join(n,_),s=await e.hooksDir(),a=t===void 0||["local","worktree","command"].includes(t.scope),k=t!==void 0&&a&&(s===i||s===d().join(i,"_")),y=z(i)||te(n);if(k)return Z(n,[]);if(t!==void 0&&a)return Q(n,s,[`core.hooksPath is ${JSON.stringify(t.value)}: installing there.`]);if(y){const F=z(i)?`${_}/ exists`:"package.json lists husky";return Z(n,[`${F}, but husky is not active in this clone (core.hooksPath is not ${_}/_): run \`npx husky\` (or \`npm install\`, whose prepare script runs it) so git runs ${_}/pre-commit.`])}if(t!==void 0)throw new m.eb(`core.hooksPath is set in your ${t.scope} git config to ${JSON.stringify(t.value)}: installing the hook there would make it run in every repository`,{fix:`add \`integrity-guard check --staged\` to the pre-commit hook in ${t.value} yourself, or give this repository its own hooks folder (git config core.hooksPath .githooks) and run init again`});return Q(n,s,[])}o(P,"planHookInstall");async function N(e){if(e.action==="unchanged")return;try{await l().promises.mkdir(d().dirname(e.file),{recursive:!0})}catch(t){throw new m.eG(`could not create the hooks folder ${d().dirname(e.file)}: ${t.message}`,{fix:"check that the folder is writable (or that core.hooksPath names a folder you own)"})}if(e.chain){if(l().existsSync(e.chain.to))throw new m.eb(`${e.chain.to} appeared while installing; nothing was changed`);try{await l().promises.rename(e.chain.from,e.chain.to)}catch(t){throw new m.eG(`could not move the existing hook ${e.chain.from} to ${e.chain.to}: ${t.message}`,{fix:"check the permissions of the hooks folder; nothing was changed"})}}e.content!==void 0&&await(0,O.Zf)(e.file,e.content,{mode:493});const n=l().statSync(e.file).mode&4095;(n&73)!==73&&await l().promises.chmod(e.file,n|73).catch(t=>{throw new m.eG(`could not make ${e.file} executable: ${t.message}`,{fix:`chmod +x ${e.file}`})})}o(N,"applyHookPlan");function E(e,n,t){const i=v(e,n.file),s=o((k,y)=>t?y:k,"verb"),a=[];switch(n.action){case"created":a.push(`${s("created","would create")} the ${n.mode==="husky"?"husky":"git"} pre-commit hook ${i}`);break;case"updated":a.push(`${s("updated","would update")} the integrity-guard pre-commit hook in ${i}`);break;case"appended":a.push(`${s("added","would add")} integrity-guard to the existing husky hook ${i} (your lines run first)`);break;case"chained":a.push(`${s("moved","would move")} your existing pre-commit hook to ${v(e,n.chain.to)} and ${s("installed","install")} ${i}, which runs it first, then integrity-guard`);break;case"unchanged":a.push(`the pre-commit hook ${i} already runs integrity-guard: unchanged`);break}return[...a,...n.notes]}o(E,"describeHookPlan");function Z(e,n){const t=d().join(e,_,"pre-commit"),i=K(t);if(i===void 0)return{mode:"husky",file:t,action:"created",content:f(),notes:n};const s=h(i),a=B(t);return s.action==="present"||s.action==="unchanged"?(s.action==="present"&&n.push(`${v(e,t)} already calls integrity-guard by hand; left as it is.`),{mode:"husky",file:t,action:a?"unchanged":"updated",notes:n}):{mode:"husky",file:t,action:s.action,content:s.text,notes:n}}o(Z,"planHusky");function Q(e,n,t){const i=d().join(n,"pre-commit"),s=I();let a;try{a=l().lstatSync(i)}catch{return{mode:"git",file:i,action:"created",content:s,notes:t}}if(a.isDirectory())throw new m.eb(`${v(e,i)} is a folder, not a hook file`,{fix:"move it away, then run init again"});const k=K(i)??"";if(u(k))return a.isSymbolicLink()||k===s&&B(i)?{mode:"git",file:i,action:"unchanged",notes:t}:{mode:"git",file:i,action:"updated",content:s,notes:t};const y=i+M;if(l().existsSync(y)||ne(y))throw new m.eb(`${v(e,i)} is a pre-commit hook integrity-guard did not write, and ${v(e,y)} exists too`,{fix:`merge the two into ${v(e,y)} (ours runs it first), remove ${v(e,i)}, and run init again; or add \`integrity-guard check --staged\` to your hook by hand`});return t.push(`your previous hook is kept in ${v(e,y)} and still runs on every commit; if it fails, the commit is blocked as before.`),B(i)||t.push(`${v(e,y)} is not executable, so git was not running it, and it still will not run (chmod +x to enable it).`),{mode:"git",file:i,action:"chained",content:s,chain:{from:i,to:y},notes:t}}o(Q,"planGitHook");function te(e){const n=K(d().join(e,"package.json"));if(n===void 0)return!1;try{const t=JSON.parse(n),i=["dependencies","devDependencies"].map(a=>t[a]).map(a=>typeof a=="object"&&a!==null?a.husky:void 0).find(a=>a!==void 0);return i===void 0?!1:!(typeof t.husky=="object"&&t.husky!==null||typeof i=="string"&&/^[\^~=v]*[0-4]\./.test(i.trim()))}catch{return!1}}o(te,"usesHuskyPackage");function K(e){try{return l().readFileSync(e,"utf8")}catch{return}}o(K,"readText");function z(e){try{return l().statSync(e).isDirectory()}catch{return!1}}o(z,"isDir");function ne(e){try{return l().lstatSync(e).isSymbolicLink()}catch{return!1}}o(ne,"isSymlink");function B(e){try{return l().accessSync(e,l().constants.X_OK),!0}catch{return!1}}o(B,"isExecutable");function v(e,n){const t=(0,w.xD)(e,n);return t.startsWith("..")?n:t}o(v,"display");var ie=c(7161);const oe={name:"init",summary:"write a starter config and install the pre-commit hook (and, with --workflows, the GitHub workflows)",usage:"integrity-guard init [--force] [--no-hook | --hook-only] [--workflows] [--dry-run]",description:`
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

An existing config is never overwritten unless --force is given; the old one is then kept
beside it as config.yml.<time>.bak.`,examples:["npx integrity-guard init                 # starter config + pre-commit hook","npx integrity-guard init --hook-only     # another clone of a repository that has a config","npx integrity-guard init --dry-run       # show what would be written","npx integrity-guard init --workflows     # also the GitHub workflows (check, snapshots, restore)"],options:{force:{type:"boolean",description:"replace an existing config (the old one is kept as a .bak) and existing workflow files"},"no-hook":{type:"boolean",description:"write the config only; do not install the pre-commit hook"},"hook-only":{type:"boolean",description:"install the pre-commit hook only; leave the config alone"},workflows:{type:"boolean",description:"also write the GitHub workflows (.github/workflows/)"},"dry-run":{type:"boolean",description:"print what would be written, change nothing"}},run:se};async function se(e){const n=re(e.options);return n.dryRun?V(e,n):(0,ie.k)(d().join(e.git.stateDir(),"init.lock"),()=>V(e,n))}o(se,"runInit");async function V(e,n){const t=n.config?ae(e.root,n.force):void 0,i=n.hook?await P(e.git):void 0,s=n.workflows?await ce(e.root,t):void 0,{installWorkflows:a}=n.workflows?await c.e(886).then(c.bind(c,2886)):{installWorkflows:void 0},k=s&&a?await a(e.root,s,{force:n.force,dryRun:!0}):void 0,y=[],F=[];t&&y.push(le(e.root,t,n.dryRun)),i&&y.push(...E(e.root,i,n.dryRun));let U;n.dryRun?(t&&t.action!=="unchanged"&&F.push(q(e.root,t.file,t.content)),i?.content!==void 0&&F.push(q(e.root,i.file,i.content)),k&&y.push(...k.written.map(j=>`would write ${j}`),...k.notes)):(t&&await de(t),i&&await N(i),s&&a&&(U=await a(e.root,s,{force:n.force}),y.push(...U.written.map(j=>`wrote ${j}`),...U.notes)));const ee=i?ue(e.root,e.env):[],X=he(t,i,e.git.commonDir),ge=[...n.dryRun?["dry run: nothing was written."]:[],...y.map(j=>`- ${j}`),...F,...ee.map(j=>`warning: ${j}`),...X.length&&!n.dryRun?["","Next steps:",...X.map((j,me)=>`  ${me+1}. ${j}`)]:[]].join(`
`);return{findings:[],text:ge,json:{version:1,dryRun:n.dryRun,config:t?{path:(0,w.xD)(e.root,t.file),action:t.action,backup:t.backup&&(0,w.xD)(e.root,t.backup)}:null,hook:i?{mode:i.mode,path:Y(e.root,i.file),action:i.action,chainedTo:i.chain?Y(e.root,i.chain.to):null,notes:i.notes}:null,workflows:U??null,warnings:ee,next:X}}}o(V,"initOnce");function re(e){const n=e["no-hook"]===!0,t=e["hook-only"]===!0;if(n&&t)throw new m.eb("init: --no-hook and --hook-only contradict each other",{fix:"give at most one of them"});return{force:e.force===!0,config:!t,hook:!n,workflows:e.workflows===!0,dryRun:e["dry-run"]===!0}}o(re,"readOptions");function ae(e,n){const t=(0,w.LI)(e,b.tF,{what:"config path"}),i=g();let s;try{s=l().readFileSync(t,"utf8")}catch(k){if(k.code!=="ENOENT")throw new m.eb(`cannot read the existing ${b.tF}: ${k.message}`,{fix:"check the file's permissions"})}if(s===void 0)return{file:t,action:"created",content:i};if(s===i)return{file:t,action:"unchanged",content:i};if(!n)throw new m.eb(`${b.tF} already exists; init does not overwrite it`,{fix:"run `integrity-guard init --hook-only` to install only the hook, or `integrity-guard init --force` to replace the config with the starter (the old one is kept as a .bak)"});const a=new Date().toISOString().replace(/[:.]/g,"-");return{file:t,action:"replaced",content:i,backup:`${t}.${a}.bak`}}o(ae,"planConfig");async function ce(e,n){if(!n)return(await(0,C.Z)(e)).config;const{config:t,findings:i}=(0,S.validateConfigText)(n.content,b.tF);if(!t)throw new Error(`the starter config does not validate: ${i.map(s=>s.message).join("; ")}`);return t}o(ce,"configForWorkflows");async function de(e){if(e.action!=="unchanged"){try{await l().promises.mkdir(d().dirname(e.file),{recursive:!0}),e.backup&&await(0,O.Zf)(e.backup,await l().promises.readFile(e.file))}catch(n){throw new m.eG(`could not prepare ${b.tF}: ${n.message}`,{fix:"check that .integrity-guard/ is writable; the existing config was not changed"})}await(0,O.Zf)(e.file,e.content)}}o(de,"applyConfigPlan");function le(e,n,t){const i=(0,w.xD)(e,n.file);switch(n.action){case"created":return`${t?"would write":"wrote"} the starter config ${i}`;case"replaced":return`${t?"would replace":"replaced"} ${i} with the starter config (the old one ${t?"would be":"is"} kept as ${(0,w.xD)(e,n.backup)})`;case"unchanged":return`${i} is already the starter config: unchanged`}}o(le,"describeConfigPlan");function Y(e,n){const t=(0,w.xD)(e,n);return t.startsWith("..")?n:t}o(Y,"displayPath");function q(e,n,t){return`
${Y(e,n)}:
${t.replace(/\n$/,"").replace(/^/gm,"  | ")}`}o(q,"showFile");function ue(e,n){return l().existsSync(d().join(e,"node_modules/.bin/integrity-guard"))?[]:(n.PATH??"").split(d().delimiter).some(i=>i!==""&&fe(d().join(i,"integrity-guard")))?[]:["integrity-guard is neither in node_modules/.bin nor on PATH, so the hook will block every commit until it is installed: npm install --save-dev integrity-guard"]}o(ue,"toolWarnings");function he(e,n,t){const i=[];return e&&e.action!=="unchanged"&&i.push(`map your JSON/YAML files to JSON Schemas in ${b.tF} (validate.schemas), then commit it`),i.push("check the whole tree once: npx integrity-guard check"),n&&(i.push("from now on `git commit` checks the staged JSON/YAML; to bypass once, at your own risk: git commit --no-verify"),n.mode==="git"&&n.file.startsWith(t+d().sep)&&i.push("hooks inside .git/ are not shared by git: each clone runs `npx integrity-guard init --hook-only` once (or use husky)")),i}o(he,"nextSteps");function fe(e){try{return l().accessSync(e,l().constants.X_OK),l().statSync(e).isFile()}catch{return!1}}o(fe,"init_isExecutable")}),4759:((W,x,c)=>{c.d(x,{Az:o(()=>L,"Az"),gQ:o(()=>l,"gQ"),mB:o(()=>d,"mB")});var D=c(6085);const l=["**/*.jsonc","**/.vscode/*.json","**/tsconfig*.json","**/jsconfig*.json","**/devcontainer.json","**/.devcontainer.json","**/.devcontainer/**/*.json","**/.eslintrc.json","**/*language-configuration.json","**/*-color-theme.json","**/*-icon-theme.json","**/.babelrc.json","**/babel.config.json","**/appsettings*.json","**/launchSettings.json","**/bundleconfig.json","**/.markdownlint.json","**/turbo.json","**/nx.json","**/deno.json","**/tslint.json","**/api-extractor.json","**/cspell.json","**/.cspell.json","**/pyrightconfig.json","**/wrangler.json"];function L(p,$){const g=p.toLowerCase();return g.endsWith(".yaml")||g.endsWith(".yml")?"yaml":g.endsWith(".jsonc")||$(p)?"jsonc":"json"}o(L,"formatForSelected");function d(p){return p===void 0||p.length===l.length&&p.every(($,g)=>$===l[g])?b:(0,D.jN)(p)}o(d,"jsoncMatcher");const C=new Set(["devcontainer.json",".devcontainer.json",".eslintrc.json",".babelrc.json","babel.config.json","launchSettings.json","bundleconfig.json",".markdownlint.json","turbo.json","nx.json","deno.json","tslint.json","api-extractor.json","cspell.json",".cspell.json","pyrightconfig.json","wrangler.json"]),S=["language-configuration.json","-color-theme.json","-icon-theme.json"];function b(p){const $=p.lastIndexOf("/"),g=p.slice($+1);if(g.endsWith(".jsonc"))return!0;if(!g.endsWith(".json"))return!1;if(C.has(g)||g.startsWith("tsconfig")||g.startsWith("jsconfig")||g.startsWith("appsettings")||S.some(O=>g.endsWith(O)))return!0;const m=$<0?[]:p.slice(0,$).split("/");return m[m.length-1]===".vscode"||m.includes(".devcontainer")}o(b,"isDefaultJsonc")}),7161:((W,x,c)=>{c.d(x,{k:o(()=>m,"k")});var D=c(7598),l=c.n(D),L=c(1455),d=c.n(L),C=c(8161),S=c.n(C),b=c(6760),p=c.n(b),$=c(3916);const g=5e3;async function m(r,f,u={}){const h=await O(r,u);try{return await f()}finally{await h()}}o(m,"withLock");async function O(r,f={}){const u=f.timeoutMs??1e4,h=f.staleMs??10*6e4,w=Date.now();await d().mkdir(p().dirname(r),{recursive:!0}).catch(P=>{throw I(r,P)});let _=1;for(;;){const P={pid:process.pid,host:S().hostname(),time:Date.now(),token:(0,D.randomUUID)()};if(await R(r,JSON.stringify(P)))return()=>T(r,P.token);const N=await A(r);if(N!==void 0&&await G(r,N,h)){await H(r,N);continue}if(Date.now()-w>u){const E=M(N);throw new $.eG(`could not take the lock ${r} within ${u} ms${E?` (held by pid ${E.pid} on ${E.host})`:""}`,{fix:"wait for the other integrity-guard run to finish; if none is running, delete the lock file"})}await new Promise(E=>setTimeout(E,_)),_=Math.min(_*2,f.pollMaxMs??50)}}o(O,"acquireLock");async function R(r,f){let u;try{u=await d().open(r,"wx")}catch(h){if(h.code==="EEXIST")return!1;throw I(r,h)}try{await u.writeFile(f),await u.close()}catch(h){throw await u.close().catch(()=>{}),await d().rm(r,{force:!0}),I(r,h)}return!0}o(R,"tryCreate");async function H(r,f){const u=`${r}.takeover`;if(!await R(u,JSON.stringify({pid:process.pid,host:S().hostname(),time:Date.now()}))){try{const h=await d().stat(u);Date.now()-h.mtimeMs>g&&await d().rm(u,{force:!0})}catch{}return}try{await A(r)===f&&await d().rm(r,{force:!0})}finally{await d().rm(u,{force:!0})}}o(H,"takeOver");async function T(r,f){M(await A(r))?.token===f&&await d().rm(r,{force:!0})}o(T,"releaseOwn");async function A(r){try{return await d().readFile(r,"utf8")}catch{return}}o(A,"readRaw");function M(r){if(r!==void 0)try{return JSON.parse(r)}catch{return}}o(M,"parseInfo");async function G(r,f,u){const h=M(f);if(!h)try{const w=await d().stat(r);return Date.now()-w.mtimeMs>2e3}catch{return!1}if(Date.now()-h.time>u)return!0;if(h.host!==S().hostname())return!1;try{return process.kill(h.pid,0),!1}catch(w){return w.code==="ESRCH"}}o(G,"isStale");const J={ENOSPC:{why:"the disk is full",fix:"free disk space, then run the command again"},EDQUOT:{why:"the disk quota is exceeded",fix:"free space within your quota, then run the command again"},EROFS:{why:"the file system is read-only",fix:"run integrity-guard where the repository's .git folder is writable (a read-only checkout cannot take locks)"},EACCES:{why:"permission denied",fix:"check the owner and permissions of that folder (ls -ld), or run as the repository's owner"},EPERM:{why:"permission denied",fix:"check the owner and permissions of that folder (ls -ld), or run as the repository's owner"},ENOTDIR:{why:"a path component is not a folder",fix:"remove the file that stands where that folder should be"}};function I(r,f){const u=f.code??"",h=J[u];return new $.eG(`could not take the lock ${r}: ${h?.why??f.message}${h?` (${u})`:""}`,{fix:h?.fix??"check that folder, then run the command again",cause:f})}o(I,"lockError")})};export{we as id,ke as ids,$e as modules};
//# sourceMappingURL=399.index.js.map
