var u=Object.defineProperty;var o=(l,a)=>u(l,"name",{value:a,configurable:!0});const v=4567,y=[4567,8562],p={10:((l,a,e)=>{e.r(a),e.d(a,{command:o(()=>n,"command")});var s=e(8287),r=e(8157),d=e(5025),c=e(2552);const n={name:"validate",yamlOnDemand:!0,usage:"integrity-guard validate [--staged] [PATH...]",description:`
Every file selected by validate.files (default **/*.json, **/*.yaml, **/*.yml) minus
validate.exclude must parse: strict JSON (comments and trailing commas only in validate.jsonc
files), YAML without duplicate keys. Files mapped to a JSON Schema (validate.schemas globs, or
the file's own "$schema" when it is a local path relative to the file) must satisfy it;
draft-07, 2019-09 and 2020-12 are supported, with formats. Every error is reported at the line
and column of the offending value, with its JSON pointer, what was expected and what was found.
A file matched by validate.require_schema with no schema is schema/missing.

A schema that is missing, does not parse or does not compile stops the run (exit 2).
Compiled schemas are cached under .git/integrity-guard/schema-cache/, keyed by their content.
${(0,c.u)("A folder selects the files below it that validate.files and validate.exclude select; a file named one by one (or matched by a glob) is validated even when validate.files does not select it, if it is .json/.yaml/.yml or a validate.jsonc file.")}

Outside a git repository, validate PATH... still works: it reads the files from disk, and the
config is .integrity-guard/config.yml in the nearest folder above (whose files are then named
relative to that folder), else the defaults. Without a path there it is exit 2 (name \`.\` to
validate the current folder).`,examples:["integrity-guard validate                         # every JSON/YAML file in the working tree","integrity-guard validate config/system.yaml data # named files, and everything below data/","cd config && integrity-guard validate .           # everything below the current folder","integrity-guard validate 'config/**/*.yaml'       # a glob, quoted: expanded by integrity-guard","integrity-guard -C services/api validate .        # as if started in services/api","integrity-guard validate --staged                 # the staged versions","integrity-guard validate --format json            # {version, findings, summary}"],options:{staged:{type:"boolean",description:"read files from the git index (what will be committed) instead of the working tree"},"no-cache":{type:"boolean",description:"do not use or write the compiled-schema cache under .git/integrity-guard/"}},positionals:{name:"PATH...",description:"files, folders or quoted globs to validate, relative to the current directory (default: all that validate.files selects)"},async run(i){const t=await(0,d.buildCheckContext)(i,i.positionals,"validate");i.options.staged===!0&&i.positionals.length===0&&delete t.paths;const m=process.hrtime.bigint(),g=(0,r.Ij)(await(0,s.runValidate)(t,t.named?{explicit:t.named}:{}),t.config),h=(0,s.validateStats)(t);return{findings:g,summary:{checked:h?.checked??0,...(0,d.sourceSummary)(t),schemas:{cached:h?.schemasCached??0,compiled:h?.schemasCompiled??0},ms:Math.round(Number(process.hrtime.bigint()-m)/1e6)}}}}}),8562:((l,a,e)=>{e.d(a,{R:o(()=>d,"R")});var s=e(7598),r=e.n(s);function d(c,n,i=40){return r().createHash(i===64?"sha256":"sha1").update(`${c} ${n.length}\0`,"latin1").update(n).digest("hex")}o(d,"gitObjectId")})};export{v as id,y as ids,p as modules};
//# sourceMappingURL=4567.index.js.map
