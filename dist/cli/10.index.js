var f=Object.defineProperty;var l=(d,a)=>f(d,"name",{value:a,configurable:!0});const v=10,y=[10],p={10:((d,a,t)=>{t.r(a),t.d(a,{command:l(()=>h,"command")});var o=t(2466),r=t(8157),n=t(4847),c=t(2552);const h={name:"validate",yamlOnDemand:!0,usage:"integrity-guard validate [--staged] [PATH...]",description:`
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
validate the current folder).`,examples:["integrity-guard validate                         # every JSON/YAML file in the working tree","integrity-guard validate config/system.yaml data # named files, and everything below data/","cd config && integrity-guard validate .           # everything below the current folder","integrity-guard validate 'config/**/*.yaml'       # a glob, quoted: expanded by integrity-guard","integrity-guard -C services/api validate .        # as if started in services/api","integrity-guard validate --staged                 # the staged versions","integrity-guard validate --format json            # {version, findings, summary}"],options:{staged:{type:"boolean",description:"read files from the git index (what will be committed) instead of the working tree"},"no-cache":{type:"boolean",description:"do not use or write the compiled-schema cache under .git/integrity-guard/"}},positionals:{name:"PATH...",description:"files, folders or quoted globs to validate, relative to the current directory (default: all that validate.files selects)"},async run(i){const e=await(0,n.buildCheckContext)(i,i.positionals,"validate");i.options.staged===!0&&i.positionals.length===0&&delete e.paths;const m=performance.now(),g=(0,r.Ij)(await(0,o.runValidate)(e,e.named?{explicit:e.named}:{}),e.config),s=(0,o.validateStats)(e);return{findings:g,summary:{checked:s?.checked??0,...(0,n.sourceSummary)(e),schemas:{cached:s?.schemasCached??0,compiled:s?.schemasCompiled??0},ms:Math.round(performance.now()-m)}}}}})};export{v as id,y as ids,p as modules};
//# sourceMappingURL=10.index.js.map
