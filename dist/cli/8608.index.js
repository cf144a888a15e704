var G=Object.defineProperty;var i=(K,v)=>G(K,"name",{value:v,configurable:!0});const Y=8608,X=[8608],J={8246:((K,v,l)=>{l.d(v,{K8:i(()=>s,"K8"),K9:i(()=>h,"K9"),Pc:i(()=>f,"Pc"),tk:i(()=>x,"tk")});const m=[{test:/pre-commit\.com|INSTALL_PYTHON=/,runner:{name:"the pre-commit framework",configs:[".pre-commit-config.yaml",".pre-commit-config.yml"],runsKept:".legacy",fix:'add `- id: integrity-guard` to .pre-commit-config.yaml (docs/hooks.md, "The pre-commit framework"), then `pre-commit install`'}},{test:/lefthook/i,runner:{name:"lefthook",configs:["lefthook.yml","lefthook.yaml",".lefthook.yml",".lefthook.yaml","lefthook.json","lefthook.toml",".config/lefthook.yml",".config/lefthook.yaml","lefthook-local.yml",".lefthook-local.yml"],fix:"add a command `run: npx integrity-guard check --staged` under pre-commit (and pre-merge-commit) in lefthook.yml, then `npx lefthook install`"}},{test:/lint-staged/,runner:{name:"lint-staged",configs:["package.json",".lintstagedrc",".lintstagedrc.json",".lintstagedrc.yaml",".lintstagedrc.yml",".lintstagedrc.mjs",".lintstagedrc.cjs",".lintstagedrc.js","lint-staged.config.js","lint-staged.config.mjs","lint-staged.config.cjs","lint-staged.config.ts"],fix:'add `"*": () => "integrity-guard check --staged"` to the lint-staged config (docs/hooks.md, "lint-staged")'}},{test:/SKIP_SIMPLE_GIT_HOOKS|simple-git-hooks/,runner:{name:"simple-git-hooks",configs:["package.json",".simple-git-hooks.json",".simple-git-hooks.cjs",".simple-git-hooks.js","simple-git-hooks.json"],fix:'add `integrity-guard check --staged` to "simple-git-hooks" in package.json, then `npx simple-git-hooks`'}}];function x(g){return m.filter(y=>y.test.test(g)).map(y=>y.runner)}i(x,"hookRunners");function s(g){return m.find(y=>y.test.test(g))?.runner}i(s,"hookRunner");function h(g){return/^[^#\n]*\bintegrity-guard\b/m.test(g)}i(h,"callsIntegrityGuard");function f(g){return/^\.\s+"(?:\$\{0%\/\*\}|\$\(dirname (?:-- )?"\$0"\))\/h"\s*$/m.test(g)}i(f,"isHuskyStub")}),7870:((K,v,l)=>{l.d(v,{XC:i(()=>L,"XC"),Xt:i(()=>h,"Xt"),Yn:i(()=>A,"Yn"),bI:i(()=>H,"bI"),po:i(()=>j,"po")});const E="# integrity-guard-hook:",m="# >>> integrity-guard >>>",x="# <<< integrity-guard <<<",s=3,h=".local";function f(){return`ig_local=node_modules/.bin/integrity-guard
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
`}i(f,"localBinaryGuard");function g(o=""){return`ig_bin=integrity-guard
${f()}if [ "$ig_bin" = integrity-guard ] && ! command -v integrity-guard >/dev/null 2>&1; then
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
`}i(g,"checkBlock");const y=`ig_rebase_continue=
case "\${GIT_REFLOG_ACTION-}" in
  *" (continue)")
    if [ -d "$(git rev-parse --git-path rebase-merge 2>/dev/null)" ]; then
      ig_rebase_continue=yes
    fi
    ;;
esac
`,I=`  echo "  the rebase is still stopped at this step: fix the files, git add them, then git rebase --continue (or bypass once: git commit --no-verify, then git rebase --continue)" >&2
`;function N(){const o=g(I).replace(/^(?=.)/gm,"  ");return`${y}if [ -n "$ig_rebase_continue" ]; then
${o}fi
`}i(N,"rebaseContinueBlock");function D(o){return o==="prepare-commit-msg"?N():g()}i(D,"hookBody");const R={"pre-commit":`# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify`,"pre-merge-commit":`# git merge and git pull run this hook, not pre-commit, for a merge commit that needed no
# conflict resolution; a clean line-by-line merge of two valid files can still be corrupt (the
# same key added on both sides). Blocks it as pre-commit would; the merge stays in progress:
# fix, git add, git commit. Bypass once, at your own risk: git merge --no-verify`,"prepare-commit-msg":`# git rebase --continue commits a step whose conflicts you resolved with \`git commit -n\`, so
# pre-commit does not run for it: this hook runs the same check of the staged files for that
# commit only (GIT_REFLOG_ACTION "rebase (continue)" while a rebase is stopped), and does
# nothing for every other commit (pre-commit checked it, or you bypassed it with --no-verify).
# A blocked step stays stopped. Bypass once: git commit --no-verify, then git rebase --continue`};function H(o="pre-commit"){return`#!/bin/sh
# integrity-guard ${o} hook, written by \`integrity-guard init\`.
${R[o]}
${E} v${s}

# A ${o} hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/${o}${h}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${D(o)}exit 0
`}i(H,"gitHookScript");function O(o="pre-commit"){return`${m} v${s} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${D(o)}${x}
`}i(O,"huskyBlock");function j(o="pre-commit"){return`#!/usr/bin/env sh
${O(o)}`}i(j,"huskyFile");function A(o){return o.includes(E)}i(A,"isOurGitHook");function L(o,k="pre-commit"){const p=o.indexOf(m);if(p>=0){const S=o.indexOf(x,p);if(S>=0){let c=S+x.length;o[c]===`
`&&(c+=1);const T=o.slice(0,p)+O(k)+o.slice(c);return T===o?{text:T,action:"unchanged"}:{text:T,action:"updated"}}}if(/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(o))return{text:o,action:"present"};const P=o===""||o.endsWith(`
`)?"":`
`;return{text:o+P+(o===""?"":`
`)+O(k),action:"appended"}}i(L,"mergeHuskyFile")}),8608:((K,v,l)=>{l.d(v,{A:i(()=>T,"A"),h:i(()=>I,"h"),hooksNotExpected:i(()=>U,"hooksNotExpected"),tryStoppedHookHint:i(()=>F,"tryStoppedHookHint")});var E=l(3024),m=l.n(E),x=l(6760),s=l.n(x),h=l(7870),f=l(8246),g=l(7336),y=l(9553);async function I(e){const t=await e.hooksDir(),n=await Promise.all(["pre-commit","pre-merge-commit","prepare-commit-msg"].map(r=>D(e,t,r))),[a,u]=n;if(n.some(r=>r.runs))for(const r of[a,u])r.runs||(r.stopped=!0);return a.via?.startsWith(N)&&!u.runs&&u.problem&&!m().existsSync(s().join(t,"pre-merge-commit"))&&(u.problem.fix="pre-commit install --hook-type pre-merge-commit (the integrity-guard hook runs at every stage it is installed for)"),n}i(I,"hookStatuses");const N="the pre-commit framework";async function D(e,t,n){const a=e.root,u=s().join(t,n),r=c(a,u),d=O(e,t,n),_=k(u);if(_===void 0||!_.isFile()){const M=s().basename(t)==="_"?H(a,t,n):void 0;if(M)return{hook:n,file:r,runs:!1,problem:M,stopped:!0};const w=await e.hooksPathSetting(),C=w?`core.hooksPath is ${JSON.stringify(w.value)} (${w.scope} git config), so git`:"git";if(d!==void 0&&s().dirname(d)===s().join(a,".husky")&&!w)return{hook:n,file:r,runs:!1,stopped:!0,problem:{message:`${c(a,d)} runs integrity-guard, but husky is not set up in this clone (core.hooksPath is not .husky/_), so git runs ${r}, which does not exist`,fix:"npx husky (or npm install, whose prepare script runs it)"}};if(d!==void 0)return{hook:n,file:r,runs:!1,stopped:!0,problem:{message:`${C} runs ${n} from ${c(a,t)}, which has none: the integrity-guard hook in ${c(a,d)} no longer runs`,fix:A(w,n,k(t)?.isDirectory()!==!1)}};const B=u+h.Xt;return k(B)?.isFile()&&P(B)?{hook:n,file:r,runs:!1,stopped:!0,problem:{message:`${C} runs ${n} from ${c(a,t)}, which has none: neither integrity-guard nor your own hook kept in ${c(a,B)} runs (an install that stopped halfway, or integrity-guard's hook removed)`,fix:`npx integrity-guard init --hook-only (its hook runs ${c(a,B)} first)`}}:{hook:n,file:r,runs:!1,stopped:!1,problem:{message:`${C} runs ${n} from ${c(a,t)}, which has none: integrity-guard is not installed as the ${n} hook in this clone`,fix:w&&!["local","worktree"].includes(w.scope)?A(w,n,k(t)?.isDirectory()!==!1):"npx integrity-guard init --hook-only"}}}const $=p(u)??"",b=R(a,t,u,n,$);if(!P(u)){const M=L(e,u);return{hook:n,file:r,runs:!1,stopped:b.runs||d!==void 0,problem:{message:`${r} is not executable, so git skips it (it prints only a hint) and the commit is not checked`,fix:`chmod +x ${S(u)}${M?` (a committed hooks folder on a filesystem without modes, or core.fileMode=false: also git add --chmod=+x ${S(r)} and commit it)`:""}`}}}return b.runs?{hook:n,file:r,runs:!0,stopped:!1,...b.via?{via:b.via}:{}}:{hook:n,file:r,runs:!1,stopped:d!==void 0||b.keptOurs===!0,problem:b.problem}}i(D,"hookStatus");function R(e,t,n,a,u){const r=c(e,n);if((0,h.Yn)(u))return{runs:!0,via:"integrity-guard's hook"};if(s().basename(t)==="_"||(0,f.Pc)(u)){const _=s().join(s().dirname(t),a),$=p(_);return $!==void 0&&(0,f.K9)($)?{runs:!0,via:`husky (${c(e,_)})`}:{runs:!1,problem:{message:`husky runs ${c(e,_)}, which ${$===void 0?"does not exist":"does not run integrity-guard"}`,fix:"npx integrity-guard init --hook-only"}}}if((0,f.K9)(u))return{runs:!0,via:r};const d=(0,f.K8)(u);if(d){const _=d.configs.find(b=>(0,f.K9)(p(s().join(e,b))??""));if(_)return{runs:!0,via:`${d.name} (${_})`};const $=d.runsKept?p(n+d.runsKept):void 0;return $!==void 0&&(0,h.Yn)($)&&P(n+d.runsKept)?{runs:!0,via:`${d.name} (${r}${d.runsKept})`}:{runs:!1,keptOurs:j(n),problem:{message:`${r} was written by ${d.name}, whose configuration does not run integrity-guard`,fix:d.fix}}}return{runs:!1,keptOurs:j(n),problem:{message:`${r} is a ${a} hook that does not run integrity-guard`,fix:`npx integrity-guard init --hook-only (it keeps this hook as ${r}${h.Xt} and runs it first)`}}}i(R,"reaches");function H(e,t,n){const a=s().join(s().dirname(t),n);if((0,f.K9)(p(a)??""))return k(s().join(t,"pre-commit"))!==void 0&&n==="pre-merge-commit"?{message:`${c(e,a)} runs integrity-guard, but this husky generates no ${c(e,s().join(t,n))} (husky 9 before 9.1.5), so git merge commits merges without the check`,fix:"npm install --save-dev husky@^9.1.5 && npx husky"}:{message:`${c(e,a)} runs integrity-guard, but husky is not set up in this clone (${c(e,t)} has no ${n})`,fix:"npx husky (or npm install, whose prepare script runs it)"}}i(H,"huskyMissingStub");function O(e,t,n){const a=[s().join(e.commonDir,"hooks",n),s().join(e.root,".husky",n)];for(const u of a){if(s().dirname(u)===t||s().basename(t)==="_"&&s().dirname(u)===s().dirname(t))continue;const r=p(u);if(r!==void 0&&((0,h.Yn)(r)||(0,f.K9)(r)))return u}}i(O,"installedElsewhere");function j(e){return[".old",".legacy"].some(t=>(0,h.Yn)(p(e+t)??""))}i(j,"keptCopyOfOurs");function A(e,t,n){return e?n?e.scope==="local"||e.scope==="worktree"||e.scope==="command"?"install it where git now looks: npx integrity-guard init --hook-only; or go back: git config --unset core.hooksPath":`give this repository its own hooks folder (git config core.hooksPath .githooks, then npx integrity-guard init --hook-only), or add \`integrity-guard check --staged\` to the ${t} hook in ${e.value}`:`core.hooksPath ${JSON.stringify(e.value)} is no folder, so it turns every hook off: git config ${o(e.scope)}--unset core.hooksPath`:"npx integrity-guard init --hook-only"}i(A,"movedFix");function L(e,t){const n=i(a=>!s().relative(a,t).startsWith(".."),"inside");return n(e.root)&&!n(e.gitDir)&&!n(e.commonDir)}i(L,"inWorkTree");function o(e){return e==="global"||e==="system"||e==="worktree"?`--${e} `:""}i(o,"scopeFlag");function k(e){try{return m().statSync(e)}catch{return}}i(k,"statOf");function p(e){try{return m().readFileSync(e,"utf8")}catch{return}}i(p,"readText");function P(e){try{return m().accessSync(e,m().constants.X_OK),!0}catch{return!1}}i(P,"isExecutable");function S(e){return/^[\w@%+=:,./-]+$/.test(e)?e:`'${e.replace(/'/g,"'\\''")}'`}i(S,"shellQuote");function c(e,t){const n=(0,g.xD)(e,t);return n.startsWith("..")?t:n}i(c,"display");function T(e){return e.filter(t=>!t.runs&&t.problem).map(t=>({rule:t.stopped?"hook/not-running":"hook/not-installed",level:t.stopped?"warning":"notice",key:t.hook,message:`the ${t.hook} hook does not run integrity-guard: ${t.problem.message}`,expected:`git runs integrity-guard check --staged as the ${t.hook} hook`,found:t.file,fix:t.problem.fix}))}i(T,"hookFindings");function U(e){return(0,y.o4)(e)}i(U,"hooksNotExpected");async function F(e){try{const t=(await I(e)).find(n=>n.stopped&&n.problem);return t?`integrity-guard: warning: the ${t.hook} hook no longer runs the check: ${t.problem.message}; fix: ${t.problem.fix} (integrity-guard health lists every hook)`:void 0}catch{return}}i(F,"tryStoppedHookHint")})};export{Y as id,X as ids,J as modules};
//# sourceMappingURL=8608.index.js.map
