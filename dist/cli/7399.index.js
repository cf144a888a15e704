var ye=Object.defineProperty;var t=(W,M)=>ye(W,"name",{value:M,configurable:!0});const we=7399,ke=[7399],_e={7399:((W,M,r)=>{r.r(M),r.d(M,{command:t(()=>oe,"command")});var N=r(3024),u=r.n(N),L=r(6760),c=r.n(L),E=r(7523),R=r(8817),S=r(2143),$=r(4759);function v(){return $.gQ.map(e=>`    - "${e}"`).join(`
`)}t(v,"jsoncLines");function w(){return`# integrity-guard configuration (the README describes every key; \`integrity-guard --help\`).
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
${v()}
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
`}t(w,"starterConfig");var k=r(3916),b=r(3059);const x="# integrity-guard-hook:",h="# >>> integrity-guard >>>",g="# <<< integrity-guard <<<",s=2,a=".local";function l(){return`ig_local=node_modules/.bin/integrity-guard
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
`}t(l,"localBinaryGuard");function D(){return`ig_bin=integrity-guard
${l()}if [ "$ig_bin" = integrity-guard ] && ! command -v integrity-guard >/dev/null 2>&1; then
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
`}t(D,"checkBlock");function O(){return`#!/bin/sh
# integrity-guard pre-commit hook, written by \`integrity-guard init\`.
# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify
${x} v${s}

# A pre-commit hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/pre-commit${a}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${D()}exit 0
`}t(O,"gitHookScript");function d(){return`${h} v${s} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${D()}${g}
`}t(d,"huskyBlock");function p(){return`#!/usr/bin/env sh
${d()}`}t(p,"huskyFile");function y(e){return e.includes(x)}t(y,"isOurGitHook");function _(e){const i=e.indexOf(h);if(i>=0){const o=e.indexOf(g,i);if(o>=0){let f=o+g.length;e[f]===`
`&&(f+=1);const m=e.slice(0,i)+d()+e.slice(f);return m===e?{text:m,action:"unchanged"}:{text:m,action:"updated"}}}if(/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(e))return{text:e,action:"present"};const n=e===""||e.endsWith(`
`)?"":`
`;return{text:e+n+(e===""?"":`
`)+d(),action:"appended"}}t(_,"mergeHuskyFile");var j=r(7336);const A=".husky";async function B(e){const i=e.root,n=await e.hooksPathSetting(),o=c().join(i,A),f=await e.hooksDir(),m=n===void 0||["local","worktree","command"].includes(n.scope),T=n!==void 0&&m&&(f===o||f===c().join(o,"_")),P=Q(o)||te(i);if(T)return Z(i,[]);if(n!==void 0&&m)return X(i,f,[`core.hooksPath is ${JSON.stringify(n.value)}: installing there.`]);if(P){const K=Q(o)?`${A}/ exists`:"package.json lists husky";return Z(i,[`${K}, but husky is not active in this clone (core.hooksPath is not ${A}/_): run \`npx husky\` (or \`npm install\`, whose prepare script runs it) so git runs ${A}/pre-commit.`])}if(n!==void 0)throw new k.eb(`core.hooksPath is set in your ${n.scope} git config to ${JSON.stringify(n.value)}: installing the hook there would make it run in every repository`,{fix:`add \`integrity-guard check --staged\` to the pre-commit hook in ${n.value} yourself, or give this repository its own hooks folder (git config core.hooksPath .githooks) and run init again`});return X(i,f,[])}t(B,"planHookInstall");async function J(e){if(e.action==="unchanged")return;try{await u().promises.mkdir(c().dirname(e.file),{recursive:!0})}catch(n){throw new k.eG(`could not create the hooks folder ${c().dirname(e.file)}: ${n.message}`,{fix:"check that the folder is writable (or that core.hooksPath names a folder you own)"})}if(e.chain){if(u().existsSync(e.chain.to))throw new k.eb(`${e.chain.to} appeared while installing; nothing was changed`);try{await u().promises.rename(e.chain.from,e.chain.to)}catch(n){throw new k.eG(`could not move the existing hook ${e.chain.from} to ${e.chain.to}: ${n.message}`,{fix:"check the permissions of the hooks folder; nothing was changed"})}}e.content!==void 0&&await(0,b.Zf)(e.file,e.content,{mode:493});const i=u().statSync(e.file).mode&4095;(i&73)!==73&&await u().promises.chmod(e.file,i|73).catch(n=>{throw new k.eG(`could not make ${e.file} executable: ${n.message}`,{fix:`chmod +x ${e.file}`})})}t(J,"applyHookPlan");function U(e,i,n){const o=C(e,i.file),f=t((T,P)=>n?P:T,"verb"),m=[];switch(i.action){case"created":m.push(`${f("created","would create")} the ${i.mode==="husky"?"husky":"git"} pre-commit hook ${o}`);break;case"updated":m.push(`${f("updated","would update")} the integrity-guard pre-commit hook in ${o}`);break;case"appended":m.push(`${f("added","would add")} integrity-guard to the existing husky hook ${o} (your lines run first)`);break;case"chained":m.push(`${f("moved","would move")} your existing pre-commit hook to ${C(e,i.chain.to)} and ${f("installed","install")} ${o}, which runs it first, then integrity-guard`);break;case"unchanged":m.push(`the pre-commit hook ${o} already runs integrity-guard: unchanged`);break}return[...m,...i.notes]}t(U,"describeHookPlan");function Z(e,i){const n=c().join(e,A,"pre-commit"),o=H(n);if(o===void 0)return{mode:"husky",file:n,action:"created",content:p(),notes:i};const f=_(o),m=G(n);return f.action==="present"||f.action==="unchanged"?(f.action==="present"&&i.push(`${C(e,n)} already calls integrity-guard by hand; left as it is.`),{mode:"husky",file:n,action:m?"unchanged":"updated",notes:i}):{mode:"husky",file:n,action:f.action,content:f.text,notes:i}}t(Z,"planHusky");function X(e,i,n){const o=c().join(i,"pre-commit"),f=O();let m;try{m=u().lstatSync(o)}catch{return{mode:"git",file:o,action:"created",content:f,notes:n}}if(m.isDirectory())throw new k.eb(`${C(e,o)} is a folder, not a hook file`,{fix:"move it away, then run init again"});const T=H(o)??"";if(y(T))return m.isSymbolicLink()||T===f&&G(o)?{mode:"git",file:o,action:"unchanged",notes:n}:{mode:"git",file:o,action:"updated",content:f,notes:n};const P=o+a;if(u().existsSync(P)||ne(P))throw new k.eb(`${C(e,o)} is a pre-commit hook integrity-guard did not write, and ${C(e,P)} exists too`,{fix:`merge the two into ${C(e,P)} (ours runs it first), remove ${C(e,o)}, and run init again; or add \`integrity-guard check --staged\` to your hook by hand`});return n.push(`your previous hook is kept in ${C(e,P)} and still runs on every commit; if it fails, the commit is blocked as before.`),G(o)||n.push(`${C(e,P)} is not executable, so git was not running it, and it still will not run (chmod +x to enable it).`),{mode:"git",file:o,action:"chained",content:f,chain:{from:o,to:P},notes:n}}t(X,"planGitHook");function te(e){const i=H(c().join(e,"package.json"));if(i===void 0)return!1;try{const n=JSON.parse(i),o=["dependencies","devDependencies"].map(m=>n[m]).map(m=>typeof m=="object"&&m!==null?m.husky:void 0).find(m=>m!==void 0);return o===void 0?!1:!(typeof n.husky=="object"&&n.husky!==null||typeof o=="string"&&/^[\^~=v]*[0-4]\./.test(o.trim()))}catch{return!1}}t(te,"usesHuskyPackage");function H(e){try{return u().readFileSync(e,"utf8")}catch{return}}t(H,"readText");function Q(e){try{return u().statSync(e).isDirectory()}catch{return!1}}t(Q,"isDir");function ne(e){try{return u().lstatSync(e).isSymbolicLink()}catch{return!1}}t(ne,"isSymlink");function G(e){try{return u().accessSync(e,u().constants.X_OK),!0}catch{return!1}}t(G,"isExecutable");function C(e,i){const n=(0,j.xD)(e,i);return n.startsWith("..")?i:n}t(C,"display");var ie=r(7161);const oe={name:"init",summary:"write a starter config and install the pre-commit hook (and, with --workflows, the GitHub workflows)",usage:"integrity-guard init [--force] [--no-hook | --hook-only] [--workflows] [--dry-run]",description:`
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
beside it as config.yml.<time>.bak.`,examples:["npx integrity-guard init                 # starter config + pre-commit hook","npx integrity-guard init --hook-only     # another clone of a repository that has a config","npx integrity-guard init --dry-run       # show what would be written","npx integrity-guard init --workflows     # also the GitHub workflows (check, snapshots, restore)"],options:{force:{type:"boolean",description:"replace an existing config (the old one is kept as a .bak) and existing workflow files"},"no-hook":{type:"boolean",description:"write the config only; do not install the pre-commit hook"},"hook-only":{type:"boolean",description:"install the pre-commit hook only; leave the config alone"},workflows:{type:"boolean",description:"also write the GitHub workflows (.github/workflows/)"},"dry-run":{type:"boolean",description:"print what would be written, change nothing"}},run:se};async function se(e){const i=re(e.options);return i.dryRun?V(e,i):(0,ie.k)(c().join(e.git.stateDir(),"init.lock"),()=>V(e,i))}t(se,"runInit");async function V(e,i){const n=i.config?ae(e.root,i.force):void 0,o=i.hook?await B(e.git):void 0,f=i.workflows?await ce(e.root,n):void 0,{installWorkflows:m}=i.workflows?await r.e(2886).then(r.bind(r,2886)):{installWorkflows:void 0},T=f&&m?await m(e.root,f,{force:i.force,dryRun:!0}):void 0,P=[],K=[];n&&P.push(le(e.root,n,i.dryRun)),o&&P.push(...U(e.root,o,i.dryRun));let F;i.dryRun?(n&&n.action!=="unchanged"&&K.push(q(e.root,n.file,n.content)),o?.content!==void 0&&K.push(q(e.root,o.file,o.content)),T&&P.push(...T.written.map(I=>`would write ${I}`),...T.notes)):(n&&await de(n),o&&await J(o),f&&m&&(F=await m(e.root,f,{force:i.force}),P.push(...F.written.map(I=>`wrote ${I}`),...F.notes)));const ee=o?he(e.root,e.env):[],z=ue(n,o,e.git.commonDir),ge=[...i.dryRun?["dry run: nothing was written."]:[],...P.map(I=>`- ${I}`),...K,...ee.map(I=>`warning: ${I}`),...z.length&&!i.dryRun?["","Next steps:",...z.map((I,me)=>`  ${me+1}. ${I}`)]:[]].join(`
`);return{findings:[],text:ge,json:{version:1,dryRun:i.dryRun,config:n?{path:(0,j.xD)(e.root,n.file),action:n.action,backup:n.backup&&(0,j.xD)(e.root,n.backup)}:null,hook:o?{mode:o.mode,path:Y(e.root,o.file),action:o.action,chainedTo:o.chain?Y(e.root,o.chain.to):null,notes:o.notes}:null,workflows:F??null,warnings:ee,next:z}}}t(V,"initOnce");function re(e){const i=e["no-hook"]===!0,n=e["hook-only"]===!0;if(i&&n)throw new k.eb("init: --no-hook and --hook-only contradict each other",{fix:"give at most one of them"});return{force:e.force===!0,config:!n,hook:!i,workflows:e.workflows===!0,dryRun:e["dry-run"]===!0}}t(re,"readOptions");function ae(e,i){const n=(0,j.LI)(e,S.tF,{what:"config path"}),o=w();let f;try{f=u().readFileSync(n,"utf8")}catch(T){if(T.code!=="ENOENT")throw new k.eb(`cannot read the existing ${S.tF}: ${T.message}`,{fix:"check the file's permissions"})}if(f===void 0)return{file:n,action:"created",content:o};if(f===o)return{file:n,action:"unchanged",content:o};if(!i)throw new k.eb(`${S.tF} already exists; init does not overwrite it`,{fix:"run `integrity-guard init --hook-only` to install only the hook, or `integrity-guard init --force` to replace the config with the starter (the old one is kept as a .bak)"});const m=new Date().toISOString().replace(/[:.]/g,"-");return{file:n,action:"replaced",content:o,backup:`${n}.${m}.bak`}}t(ae,"planConfig");async function ce(e,i){if(!i)return(await(0,E.Z)(e)).config;const{config:n,findings:o}=(0,R.validateConfigText)(i.content,S.tF);if(!n)throw new Error(`the starter config does not validate: ${o.map(f=>f.message).join("; ")}`);return n}t(ce,"configForWorkflows");async function de(e){if(e.action!=="unchanged"){try{await u().promises.mkdir(c().dirname(e.file),{recursive:!0}),e.backup&&await(0,b.Zf)(e.backup,await u().promises.readFile(e.file))}catch(i){throw new k.eG(`could not prepare ${S.tF}: ${i.message}`,{fix:"check that .integrity-guard/ is writable; the existing config was not changed"})}await(0,b.Zf)(e.file,e.content)}}t(de,"applyConfigPlan");function le(e,i,n){const o=(0,j.xD)(e,i.file);switch(i.action){case"created":return`${n?"would write":"wrote"} the starter config ${o}`;case"replaced":return`${n?"would replace":"replaced"} ${o} with the starter config (the old one ${n?"would be":"is"} kept as ${(0,j.xD)(e,i.backup)})`;case"unchanged":return`${o} is already the starter config: unchanged`}}t(le,"describeConfigPlan");function Y(e,i){const n=(0,j.xD)(e,i);return n.startsWith("..")?i:n}t(Y,"displayPath");function q(e,i,n){return`
${Y(e,i)}:
${n.replace(/\n$/,"").replace(/^/gm,"  | ")}`}t(q,"showFile");function he(e,i){return u().existsSync(c().join(e,"node_modules/.bin/integrity-guard"))?[]:(i.PATH??"").split(c().delimiter).some(o=>o!==""&&fe(c().join(o,"integrity-guard")))?[]:["integrity-guard is neither in node_modules/.bin nor on PATH, so the hook will block every commit until it is installed: npm install --save-dev integrity-guard"]}t(he,"toolWarnings");function ue(e,i,n){const o=[];return e&&e.action!=="unchanged"&&o.push(`map your JSON/YAML files to JSON Schemas in ${S.tF} (validate.schemas), then commit it`),o.push("check the whole tree once: npx integrity-guard check"),i&&(o.push("from now on `git commit` checks the staged JSON/YAML; to bypass once, at your own risk: git commit --no-verify"),i.mode==="git"&&i.file.startsWith(n+c().sep)&&o.push("hooks inside .git/ are not shared by git: each clone runs `npx integrity-guard init --hook-only` once (or use husky)")),o}t(ue,"nextSteps");function fe(e){try{return u().accessSync(e,u().constants.X_OK),u().statSync(e).isFile()}catch{return!1}}t(fe,"init_isExecutable")}),6085:((W,M,r)=>{r.d(M,{gu:t(()=>L,"gu"),jN:t(()=>E,"jN")});var N=r(4006),u=r.n(N);const L=Object.freeze({dot:!0,flags:"s"}),c=new Map;function E(S){if(!S||S.length===0)return()=>!1;const $=S.join("\0");let v=c.get($);if(!v){const w=S.map(k=>k.endsWith("/")?k+"**":k);v=u()(w,{...L}),c.set($,v)}return v}t(E,"matcher");function R(S,$){return E(S)($)}t(R,"matches")}),4759:((W,M,r)=>{r.d(M,{Az:t(()=>L,"Az"),gQ:t(()=>u,"gQ"),mB:t(()=>c,"mB")});var N=r(6085);const u=["**/*.jsonc","**/.vscode/*.json","**/tsconfig*.json","**/jsconfig*.json","**/devcontainer.json","**/.devcontainer.json","**/.devcontainer/**/*.json","**/.eslintrc.json","**/*language-configuration.json","**/*-color-theme.json","**/*-icon-theme.json","**/.babelrc.json","**/babel.config.json","**/appsettings*.json","**/launchSettings.json","**/bundleconfig.json","**/.markdownlint.json","**/turbo.json","**/nx.json","**/deno.json","**/tslint.json","**/api-extractor.json","**/cspell.json","**/.cspell.json","**/pyrightconfig.json","**/wrangler.json"];function L($,v){const w=$.toLowerCase();return w.endsWith(".yaml")||w.endsWith(".yml")?"yaml":w.endsWith(".jsonc")||v($)?"jsonc":"json"}t(L,"formatForSelected");function c($){return $===void 0||$.length===u.length&&$.every((v,w)=>v===u[w])?S:(0,N.jN)($)}t(c,"jsoncMatcher");const E=new Set(["devcontainer.json",".devcontainer.json",".eslintrc.json",".babelrc.json","babel.config.json","launchSettings.json","bundleconfig.json",".markdownlint.json","turbo.json","nx.json","deno.json","tslint.json","api-extractor.json","cspell.json",".cspell.json","pyrightconfig.json","wrangler.json"]),R=["language-configuration.json","-color-theme.json","-icon-theme.json"];function S($){const v=$.lastIndexOf("/"),w=$.slice(v+1);if(w.endsWith(".jsonc"))return!0;if(!w.endsWith(".json"))return!1;if(E.has(w)||w.startsWith("tsconfig")||w.startsWith("jsconfig")||w.startsWith("appsettings")||R.some(b=>w.endsWith(b)))return!0;const k=v<0?[]:$.slice(0,v).split("/");return k[k.length-1]===".vscode"||k.includes(".devcontainer")}t(S,"isDefaultJsonc")}),1387:((W,M,r)=>{r.d(M,{Bh:t(()=>u,"Bh"),DZ:t(()=>w,"DZ"),E$:t(()=>S,"E$"),IP:t(()=>c,"IP"),SB:t(()=>$,"SB"),Sk:t(()=>b,"Sk"),dE:t(()=>R,"dE"),sT:t(()=>x,"sT")});var N=r(2483);const u=".integrity-snapshot/manifest.json",L=".integrity-snapshot";function c(h){const g={};for(const s of Object.keys(h.files).sort(E)){const a=h.files[s];g[s]={sha256:a.sha256,size:a.size,mode:a.mode}}return JSON.stringify({version:1,set:h.set,paths:[...h.paths],files:g},null,1)+`
`}t(c,"serializeSnapshotManifest");function E(h,g){return h<g?-1:h>g?1:0}t(E,"comparePaths");function R(h){let g;try{g=JSON.parse(h)}catch(a){return`not valid JSON (${a.message})`}if(!v(g)||g.version!==1)return'missing "version": 1';if(typeof g.set!="string")return'missing "set"';if(!Array.isArray(g.paths)||!g.paths.every(a=>typeof a=="string"))return'"paths" is not a list of strings';if(!v(g.files))return'"files" is not an object';const s={};for(const[a,l]of Object.entries(g.files)){if(!v(l)||typeof l.sha256!="string"||!/^[0-9a-f]{64}$/.test(l.sha256))return`file ${JSON.stringify(a)}: bad sha256`;if(typeof l.size!="number"||!Number.isSafeInteger(l.size)||l.size<0)return`file ${JSON.stringify(a)}: bad size`;if(l.mode!=="100644"&&l.mode!=="100755")return`file ${JSON.stringify(a)}: bad mode`;s[a]={sha256:l.sha256,size:l.size,mode:l.mode}}return{version:1,set:g.set,paths:g.paths,files:s}}t(R,"parseSnapshotManifest");function S(h){if(h.length===0)return"empty path";if(h.includes("\0"))return"contains a NUL byte";const g=(0,N.Vr)(h);if(g)return g;if(h.startsWith("\\"))return"starts with a backslash";if(h.startsWith("/")||/^[A-Za-z]:/.test(h))return"absolute path";const s=h.split("/");if(s.some(a=>a===""||a==="."||a===".."))return"contains an empty, '.' or '..' segment";if(s.some(a=>a.toLowerCase()===".git"))return"inside a .git folder";if(s[0]===L)return"inside the snapshot's own metadata folder"}t(S,"unsafeSnapshotPath");function $(h,g){const s=g.replace(/\/+$/,"");return h===s||h.startsWith(s+"/")}t($,"inScope");function v(h){return typeof h=="object"&&h!==null&&!Array.isArray(h)}t(v,"isObject");const w=":(literal)",k=/[*?[\]{}!]/;function b(h){return h.startsWith(w)?{path:h.slice(w.length),glob:!1}:{path:h,glob:k.test(h)}}t(b,"parseScope");function x(h){return k.test(h)?w+h:h}t(x,"literalScope")}),3059:((W,M,r)=>{r.d(M,{B7:t(()=>v,"B7"),Zf:t(()=>$,"Zf"),t_:t(()=>w,"t_")});var N=r(1455),u=r.n(N),L=r(6760),c=r.n(L),E=r(7598),R=r.n(E),S=r(3916);async function $(b,x,h={}){const g=c().dirname(b),s=c().join(g,`.${c().basename(b)}.${process.pid}.${R().randomBytes(4).toString("hex")}.tmp`);let a=h.mode??420;try{a=(await u().stat(b)).mode&4095}catch{}try{await v(s,b,x,a)}catch(l){throw k(b,l)}await w(g)}t($,"writeFileAtomic");async function v(b,x,h,g){let s;try{s=await u().open(b,"wx",g),await s.writeFile(h),await s.sync(),await s.close(),s=void 0,await u().rename(b,x)}catch(a){throw await s?.close().catch(()=>{}),await u().rm(b,{force:!0}).catch(()=>{}),a}}t(v,"writeThroughTemp");async function w(b){let x;try{x=await u().open(b,"r"),await x.sync()}catch{}finally{await x?.close().catch(()=>{})}}t(w,"fsyncDir");function k(b,x){const h=x,g={ENOSPC:"the disk is full",EDQUOT:"the disk quota is exceeded",EACCES:"permission denied",EPERM:"permission denied",EROFS:"the file system is read-only",ENOENT:"the folder does not exist"};return new S.eG(`could not write ${b}: ${g[h.code??""]??h.message}; the previous content is unchanged`,{fix:h.code==="ENOSPC"||h.code==="EDQUOT"?"free disk space and run the command again":"check the folder's permissions and run the command again",cause:x})}t(k,"writeError")}),7161:((W,M,r)=>{r.d(M,{k:t(()=>k,"k")});var N=r(7598),u=r.n(N),L=r(1455),c=r.n(L),E=r(8161),R=r.n(E),S=r(6760),$=r.n(S),v=r(3916);const w=5e3;async function k(d,p,y={}){const _=await b(d,y);try{return await p()}finally{await _()}}t(k,"withLock");async function b(d,p={}){const y=p.timeoutMs??1e4,_=p.staleMs??10*6e4,j=Date.now();await c().mkdir($().dirname(d),{recursive:!0}).catch(B=>{throw O(d,B)});let A=1;for(;;){const B={pid:process.pid,host:R().hostname(),time:Date.now(),token:(0,N.randomUUID)()};if(await x(d,JSON.stringify(B)))return()=>g(d,B.token);const J=await s(d);if(J!==void 0&&await l(d,J,_)){await h(d,J);continue}if(Date.now()-j>y){const U=a(J);throw new v.eG(`could not take the lock ${d} within ${y} ms${U?` (held by pid ${U.pid} on ${U.host})`:""}`,{fix:"wait for the other integrity-guard run to finish; if none is running, delete the lock file"})}await new Promise(U=>setTimeout(U,A)),A=Math.min(A*2,p.pollMaxMs??50)}}t(b,"acquireLock");async function x(d,p){let y;try{y=await c().open(d,"wx")}catch(_){if(_.code==="EEXIST")return!1;throw O(d,_)}try{await y.writeFile(p),await y.close()}catch(_){throw await y.close().catch(()=>{}),await c().rm(d,{force:!0}),O(d,_)}return!0}t(x,"tryCreate");async function h(d,p){const y=`${d}.takeover`;if(!await x(y,JSON.stringify({pid:process.pid,host:R().hostname(),time:Date.now()}))){try{const _=await c().stat(y);Date.now()-_.mtimeMs>w&&await c().rm(y,{force:!0})}catch{}return}try{await s(d)===p&&await c().rm(d,{force:!0})}finally{await c().rm(y,{force:!0})}}t(h,"takeOver");async function g(d,p){a(await s(d))?.token===p&&await c().rm(d,{force:!0})}t(g,"releaseOwn");async function s(d){try{return await c().readFile(d,"utf8")}catch{return}}t(s,"readRaw");function a(d){if(d!==void 0)try{return JSON.parse(d)}catch{return}}t(a,"parseInfo");async function l(d,p,y){const _=a(p);if(!_)try{const j=await c().stat(d);return Date.now()-j.mtimeMs>2e3}catch{return!1}if(Date.now()-_.time>y)return!0;if(_.host!==R().hostname())return!1;try{return process.kill(_.pid,0),!1}catch(j){return j.code==="ESRCH"}}t(l,"isStale");const D={ENOSPC:{why:"the disk is full",fix:"free disk space, then run the command again"},EDQUOT:{why:"the disk quota is exceeded",fix:"free space within your quota, then run the command again"},EROFS:{why:"the file system is read-only",fix:"run integrity-guard where the repository's .git folder is writable (a read-only checkout cannot take locks)"},EACCES:{why:"permission denied",fix:"check the owner and permissions of that folder (ls -ld), or run as the repository's owner"},EPERM:{why:"permission denied",fix:"check the owner and permissions of that folder (ls -ld), or run as the repository's owner"},ENOTDIR:{why:"a path component is not a folder",fix:"remove the file that stands where that folder should be"}};function O(d,p){const y=p.code??"",_=D[y];return new v.eG(`could not take the lock ${d}: ${_?.why??p.message}${_?` (${y})`:""}`,{fix:_?.fix??"check that folder, then run the command again",cause:p})}t(O,"lockError")}),7336:((W,M,r)=>{r.d(M,{Bp:t(()=>$,"Bp"),LI:t(()=>v,"LI"),Ud:t(()=>b,"Ud"),xD:t(()=>w,"xD")});var N=r(3024),u=r.n(N),L=r(6760),c=r.n(L),E=r(3916),R=r(2483),S=r(1387);function $(s,a="path",l={}){if(s.includes("\0"))throw new E.k0(`${a} ${JSON.stringify(s)} contains a NUL byte`);if(l.gitName&&s.startsWith("\\"))throw new E.k0(`${a} ${JSON.stringify(s)} starts with a backslash`);const D=l.gitName?s:s.replace(/\\/g,"/");if(D.startsWith("/")||/^[A-Za-z]:\//.test(D))throw new E.k0(`${a} ${JSON.stringify(s)} is absolute; only paths inside the repository are allowed`,{fix:"use a path relative to the repository root"});const O=D.split("/").filter(d=>d!==""&&d!==".");if(O.includes(".."))throw new E.k0(`${a} ${JSON.stringify(s)} contains "..", which could leave the repository`,{fix:"use a path relative to the repository root without .."});if(O.length===0)throw new E.k0(`${a} ${JSON.stringify(s)} is empty`);return O.join("/")}t($,"checkRelative");function v(s,a,l={}){const D=$(a,l.what,{gitName:l.gitName===!0}),O=c().join(s,D),d=u().realpathSync(s),p=c().dirname(O);let y;try{y=u().realpathSync(p)}catch{return O}const _=t(j=>j===d||j.startsWith(d+c().sep),"check");if(!_(y))throw new E.k0(`${l.what??"path"} ${JSON.stringify(a)} resolves outside the repository (through a symlink)`);if(!l.allowFinalLink)try{const j=u().realpathSync(O);if(!_(j))throw new E.k0(`${l.what??"path"} ${JSON.stringify(a)} is a symlink that points outside the repository`)}catch(j){if(j instanceof E.k0)throw j}return O}t(v,"resolveInside");function w(s,a){return c().relative(s,a).split(c().sep).join("/")}t(w,"toRepoPath");const k=/[*?[\]{}]/;function b(s,a,l,D="the repository"){if(l==="")throw new E.k0("an empty path was given",{fix:'name a file or folder, or "." for the current folder'});if(l.includes("\0"))throw new E.k0(`path ${JSON.stringify(l)} contains a NUL byte`);if(l.startsWith(S.DZ)){const y=$(l.slice(S.DZ.length),"path",{gitName:!0}),_=u().existsSync(Buffer.concat([Buffer.from(s+c().sep),(0,R.dw)(y)]));return _&&v(s,y,{what:"path",gitName:!0}),{arg:l,kind:"file",rel:y,exists:_}}const O=c().resolve(a,l);if(k.test(l)&&!u().existsSync(O))return g(s,a,l,D);const d=x(s,O,l,D);let p;try{p=u().statSync(O)}catch{}if(d!==""&&v(s,d,{what:"path"}),p?.isDirectory()||d==="")return{arg:l,kind:"dir",rel:d,exists:p!==void 0};if(p&&/[\\/]$/.test(l))throw new E.k0(`${JSON.stringify(l)} is a file, not a folder`,{fix:"drop the trailing / to name the file"});return{arg:l,kind:/[\\/]$/.test(l)?"dir":"file",rel:d,exists:p!==void 0}}t(b,"resolveCliPath");function x(s,a,l,D){let O=c().relative(s,a);if(O.startsWith("..")||c().isAbsolute(O)){const d=h(a);O=c().relative(u().realpathSync(s),d)}if(O===".."||O.startsWith(".."+c().sep)||c().isAbsolute(O))throw new E.k0(`path ${JSON.stringify(l)} is outside ${D} (${s})`,{fix:`name files and folders inside ${D}, relative to the current directory or absolute; or run from another folder (-C DIR)`});return O.split(c().sep).join("/")}t(x,"insideRel");function h(s){let a=s;const l=[];for(;;)try{return c().join(u().realpathSync(a),...l)}catch{const D=c().dirname(a);if(D===a)return s;l.unshift(c().basename(a)),a=D}}t(h,"realPrefix");function g(s,a,l,D){const d=l.replace(/\\/g,"/").split("/"),p=d.findIndex(A=>k.test(A)),y=d.slice(p).filter(A=>A!==""&&A!==".");if(y.includes(".."))throw new E.k0(`glob ${JSON.stringify(l)} has ".." after its first wildcard`,{fix:"put .. only before the wildcards (../config/*.yaml)"});const _=c().resolve(a,d.slice(0,p).join("/")||"."),j=x(s,_,l,D);return{arg:l,kind:"glob",rel:[j,...y].filter(A=>A!=="").join("/"),exists:!1}}t(g,"resolveGlob")})};export{we as id,ke as ids,_e as modules};
//# sourceMappingURL=7399.index.js.map
