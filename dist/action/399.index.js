var ft=Object.defineProperty;var o=(j,x)=>ft(j,"name",{value:x,configurable:!0});const mt=399,yt=[399],wt={7399:((j,x,c)=>{c.r(x),c.d(x,{command:o(()=>et,"command")});var N=c(3024),a=c.n(N),A=c(6760),u=c.n(A),H=c(7523),R=c(8817),$=c(2143);function T(){return`# integrity-guard configuration (the README describes every key; \`integrity-guard --help\`).
# Checked against schemas/config.schema.json; unknown keys are errors (a typo never turns a check off).
version: 1

validate:
  # Files that must parse (strict JSON per RFC 8259; YAML). This is also the default.
  files: ["**/*.json", "**/*.yaml", "**/*.yml"]
  # Never checked (node_modules/** and .git/** never are, whatever this says).
  exclude: []
  # JSON files in which comments and trailing commas are allowed (JSON with comments).
  jsonc: ["**/tsconfig*.json", "**/jsconfig*.json", ".vscode/**", ".devcontainer/**"]
  # Map files to JSON Schemas (draft-07, 2019-09, 2020-12); a file's own "$schema" (a local
  # path) maps it too. Errors are reported at the offending value's line and column.
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
`}o(T,"starterConfig");var f=c(3916),S=c(3059);const E="# integrity-guard-hook:",d="# >>> integrity-guard >>>",y="# <<< integrity-guard <<<",m=1,w=".local";function M(){return`ig_bin=integrity-guard
if [ -x node_modules/.bin/integrity-guard ]; then
  ig_bin=node_modules/.bin/integrity-guard
elif ! command -v integrity-guard >/dev/null 2>&1; then
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
`}o(M,"checkBlock");function F(){return`#!/bin/sh
# integrity-guard pre-commit hook, written by \`integrity-guard init\`.
# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify
${E} v${m}

# A pre-commit hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/pre-commit${w}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${M()}exit 0
`}o(F,"gitHookScript");function v(){return`${d} v${m} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${M()}${y}
`}o(v,"huskyBlock");function l(){return`#!/usr/bin/env sh
${v()}`}o(l,"huskyFile");function _(t){return t.includes(E)}o(_,"isOurGitHook");function X(t){const n=t.indexOf(d);if(n>=0){const i=t.indexOf(y,n);if(i>=0){let r=i+y.length;t[r]===`
`&&(r+=1);const s=t.slice(0,n)+v()+t.slice(r);return s===t?{text:s,action:"unchanged"}:{text:s,action:"updated"}}}if(/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(t))return{text:t,action:"present"};const e=t===""||t.endsWith(`
`)?"":`
`;return{text:t+e+(t===""?"":`
`)+v(),action:"appended"}}o(X,"mergeHuskyFile");var b=c(7336);const O=".husky";async function Z(t){const n=t.root,e=await t.hooksPathSetting(),i=u().join(n,O),r=await t.hooksDir(),s=e===void 0||["local","worktree","command"].includes(e.scope),g=e!==void 0&&s&&(r===i||r===u().join(i,"_")),h=G(i)||Q(n);if(g)return W(n,[]);if(e!==void 0&&s)return K(n,r,[`core.hooksPath is ${JSON.stringify(e.value)}: installing there.`]);if(h){const D=G(i)?`${O}/ exists`:"package.json lists husky";return W(n,[`${D}, but husky is not active in this clone (core.hooksPath is not ${O}/_): run \`npx husky\` (or \`npm install\`, whose prepare script runs it) so git runs ${O}/pre-commit.`])}if(e!==void 0)throw new f.eb(`core.hooksPath is set in your ${e.scope} git config to ${JSON.stringify(e.value)}: installing the hook there would make it run in every repository`,{fix:`add \`integrity-guard check --staged\` to the pre-commit hook in ${e.value} yourself, or give this repository its own hooks folder (git config core.hooksPath .githooks) and run init again`});return K(n,r,[])}o(Z,"planHookInstall");async function V(t){if(t.action==="unchanged")return;try{await a().promises.mkdir(u().dirname(t.file),{recursive:!0})}catch(e){throw new f.eG(`could not create the hooks folder ${u().dirname(t.file)}: ${e.message}`,{fix:"check that the folder is writable (or that core.hooksPath names a folder you own)"})}if(t.chain){if(a().existsSync(t.chain.to))throw new f.eb(`${t.chain.to} appeared while installing; nothing was changed`);try{await a().promises.rename(t.chain.from,t.chain.to)}catch(e){throw new f.eG(`could not move the existing hook ${t.chain.from} to ${t.chain.to}: ${e.message}`,{fix:"check the permissions of the hooks folder; nothing was changed"})}}t.content!==void 0&&await(0,S.Z)(t.file,t.content,{mode:493});const n=a().statSync(t.file).mode&4095;(n&73)!==73&&await a().promises.chmod(t.file,n|73).catch(e=>{throw new f.eG(`could not make ${t.file} executable: ${e.message}`,{fix:`chmod +x ${t.file}`})})}o(V,"applyHookPlan");function z(t,n,e){const i=k(t,n.file),r=o((g,h)=>e?h:g,"verb"),s=[];switch(n.action){case"created":s.push(`${r("created","would create")} the ${n.mode==="husky"?"husky":"git"} pre-commit hook ${i}`);break;case"updated":s.push(`${r("updated","would update")} the integrity-guard pre-commit hook in ${i}`);break;case"appended":s.push(`${r("added","would add")} integrity-guard to the existing husky hook ${i} (your lines run first)`);break;case"chained":s.push(`${r("moved","would move")} your existing pre-commit hook to ${k(t,n.chain.to)} and ${r("installed","install")} ${i}, which runs it first, then integrity-guard`);break;case"unchanged":s.push(`the pre-commit hook ${i} already runs integrity-guard: unchanged`);break}return[...s,...n.notes]}o(z,"describeHookPlan");function W(t,n){const e=u().join(t,O,"pre-commit"),i=I(e);if(i===void 0)return{mode:"husky",file:e,action:"created",content:l(),notes:n};const r=X(i),s=C(e);return r.action==="present"||r.action==="unchanged"?(r.action==="present"&&n.push(`${k(t,e)} already calls integrity-guard by hand; left as it is.`),{mode:"husky",file:e,action:s?"unchanged":"updated",notes:n}):{mode:"husky",file:e,action:r.action,content:r.text,notes:n}}o(W,"planHusky");function K(t,n,e){const i=u().join(n,"pre-commit"),r=F();let s;try{s=a().lstatSync(i)}catch{return{mode:"git",file:i,action:"created",content:r,notes:e}}if(s.isDirectory())throw new f.eb(`${k(t,i)} is a folder, not a hook file`,{fix:"move it away, then run init again"});const g=I(i)??"";if(_(g))return s.isSymbolicLink()||g===r&&C(i)?{mode:"git",file:i,action:"unchanged",notes:e}:{mode:"git",file:i,action:"updated",content:r,notes:e};const h=i+w;if(a().existsSync(h)||q(h))throw new f.eb(`${k(t,i)} is a pre-commit hook integrity-guard did not write, and ${k(t,h)} exists too`,{fix:`merge the two into ${k(t,h)} (ours runs it first), remove ${k(t,i)}, and run init again; or add \`integrity-guard check --staged\` to your hook by hand`});return e.push(`your previous hook is kept in ${k(t,h)} and still runs on every commit; if it fails, the commit is blocked as before.`),C(i)||e.push(`${k(t,h)} is not executable, so git was not running it, and it still will not run (chmod +x to enable it).`),{mode:"git",file:i,action:"chained",content:r,chain:{from:i,to:h},notes:e}}o(K,"planGitHook");function Q(t){const n=I(u().join(t,"package.json"));if(n===void 0)return!1;try{const e=JSON.parse(n),i=["dependencies","devDependencies"].map(s=>e[s]).map(s=>typeof s=="object"&&s!==null?s.husky:void 0).find(s=>s!==void 0);return i===void 0?!1:!(typeof e.husky=="object"&&e.husky!==null||typeof i=="string"&&/^[\^~=v]*[0-4]\./.test(i.trim()))}catch{return!1}}o(Q,"usesHuskyPackage");function I(t){try{return a().readFileSync(t,"utf8")}catch{return}}o(I,"readText");function G(t){try{return a().statSync(t).isDirectory()}catch{return!1}}o(G,"isDir");function q(t){try{return a().lstatSync(t).isSymbolicLink()}catch{return!1}}o(q,"isSymlink");function C(t){try{return a().accessSync(t,a().constants.X_OK),!0}catch{return!1}}o(C,"isExecutable");function k(t,n){const e=(0,b.xD)(t,n);return e.startsWith("..")?n:e}o(k,"display");var tt=c(7161);const et={name:"init",summary:"write a starter config and install the pre-commit hook (and, with --workflows, the GitHub workflows)",usage:"integrity-guard init [--force] [--no-hook | --hook-only] [--workflows] [--dry-run]",description:`
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
beside it as config.yml.<time>.bak.`,examples:["npx integrity-guard init                 # starter config + pre-commit hook","npx integrity-guard init --hook-only     # another clone of a repository that has a config","npx integrity-guard init --dry-run       # show what would be written","npx integrity-guard init --workflows     # also the GitHub workflows (check, snapshots, restore)"],options:{force:{type:"boolean",description:"replace an existing config (the old one is kept as a .bak) and existing workflow files"},"no-hook":{type:"boolean",description:"write the config only; do not install the pre-commit hook"},"hook-only":{type:"boolean",description:"install the pre-commit hook only; leave the config alone"},workflows:{type:"boolean",description:"also write the GitHub workflows (.github/workflows/)"},"dry-run":{type:"boolean",description:"print what would be written, change nothing"}},run:nt};async function nt(t){const n=it(t.options);return n.dryRun?B(t,n):(0,tt.k)(u().join(t.git.stateDir(),"init.lock"),()=>B(t,n))}o(nt,"runInit");async function B(t,n){const e=n.config?ot(t.root,n.force):void 0,i=n.hook?await Z(t.git):void 0,r=n.workflows?await rt(t.root,e):void 0,{installWorkflows:s}=n.workflows?await c.e(886).then(c.bind(c,2886)):{installWorkflows:void 0},g=r&&s?await s(t.root,r,{force:n.force,dryRun:!0}):void 0,h=[],D=[];e&&h.push(at(t.root,e,n.dryRun)),i&&h.push(...z(t.root,i,n.dryRun));let P;n.dryRun?(e&&e.action!=="unchanged"&&D.push(U(t.root,e.file,e.content)),i?.content!==void 0&&D.push(U(t.root,i.file,i.content)),g&&h.push(...g.written.map(p=>`would write ${p}`),...g.notes)):(e&&await st(e),i&&await V(i),r&&s&&(P=await s(t.root,r,{force:n.force}),h.push(...P.written.map(p=>`wrote ${p}`),...P.notes)));const Y=i?ct(t.root,t.env):[],J=dt(e,i,t.git.commonDir),ut=[...n.dryRun?["dry run: nothing was written."]:[],...h.map(p=>`- ${p}`),...D,...Y.map(p=>`warning: ${p}`),...J.length&&!n.dryRun?["","Next steps:",...J.map((p,lt)=>`  ${lt+1}. ${p}`)]:[]].join(`
`);return{findings:[],text:ut,json:{version:1,dryRun:n.dryRun,config:e?{path:(0,b.xD)(t.root,e.file),action:e.action,backup:e.backup&&(0,b.xD)(t.root,e.backup)}:null,hook:i?{mode:i.mode,path:L(t.root,i.file),action:i.action,chainedTo:i.chain?L(t.root,i.chain.to):null,notes:i.notes}:null,workflows:P??null,warnings:Y,next:J}}}o(B,"initOnce");function it(t){const n=t["no-hook"]===!0,e=t["hook-only"]===!0;if(n&&e)throw new f.eb("init: --no-hook and --hook-only contradict each other",{fix:"give at most one of them"});return{force:t.force===!0,config:!e,hook:!n,workflows:t.workflows===!0,dryRun:t["dry-run"]===!0}}o(it,"readOptions");function ot(t,n){const e=(0,b.LI)(t,$.tF,{what:"config path"}),i=T();let r;try{r=a().readFileSync(e,"utf8")}catch(g){if(g.code!=="ENOENT")throw new f.eb(`cannot read the existing ${$.tF}: ${g.message}`,{fix:"check the file's permissions"})}if(r===void 0)return{file:e,action:"created",content:i};if(r===i)return{file:e,action:"unchanged",content:i};if(!n)throw new f.eb(`${$.tF} already exists; init does not overwrite it`,{fix:"run `integrity-guard init --hook-only` to install only the hook, or `integrity-guard init --force` to replace the config with the starter (the old one is kept as a .bak)"});const s=new Date().toISOString().replace(/[:.]/g,"-");return{file:e,action:"replaced",content:i,backup:`${e}.${s}.bak`}}o(ot,"planConfig");async function rt(t,n){if(!n)return(await(0,H.Z)(t)).config;const{config:e,findings:i}=(0,R.validateConfigText)(n.content,$.tF);if(!e)throw new Error(`the starter config does not validate: ${i.map(r=>r.message).join("; ")}`);return e}o(rt,"configForWorkflows");async function st(t){if(t.action!=="unchanged"){try{await a().promises.mkdir(u().dirname(t.file),{recursive:!0}),t.backup&&await(0,S.Z)(t.backup,await a().promises.readFile(t.file))}catch(n){throw new f.eG(`could not prepare ${$.tF}: ${n.message}`,{fix:"check that .integrity-guard/ is writable; the existing config was not changed"})}await(0,S.Z)(t.file,t.content)}}o(st,"applyConfigPlan");function at(t,n,e){const i=(0,b.xD)(t,n.file);switch(n.action){case"created":return`${e?"would write":"wrote"} the starter config ${i}`;case"replaced":return`${e?"would replace":"replaced"} ${i} with the starter config (the old one ${e?"would be":"is"} kept as ${(0,b.xD)(t,n.backup)})`;case"unchanged":return`${i} is already the starter config: unchanged`}}o(at,"describeConfigPlan");function L(t,n){const e=(0,b.xD)(t,n);return e.startsWith("..")?n:e}o(L,"displayPath");function U(t,n,e){return`
${L(t,n)}:
${e.replace(/\n$/,"").replace(/^/gm,"  | ")}`}o(U,"showFile");function ct(t,n){return a().existsSync(u().join(t,"node_modules/.bin/integrity-guard"))?[]:(n.PATH??"").split(u().delimiter).some(i=>i!==""&&ht(u().join(i,"integrity-guard")))?[]:["integrity-guard is neither in node_modules/.bin nor on PATH, so the hook will block every commit until it is installed: npm install --save-dev integrity-guard"]}o(ct,"toolWarnings");function dt(t,n,e){const i=[];return t&&t.action!=="unchanged"&&i.push(`map your JSON/YAML files to JSON Schemas in ${$.tF} (validate.schemas), then commit it`),i.push("check the whole tree once: npx integrity-guard check"),n&&(i.push("from now on `git commit` checks the staged JSON/YAML; to bypass once, at your own risk: git commit --no-verify"),n.mode==="git"&&n.file.startsWith(e+u().sep)&&i.push("hooks inside .git/ are not shared by git: each clone runs `npx integrity-guard init --hook-only` once (or use husky)")),i}o(dt,"nextSteps");function ht(t){try{return a().accessSync(t,a().constants.X_OK),a().statSync(t).isFile()}catch{return!1}}o(ht,"init_isExecutable")}),7161:((j,x,c)=>{c.d(x,{k:o(()=>T,"k")});var N=c(1455),a=c.n(N),A=c(8161),u=c.n(A),H=c(6760),R=c.n(H),$=c(3916);async function T(d,y,m={}){const w=await f(d,m);try{return await y()}finally{await w()}}o(T,"withLock");async function f(d,y={}){const m=y.timeoutMs??1e4,w=y.staleMs??10*6e4,M=Date.now();await a().mkdir(R().dirname(d),{recursive:!0});const F={pid:process.pid,host:u().hostname(),time:Date.now()};let v=1;for(;;){try{const l=await a().open(d,"wx");return await l.writeFile(JSON.stringify(F)),await l.close(),async()=>{await a().rm(d,{force:!0})}}catch(l){if(l.code!=="EEXIST")throw l}if(await E(d,w)){const l=`${d}.stale.${process.pid}`;try{await a().rename(d,l),await a().rm(l,{force:!0})}catch{}continue}if(Date.now()-M>m){const l=await S(d);throw new $.eG(`could not take the lock ${d} within ${m} ms${l?` (held by pid ${l.pid} on ${l.host})`:""}`,{fix:"wait for the other integrity-guard run to finish; if none is running, delete the lock file"})}await new Promise(l=>setTimeout(l,v)),v=Math.min(v*2,y.pollMaxMs??50)}}o(f,"acquireLock");async function S(d){try{return JSON.parse(await a().readFile(d,"utf8"))}catch{return}}o(S,"readInfo");async function E(d,y){const m=await S(d);if(!m)try{const w=await a().stat(d);return Date.now()-w.mtimeMs>2e3}catch{return!1}if(Date.now()-m.time>y)return!0;if(m.host!==u().hostname())return!1;try{return process.kill(m.pid,0),!1}catch(w){return w.code==="ESRCH"}}o(E,"isStale")})};export{mt as id,yt as ids,wt as modules};
