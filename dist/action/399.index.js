var lt=Object.defineProperty;var o=(W,S)=>lt(W,"name",{value:S,configurable:!0});const mt=399,yt=[399],wt={7399:((W,S,d)=>{d.r(S),d.d(S,{command:o(()=>et,"command")});var T=d(3024),f=d.n(T),J=d(6760),u=d.n(J),K=d(7523),D=d(8817),$=d(2143);function C(){return`# integrity-guard configuration (the README describes every key; \`integrity-guard --help\`).
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
`}o(C,"starterConfig");var m=d(3916),M=d(3059);const H="# integrity-guard-hook:",I="# >>> integrity-guard >>>",E="# <<< integrity-guard <<<",F=1,L=".local";function O(){return`ig_bin=integrity-guard
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
`}o(O,"checkBlock");function P(){return`#!/bin/sh
# integrity-guard pre-commit hook, written by \`integrity-guard init\`.
# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify
${H} v${F}

# A pre-commit hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/pre-commit${L}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${O()}exit 0
`}o(P,"gitHookScript");function A(){return`${I} v${F} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${O()}${E}
`}o(A,"huskyBlock");function N(){return`#!/usr/bin/env sh
${A()}`}o(N,"huskyFile");function s(t){return t.includes(H)}o(s,"isOurGitHook");function l(t){const n=t.indexOf(I);if(n>=0){const i=t.indexOf(E,n);if(i>=0){let r=i+E.length;t[r]===`
`&&(r+=1);const a=t.slice(0,n)+A()+t.slice(r);return a===t?{text:a,action:"unchanged"}:{text:a,action:"updated"}}}if(/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(t))return{text:t,action:"present"};const e=t===""||t.endsWith(`
`)?"":`
`;return{text:t+e+(t===""?"":`
`)+A(),action:"appended"}}o(l,"mergeHuskyFile");var c=d(7336);const h=".husky";async function k(t){const n=t.root,e=await t.hooksPathSetting(),i=u().join(n,h),r=await t.hooksDir(),a=e===void 0||["local","worktree","command"].includes(e.scope),y=e!==void 0&&a&&(r===i||r===u().join(i,"_")),g=X(i)||z(n);if(y)return b(n,[]);if(e!==void 0&&a)return v(n,r,[`core.hooksPath is ${JSON.stringify(e.value)}: installing there.`]);if(g){const j=X(i)?`${h}/ exists`:"package.json lists husky";return b(n,[`${j}, but husky is not active in this clone (core.hooksPath is not ${h}/_): run \`npx husky\` (or \`npm install\`, whose prepare script runs it) so git runs ${h}/pre-commit.`])}if(e!==void 0)throw new m.eb(`core.hooksPath is set in your ${e.scope} git config to ${JSON.stringify(e.value)}: installing the hook there would make it run in every repository`,{fix:`add \`integrity-guard check --staged\` to the pre-commit hook in ${e.value} yourself, or give this repository its own hooks folder (git config core.hooksPath .githooks) and run init again`});return v(n,r,[])}o(k,"planHookInstall");async function R(t){if(t.action==="unchanged")return;try{await f().promises.mkdir(u().dirname(t.file),{recursive:!0})}catch(e){throw new m.eG(`could not create the hooks folder ${u().dirname(t.file)}: ${e.message}`,{fix:"check that the folder is writable (or that core.hooksPath names a folder you own)"})}if(t.chain){if(f().existsSync(t.chain.to))throw new m.eb(`${t.chain.to} appeared while installing; nothing was changed`);try{await f().promises.rename(t.chain.from,t.chain.to)}catch(e){throw new m.eG(`could not move the existing hook ${t.chain.from} to ${t.chain.to}: ${e.message}`,{fix:"check the permissions of the hooks folder; nothing was changed"})}}t.content!==void 0&&await(0,M.Z)(t.file,t.content,{mode:493});const n=f().statSync(t.file).mode&4095;(n&73)!==73&&await f().promises.chmod(t.file,n|73).catch(e=>{throw new m.eG(`could not make ${t.file} executable: ${e.message}`,{fix:`chmod +x ${t.file}`})})}o(R,"applyHookPlan");function x(t,n,e){const i=w(t,n.file),r=o((y,g)=>e?g:y,"verb"),a=[];switch(n.action){case"created":a.push(`${r("created","would create")} the ${n.mode==="husky"?"husky":"git"} pre-commit hook ${i}`);break;case"updated":a.push(`${r("updated","would update")} the integrity-guard pre-commit hook in ${i}`);break;case"appended":a.push(`${r("added","would add")} integrity-guard to the existing husky hook ${i} (your lines run first)`);break;case"chained":a.push(`${r("moved","would move")} your existing pre-commit hook to ${w(t,n.chain.to)} and ${r("installed","install")} ${i}, which runs it first, then integrity-guard`);break;case"unchanged":a.push(`the pre-commit hook ${i} already runs integrity-guard: unchanged`);break}return[...a,...n.notes]}o(x,"describeHookPlan");function b(t,n){const e=u().join(t,h,"pre-commit"),i=G(e);if(i===void 0)return{mode:"husky",file:e,action:"created",content:N(),notes:n};const r=l(i),a=_(e);return r.action==="present"||r.action==="unchanged"?(r.action==="present"&&n.push(`${w(t,e)} already calls integrity-guard by hand; left as it is.`),{mode:"husky",file:e,action:a?"unchanged":"updated",notes:n}):{mode:"husky",file:e,action:r.action,content:r.text,notes:n}}o(b,"planHusky");function v(t,n,e){const i=u().join(n,"pre-commit"),r=P();let a;try{a=f().lstatSync(i)}catch{return{mode:"git",file:i,action:"created",content:r,notes:e}}if(a.isDirectory())throw new m.eb(`${w(t,i)} is a folder, not a hook file`,{fix:"move it away, then run init again"});const y=G(i)??"";if(s(y))return a.isSymbolicLink()||y===r&&_(i)?{mode:"git",file:i,action:"unchanged",notes:e}:{mode:"git",file:i,action:"updated",content:r,notes:e};const g=i+L;if(f().existsSync(g)||q(g))throw new m.eb(`${w(t,i)} is a pre-commit hook integrity-guard did not write, and ${w(t,g)} exists too`,{fix:`merge the two into ${w(t,g)} (ours runs it first), remove ${w(t,i)}, and run init again; or add \`integrity-guard check --staged\` to your hook by hand`});return e.push(`your previous hook is kept in ${w(t,g)} and still runs on every commit; if it fails, the commit is blocked as before.`),_(i)||e.push(`${w(t,g)} is not executable, so git was not running it, and it still will not run (chmod +x to enable it).`),{mode:"git",file:i,action:"chained",content:r,chain:{from:i,to:g},notes:e}}o(v,"planGitHook");function z(t){const n=G(u().join(t,"package.json"));if(n===void 0)return!1;try{const e=JSON.parse(n),i=["dependencies","devDependencies"].map(a=>e[a]).map(a=>typeof a=="object"&&a!==null?a.husky:void 0).find(a=>a!==void 0);return i===void 0?!1:!(typeof e.husky=="object"&&e.husky!==null||typeof i=="string"&&/^[\^~=v]*[0-4]\./.test(i.trim()))}catch{return!1}}o(z,"usesHuskyPackage");function G(t){try{return f().readFileSync(t,"utf8")}catch{return}}o(G,"readText");function X(t){try{return f().statSync(t).isDirectory()}catch{return!1}}o(X,"isDir");function q(t){try{return f().lstatSync(t).isSymbolicLink()}catch{return!1}}o(q,"isSymlink");function _(t){try{return f().accessSync(t,f().constants.X_OK),!0}catch{return!1}}o(_,"isExecutable");function w(t,n){const e=(0,c.xD)(t,n);return e.startsWith("..")?n:e}o(w,"display");var tt=d(7161);const et={name:"init",summary:"write a starter config and install the pre-commit hook (and, with --workflows, the GitHub workflows)",usage:"integrity-guard init [--force] [--no-hook | --hook-only] [--workflows] [--dry-run]",description:`
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
beside it as config.yml.<time>.bak.`,examples:["npx integrity-guard init                 # starter config + pre-commit hook","npx integrity-guard init --hook-only     # another clone of a repository that has a config","npx integrity-guard init --dry-run       # show what would be written","npx integrity-guard init --workflows     # also the GitHub workflows (check, snapshots, restore)"],options:{force:{type:"boolean",description:"replace an existing config (the old one is kept as a .bak) and existing workflow files"},"no-hook":{type:"boolean",description:"write the config only; do not install the pre-commit hook"},"hook-only":{type:"boolean",description:"install the pre-commit hook only; leave the config alone"},workflows:{type:"boolean",description:"also write the GitHub workflows (.github/workflows/)"},"dry-run":{type:"boolean",description:"print what would be written, change nothing"}},run:nt};async function nt(t){const n=it(t.options);return n.dryRun?Z(t,n):(0,tt.k)(u().join(t.git.stateDir(),"init.lock"),()=>Z(t,n))}o(nt,"runInit");async function Z(t,n){const e=n.config?ot(t.root,n.force):void 0,i=n.hook?await k(t.git):void 0,r=n.workflows?await rt(t.root,e):void 0,{installWorkflows:a}=n.workflows?await d.e(886).then(d.bind(d,2886)):{installWorkflows:void 0},y=r&&a?await a(t.root,r,{force:n.force,dryRun:!0}):void 0,g=[],j=[];e&&g.push(at(t.root,e,n.dryRun)),i&&g.push(...x(t.root,i,n.dryRun));let U;n.dryRun?(e&&e.action!=="unchanged"&&j.push(Q(t.root,e.file,e.content)),i?.content!==void 0&&j.push(Q(t.root,i.file,i.content)),y&&g.push(...y.written.map(p=>`would write ${p}`),...y.notes)):(e&&await st(e),i&&await R(i),r&&a&&(U=await a(t.root,r,{force:n.force}),g.push(...U.written.map(p=>`wrote ${p}`),...U.notes)));const V=i?ct(t.root,t.env):[],Y=dt(e,i,t.git.commonDir),ht=[...n.dryRun?["dry run: nothing was written."]:[],...g.map(p=>`- ${p}`),...j,...V.map(p=>`warning: ${p}`),...Y.length&&!n.dryRun?["","Next steps:",...Y.map((p,ft)=>`  ${ft+1}. ${p}`)]:[]].join(`
`);return{findings:[],text:ht,json:{version:1,dryRun:n.dryRun,config:e?{path:(0,c.xD)(t.root,e.file),action:e.action,backup:e.backup&&(0,c.xD)(t.root,e.backup)}:null,hook:i?{mode:i.mode,path:B(t.root,i.file),action:i.action,chainedTo:i.chain?B(t.root,i.chain.to):null,notes:i.notes}:null,workflows:U??null,warnings:V,next:Y}}}o(Z,"initOnce");function it(t){const n=t["no-hook"]===!0,e=t["hook-only"]===!0;if(n&&e)throw new m.eb("init: --no-hook and --hook-only contradict each other",{fix:"give at most one of them"});return{force:t.force===!0,config:!e,hook:!n,workflows:t.workflows===!0,dryRun:t["dry-run"]===!0}}o(it,"readOptions");function ot(t,n){const e=(0,c.LI)(t,$.tF,{what:"config path"}),i=C();let r;try{r=f().readFileSync(e,"utf8")}catch(y){if(y.code!=="ENOENT")throw new m.eb(`cannot read the existing ${$.tF}: ${y.message}`,{fix:"check the file's permissions"})}if(r===void 0)return{file:e,action:"created",content:i};if(r===i)return{file:e,action:"unchanged",content:i};if(!n)throw new m.eb(`${$.tF} already exists; init does not overwrite it`,{fix:"run `integrity-guard init --hook-only` to install only the hook, or `integrity-guard init --force` to replace the config with the starter (the old one is kept as a .bak)"});const a=new Date().toISOString().replace(/[:.]/g,"-");return{file:e,action:"replaced",content:i,backup:`${e}.${a}.bak`}}o(ot,"planConfig");async function rt(t,n){if(!n)return(await(0,K.Z)(t)).config;const{config:e,findings:i}=(0,D.validateConfigText)(n.content,$.tF);if(!e)throw new Error(`the starter config does not validate: ${i.map(r=>r.message).join("; ")}`);return e}o(rt,"configForWorkflows");async function st(t){if(t.action!=="unchanged"){try{await f().promises.mkdir(u().dirname(t.file),{recursive:!0}),t.backup&&await(0,M.Z)(t.backup,await f().promises.readFile(t.file))}catch(n){throw new m.eG(`could not prepare ${$.tF}: ${n.message}`,{fix:"check that .integrity-guard/ is writable; the existing config was not changed"})}await(0,M.Z)(t.file,t.content)}}o(st,"applyConfigPlan");function at(t,n,e){const i=(0,c.xD)(t,n.file);switch(n.action){case"created":return`${e?"would write":"wrote"} the starter config ${i}`;case"replaced":return`${e?"would replace":"replaced"} ${i} with the starter config (the old one ${e?"would be":"is"} kept as ${(0,c.xD)(t,n.backup)})`;case"unchanged":return`${i} is already the starter config: unchanged`}}o(at,"describeConfigPlan");function B(t,n){const e=(0,c.xD)(t,n);return e.startsWith("..")?n:e}o(B,"displayPath");function Q(t,n,e){return`
${B(t,n)}:
${e.replace(/\n$/,"").replace(/^/gm,"  | ")}`}o(Q,"showFile");function ct(t,n){return f().existsSync(u().join(t,"node_modules/.bin/integrity-guard"))?[]:(n.PATH??"").split(u().delimiter).some(i=>i!==""&&ut(u().join(i,"integrity-guard")))?[]:["integrity-guard is neither in node_modules/.bin nor on PATH, so the hook will block every commit until it is installed: npm install --save-dev integrity-guard"]}o(ct,"toolWarnings");function dt(t,n,e){const i=[];return t&&t.action!=="unchanged"&&i.push(`map your JSON/YAML files to JSON Schemas in ${$.tF} (validate.schemas), then commit it`),i.push("check the whole tree once: npx integrity-guard check"),n&&(i.push("from now on `git commit` checks the staged JSON/YAML; to bypass once, at your own risk: git commit --no-verify"),n.mode==="git"&&n.file.startsWith(e+u().sep)&&i.push("hooks inside .git/ are not shared by git: each clone runs `npx integrity-guard init --hook-only` once (or use husky)")),i}o(dt,"nextSteps");function ut(t){try{return f().accessSync(t,f().constants.X_OK),f().statSync(t).isFile()}catch{return!1}}o(ut,"init_isExecutable")}),7161:((W,S,d)=>{d.d(S,{k:o(()=>H,"k")});var T=d(7598),f=d.n(T),J=d(1455),u=d.n(J),K=d(8161),D=d.n(K),$=d(6760),C=d.n($),m=d(3916);const M=5e3;async function H(s,l,c={}){const h=await I(s,c);try{return await l()}finally{await h()}}o(H,"withLock");async function I(s,l={}){const c=l.timeoutMs??1e4,h=l.staleMs??10*6e4,k=Date.now();await u().mkdir(C().dirname(s),{recursive:!0}).catch(x=>{throw N(s,x)});let R=1;for(;;){const x={pid:process.pid,host:D().hostname(),time:Date.now(),token:(0,T.randomUUID)()};if(await E(s,JSON.stringify(x)))return()=>L(s,x.token);const b=await O(s);if(b!==void 0&&await A(s,b,h)){await F(s,b);continue}if(Date.now()-k>c){const v=P(b);throw new m.eG(`could not take the lock ${s} within ${c} ms${v?` (held by pid ${v.pid} on ${v.host})`:""}`,{fix:"wait for the other integrity-guard run to finish; if none is running, delete the lock file"})}await new Promise(v=>setTimeout(v,R)),R=Math.min(R*2,l.pollMaxMs??50)}}o(I,"acquireLock");async function E(s,l){let c;try{c=await u().open(s,"wx")}catch(h){if(h.code==="EEXIST")return!1;throw N(s,h)}try{await c.writeFile(l),await c.close()}catch(h){throw await c.close().catch(()=>{}),await u().rm(s,{force:!0}),N(s,h)}return!0}o(E,"tryCreate");async function F(s,l){const c=`${s}.takeover`;if(!await E(c,JSON.stringify({pid:process.pid,host:D().hostname(),time:Date.now()}))){try{const h=await u().stat(c);Date.now()-h.mtimeMs>M&&await u().rm(c,{force:!0})}catch{}return}try{await O(s)===l&&await u().rm(s,{force:!0})}finally{await u().rm(c,{force:!0})}}o(F,"takeOver");async function L(s,l){P(await O(s))?.token===l&&await u().rm(s,{force:!0})}o(L,"releaseOwn");async function O(s){try{return await u().readFile(s,"utf8")}catch{return}}o(O,"readRaw");function P(s){if(s!==void 0)try{return JSON.parse(s)}catch{return}}o(P,"parseInfo");async function A(s,l,c){const h=P(l);if(!h)try{const k=await u().stat(s);return Date.now()-k.mtimeMs>2e3}catch{return!1}if(Date.now()-h.time>c)return!0;if(h.host!==D().hostname())return!1;try{return process.kill(h.pid,0),!1}catch(k){return k.code==="ESRCH"}}o(A,"isStale");function N(s,l){const c=l.code,k=(c&&{ENOSPC:"the disk is full",EDQUOT:"the disk quota is used up",EROFS:"the file system is read-only",EACCES:"permission denied",EPERM:"permission denied"}[c])??(l instanceof Error?l.message:String(l));return new m.eG(`could not write the lock file ${s}: ${k}`,{fix:c==="ENOSPC"||c==="EDQUOT"?"free some disk space, then run again":`make ${C().dirname(s)} writable for this user, then run again`})}o(N,"lockEnvironmentError")})};export{mt as id,yt as ids,wt as modules};
