var G=Object.defineProperty;var i=(I,$)=>G(I,"name",{value:$,configurable:!0});const F=8608,W=[8608],Y={8246:((I,$,g)=>{g.d($,{K8:i(()=>b,"K8"),K9:i(()=>s,"K9"),Pc:i(()=>f,"Pc")});const m=[{test:/pre-commit\.com|INSTALL_PYTHON=/,runner:{name:"the pre-commit framework",configs:[".pre-commit-config.yaml",".pre-commit-config.yml"],runsKept:".legacy",fix:'add `- id: integrity-guard` to .pre-commit-config.yaml (docs/hooks.md, "The pre-commit framework"), then `pre-commit install`'}},{test:/lefthook/i,runner:{name:"lefthook",configs:["lefthook.yml","lefthook.yaml",".lefthook.yml",".lefthook.yaml","lefthook.json","lefthook.toml",".config/lefthook.yml",".config/lefthook.yaml","lefthook-local.yml",".lefthook-local.yml"],fix:"add a command `run: npx integrity-guard check --staged` under pre-commit (and pre-merge-commit) in lefthook.yml, then `npx lefthook install`"}},{test:/lint-staged/,runner:{name:"lint-staged",configs:["package.json",".lintstagedrc",".lintstagedrc.json",".lintstagedrc.yaml",".lintstagedrc.yml",".lintstagedrc.mjs",".lintstagedrc.cjs",".lintstagedrc.js","lint-staged.config.js","lint-staged.config.mjs","lint-staged.config.cjs","lint-staged.config.ts"],fix:'add `"*": () => "integrity-guard check --staged"` to the lint-staged config (docs/hooks.md, "lint-staged")'}},{test:/SKIP_SIMPLE_GIT_HOOKS|simple-git-hooks/,runner:{name:"simple-git-hooks",configs:["package.json",".simple-git-hooks.json",".simple-git-hooks.cjs",".simple-git-hooks.js","simple-git-hooks.json"],fix:'add `integrity-guard check --staged` to "simple-git-hooks" in package.json, then `npx simple-git-hooks`'}}];function b(d){return m.find(w=>w.test.test(d))?.runner}i(b,"hookRunner");function s(d){return/^[^#\n]*\bintegrity-guard\b/m.test(d)}i(s,"callsIntegrityGuard");function f(d){return/^\.\s+"(?:\$\{0%\/\*\}|\$\(dirname (?:-- )?"\$0"\))\/h"\s*$/m.test(d)}i(f,"isHuskyStub")}),7870:((I,$,g)=>{g.d($,{XC:i(()=>M,"XC"),Xt:i(()=>f,"Xt"),Yn:i(()=>H,"Yn"),bI:i(()=>C,"bI"),po:i(()=>K,"po")});const O="# integrity-guard-hook:",m="# >>> integrity-guard >>>",b="# <<< integrity-guard <<<",s=3,f=".local";function d(){return`ig_local=node_modules/.bin/integrity-guard
if [ -e "$ig_local" ] || [ -L "$ig_local" ]; then
  ig_refuse=
  ig_fix="look at it (ls -l node_modules/.bin/integrity-guard), then rm -rf node_modules && npm install (or use a global install: rm node_modules/.bin/integrity-guard)"
  if [ -n "$(git ls-files -- "$ig_local" node_modules/integrity-guard 2>/dev/null || echo error)" ]; then
    ig_refuse="git tracks it (or node_modules/integrity-guard/), so it came with a commit, not from your package manager"
    ig_fix="see who added it (git log --stat -- node_modules), untrack it (git rm -r --cached node_modules; add node_modules/ to .gitignore; commit), then rm -rf node_modules && npm install"
  elif [ -L node_modules ] && [ -n "$(git ls-files -- node_modules 2>/dev/null || echo error)" ]; then
    ig_refuse="node_modules is a symlink that git tracks, so where it leads came with a commit"
  elif ! ig_nm=$(cd -P node_modules 2>/dev/null && pwd -P) || [ "\${ig_nm##*/}" != node_modules ] || [ "$(cd -P node_modules/.bin 2>/dev/null && pwd -P)" != "$ig_nm/.bin" ]; then
    ig_refuse="node_modules or node_modules/.bin is a symlink leading out of a node_modules folder"
  elif [ "$ig_nm" != "$(pwd -P)/node_modules" ] && case "$ig_nm/" in "$(pwd -P)"/*) true ;; *) false ;; esac; then
    ig_refuse="node_modules is a symlink to another folder of this work tree, whose content can come with a commit"
  elif [ -L "$ig_local" ]; then
    ig_pkg=$(cd -P node_modules/integrity-guard 2>/dev/null && pwd -P) || ig_pkg=
    ig_at=$ig_nm/.bin
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
`}i(d,"localBinaryGuard");function w(o=""){return`ig_bin=integrity-guard
${d()}if [ "$ig_bin" = integrity-guard ] && ! command -v integrity-guard >/dev/null 2>&1; then
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
  elif [ "$ig_status" -eq 126 ] || [ "$ig_status" -eq 127 ]; then
    # The shell's "not found" / "cannot execute": integrity-guard itself never exits so. Mostly a
    # GUI client or IDE that starts git without the shell's PATH, so env finds no node.
    echo "integrity-guard: commit blocked: $ig_bin could not be started (exit $ig_status): a program it needs, usually node, is not on this PATH: $PATH" >&2
    echo "  fix: GUI clients and IDEs often start git without your shell's PATH: start the client from a terminal, or make node available system-wide; then commit again (command -v node, in a terminal, shows where it is)" >&2
    echo "  bypass once, at your own risk: git commit --no-verify" >&2
  else
    echo "integrity-guard: commit blocked: the check could not run (exit $ig_status); see the message above." >&2
    echo "  bypass once, at your own risk: git commit --no-verify" >&2
  fi
${o}  exit "$ig_status"
}
`}i(w,"checkBlock");const S=`ig_rebase_continue=
case "\${GIT_REFLOG_ACTION-}" in
  *" (continue)")
    if [ -d "$(git rev-parse --git-path rebase-merge 2>/dev/null)" ]; then
      ig_rebase_continue=yes
    fi
    ;;
esac
`,D=`  echo "  the rebase is still stopped at this step: fix the files, git add them, then git rebase --continue (or bypass once: git commit --no-verify, then git rebase --continue)" >&2
`;function N(){const o=w(D).replace(/^(?=.)/gm,"  ");return`${S}if [ -n "$ig_rebase_continue" ]; then
${o}fi
`}i(N,"rebaseContinueBlock");function T(o){return o==="prepare-commit-msg"?N():w()}i(T,"hookBody");const B={"pre-commit":`# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify`,"pre-merge-commit":`# git merge and git pull run this hook, not pre-commit, for a merge commit that needed no
# conflict resolution; a clean line-by-line merge of two valid files can still be corrupt (the
# same key added on both sides). Blocks it as pre-commit would; the merge stays in progress:
# fix, git add, git commit. Bypass once, at your own risk: git merge --no-verify`,"prepare-commit-msg":`# git rebase --continue commits a step whose conflicts you resolved with \`git commit -n\`, so
# pre-commit does not run for it: this hook runs the same check of the staged files for that
# commit only (GIT_REFLOG_ACTION "rebase (continue)" while a rebase is stopped), and does
# nothing for every other commit (pre-commit checked it, or you bypassed it with --no-verify).
# A blocked step stays stopped. Bypass once: git commit --no-verify, then git rebase --continue`};function C(o="pre-commit"){return`#!/bin/sh
# integrity-guard ${o} hook, written by \`integrity-guard init\`.
${B[o]}
${O} v${s}

# A ${o} hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/${o}${f}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${T(o)}exit 0
`}i(C,"gitHookScript");function v(o="pre-commit"){return`${m} v${s} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${T(o)}${b}
`}i(v,"huskyBlock");function K(o="pre-commit"){return`#!/usr/bin/env sh
${v(o)}`}i(K,"huskyFile");function H(o){return o.includes(O)}i(H,"isOurGitHook");function M(o,h="pre-commit"){const x=o.indexOf(m);if(x>=0){const l=o.indexOf(b,x);if(l>=0){let E=l+b.length;o[E]===`
`&&(E+=1);const P=o.slice(0,x)+v(h)+o.slice(E);return P===o?{text:P,action:"unchanged"}:{text:P,action:"updated"}}}if(/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(o))return{text:o,action:"present"};const j=o===""||o.endsWith(`
`)?"":`
`;return{text:o+j+(o===""?"":`
`)+v(h),action:"appended"}}i(M,"mergeHuskyFile")}),8608:((I,$,g)=>{g.d($,{A:i(()=>E,"A"),h:i(()=>S,"h"),hooksNotExpected:i(()=>P,"hooksNotExpected"),tryStoppedHookHint:i(()=>R,"tryStoppedHookHint")});var O=g(3024),m=g.n(O),b=g(6760),s=g.n(b),f=g(7870),d=g(8246),w=g(7336);async function S(e){const t=await e.hooksDir(),n=await Promise.all(["pre-commit","pre-merge-commit","prepare-commit-msg"].map(r=>N(e,t,r))),[a,c]=n;if(n.some(r=>r.runs))for(const r of[a,c])r.runs||(r.stopped=!0);return a.via?.startsWith(D)&&!c.runs&&c.problem&&!m().existsSync(s().join(t,"pre-merge-commit"))&&(c.problem.fix="pre-commit install --hook-type pre-merge-commit (the integrity-guard hook runs at every stage it is installed for)"),n}i(S,"hookStatuses");const D="the pre-commit framework";async function N(e,t,n){const a=e.root,c=s().join(t,n),r=l(a,c),u=C(e,t,n),p=o(c);if(p===void 0||!p.isFile()){const A=s().basename(t)==="_"?B(a,t,n):void 0;if(A)return{hook:n,file:r,runs:!1,problem:A,stopped:!0};const k=await e.hooksPathSetting(),L=k?`core.hooksPath is ${JSON.stringify(k.value)} (${k.scope} git config), so git`:"git";return u!==void 0&&s().dirname(u)===s().join(a,".husky")&&!k?{hook:n,file:r,runs:!1,stopped:!0,problem:{message:`${l(a,u)} runs integrity-guard, but husky is not set up in this clone (core.hooksPath is not .husky/_), so git runs ${r}, which does not exist`,fix:"npx husky (or npm install, whose prepare script runs it)"}}:u!==void 0?{hook:n,file:r,runs:!1,stopped:!0,problem:{message:`${L} runs ${n} from ${l(a,t)}, which has none: the integrity-guard hook in ${l(a,u)} no longer runs`,fix:K(k,n,o(t)?.isDirectory()!==!1)}}:{hook:n,file:r,runs:!1,stopped:!1,problem:{message:`${L} runs ${n} from ${l(a,t)}, which has none: integrity-guard is not installed as the ${n} hook in this clone`,fix:k&&!["local","worktree"].includes(k.scope)?K(k,n,o(t)?.isDirectory()!==!1):"npx integrity-guard init --hook-only"}}}const y=h(c)??"",_=T(a,t,c,n,y);if(!x(c)){const A=H(e,c);return{hook:n,file:r,runs:!1,stopped:_.runs||u!==void 0,problem:{message:`${r} is not executable, so git skips it (it prints only a hint) and the commit is not checked`,fix:`chmod +x ${j(c)}${A?` (a committed hooks folder on a filesystem without modes, or core.fileMode=false: also git add --chmod=+x ${j(r)} and commit it)`:""}`}}}return _.runs?{hook:n,file:r,runs:!0,stopped:!1,..._.via?{via:_.via}:{}}:{hook:n,file:r,runs:!1,stopped:u!==void 0||_.keptOurs===!0,problem:_.problem}}i(N,"hookStatus");function T(e,t,n,a,c){const r=l(e,n);if((0,f.Yn)(c))return{runs:!0,via:"integrity-guard's hook"};if(s().basename(t)==="_"||(0,d.Pc)(c)){const p=s().join(s().dirname(t),a),y=h(p);return y!==void 0&&(0,d.K9)(y)?{runs:!0,via:`husky (${l(e,p)})`}:{runs:!1,problem:{message:`husky runs ${l(e,p)}, which ${y===void 0?"does not exist":"does not run integrity-guard"}`,fix:"npx integrity-guard init --hook-only"}}}if((0,d.K9)(c))return{runs:!0,via:r};const u=(0,d.K8)(c);if(u){const p=u.configs.find(_=>(0,d.K9)(h(s().join(e,_))??""));if(p)return{runs:!0,via:`${u.name} (${p})`};const y=u.runsKept?h(n+u.runsKept):void 0;return y!==void 0&&(0,f.Yn)(y)&&x(n+u.runsKept)?{runs:!0,via:`${u.name} (${r}${u.runsKept})`}:{runs:!1,keptOurs:v(n),problem:{message:`${r} was written by ${u.name}, whose configuration does not run integrity-guard`,fix:u.fix}}}return{runs:!1,keptOurs:v(n),problem:{message:`${r} is a ${a} hook that does not run integrity-guard`,fix:`npx integrity-guard init --hook-only (it keeps this hook as ${r}${f.Xt} and runs it first)`}}}i(T,"reaches");function B(e,t,n){const a=s().join(s().dirname(t),n);if((0,d.K9)(h(a)??""))return o(s().join(t,"pre-commit"))!==void 0&&n==="pre-merge-commit"?{message:`${l(e,a)} runs integrity-guard, but this husky generates no ${l(e,s().join(t,n))} (husky 9 before 9.1.5), so git merge commits merges without the check`,fix:"npm install --save-dev husky@^9.1.5 && npx husky"}:{message:`${l(e,a)} runs integrity-guard, but husky is not set up in this clone (${l(e,t)} has no ${n})`,fix:"npx husky (or npm install, whose prepare script runs it)"}}i(B,"huskyMissingStub");function C(e,t,n){const a=[s().join(e.commonDir,"hooks",n),s().join(e.root,".husky",n)];for(const c of a){if(s().dirname(c)===t||s().basename(t)==="_"&&s().dirname(c)===s().dirname(t))continue;const r=h(c);if(r!==void 0&&((0,f.Yn)(r)||(0,d.K9)(r)))return c}}i(C,"installedElsewhere");function v(e){return[".old",".legacy"].some(t=>(0,f.Yn)(h(e+t)??""))}i(v,"keptCopyOfOurs");function K(e,t,n){return e?n?e.scope==="local"||e.scope==="worktree"||e.scope==="command"?"install it where git now looks: npx integrity-guard init --hook-only; or go back: git config --unset core.hooksPath":`give this repository its own hooks folder (git config core.hooksPath .githooks, then npx integrity-guard init --hook-only), or add \`integrity-guard check --staged\` to the ${t} hook in ${e.value}`:`core.hooksPath ${JSON.stringify(e.value)} is no folder, so it turns every hook off: git config ${M(e.scope)}--unset core.hooksPath`:"npx integrity-guard init --hook-only"}i(K,"movedFix");function H(e,t){const n=i(a=>!s().relative(a,t).startsWith(".."),"inside");return n(e.root)&&!n(e.gitDir)&&!n(e.commonDir)}i(H,"inWorkTree");function M(e){return e==="global"||e==="system"||e==="worktree"?`--${e} `:""}i(M,"scopeFlag");function o(e){try{return m().statSync(e)}catch{return}}i(o,"statOf");function h(e){try{return m().readFileSync(e,"utf8")}catch{return}}i(h,"readText");function x(e){try{return m().accessSync(e,m().constants.X_OK),!0}catch{return!1}}i(x,"isExecutable");function j(e){return/^[\w@%+=:,./-]+$/.test(e)?e:`'${e.replace(/'/g,"'\\''")}'`}i(j,"shellQuote");function l(e,t){const n=(0,w.xD)(e,t);return n.startsWith("..")?t:n}i(l,"display");function E(e){return e.filter(t=>!t.runs&&t.problem).map(t=>({rule:t.stopped?"hook/not-running":"hook/not-installed",level:t.stopped?"warning":"notice",key:t.hook,message:`the ${t.hook} hook does not run integrity-guard: ${t.problem.message}`,expected:`git runs integrity-guard check --staged as the ${t.hook} hook`,found:t.file,fix:t.problem.fix}))}i(E,"hookFindings");function P(e){return e.GITHUB_ACTIONS==="true"||e.CI!==void 0&&e.CI!==""&&e.CI!=="false"&&e.CI!=="0"}i(P,"hooksNotExpected");async function R(e){try{const t=(await S(e)).find(n=>n.stopped&&n.problem);return t?`integrity-guard: warning: the ${t.hook} hook no longer runs the check: ${t.problem.message}; fix: ${t.problem.fix} (integrity-guard health lists every hook)`:void 0}catch{return}}i(R,"tryStoppedHookHint")})};export{F as id,W as ids,Y as modules};
//# sourceMappingURL=8608.index.js.map
