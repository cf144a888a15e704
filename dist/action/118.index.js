var D=Object.defineProperty;var p=(u,h)=>D(u,"name",{value:h,configurable:!0});const L=118,A=[118],R={7118:((u,h,l)=>{l.r(h),l.d(h,{command:p(()=>E,"command")});var $=l(6903),j=l(3009),v=l(1867),_=l(6085),w=l(1912),y=l(6267);const E={name:"schemas",yamlOnDemand:!0,usage:"integrity-guard schemas [--staged] [--list]",description:`
For every file the validate check reads, the schema that applies and why: a validate.schemas
mapping (the glob that matched), or an entry of the catalog of well-known files (the fileMatch
pattern that matched). Explicit mappings win over the catalog; a team's catalog file
(validate.catalog, SchemaStore's catalog.json format) comes before the built-in entries. The
built-in catalog holds SchemaStore's schemas for GitHub workflows and actions, dependabot.yml,
compose files, .pre-commit-config.yaml, package.json, tsconfig.json and more, vendored with
integrity-guard (docs/catalog.md): no network. A violation is an error where the consumer
refuses the file (a workflow GitHub will not run) and a warning where the schema is advisory.
Turn it off with validate.well_known: false, or one entry with
validate.well_known.entries.<id>: false.

A file's own "$schema" also counts (a local path, or a json.schemastore.org URL of a vendored
schema); it is read from the file's content, so \`validate\` reports it, not this list.

--list shows the entries instead: id, level, fileMatch, and whether the config turns it off.`,examples:["integrity-guard schemas                 # files and the schema that applies to each","integrity-guard schemas --list          # the catalog's entries","integrity-guard schemas --format json   # {files: [{file, schema, from, pattern, level}]}"],options:{staged:{type:"boolean",description:"list the files of the git index instead of the working tree"},list:{type:"boolean",description:"list the catalog's entries (built-in and validate.catalog) instead of files"}},async run(n){const a=n.loaded.config.validate??{},d=n.options.staged?new w._P(n.git):new w.fR(n.git),t=(0,$.validateSelection)(a);if(await(0,j.ph)(a,t.mapper,(0,y.G)(d,n.git)),n.options.list){const o=typeof a.well_known=="object"?a.well_known.entries??{}:{},f=v.L6.map(e=>{const c=Object.hasOwn(o,e.id)?o[e.id]:void 0,O=a.well_known===!1||c===!1;return{id:e.id,name:e.name,level:typeof c=="object"&&c.level||e.level,schema:typeof c=="object"&&c.schema?c.schema:`built-in:${e.file}`,fileMatch:[...e.fileMatch],on:!O}}),g=(t.mapper.catalog?.userEntries()??[]).map(e=>({id:e.id,catalog:e.catalog,level:e.level,schema:e.schema,fileMatch:[...e.fileMatch]})),b=[...g.length?["validate.catalog (matched first):",...g.map(e=>`  ${e.id.padEnd(18)} ${e.level.padEnd(8)} ${e.fileMatch.join(", ")}  -> ${e.schema} (${e.catalog})`)]:[],"built-in catalog (docs/catalog.md); - = turned off by the config:",...f.map(e=>`${e.on?" ":"-"} ${e.id.padEnd(18)} ${e.level.padEnd(8)} ${e.fileMatch.join(", ")}${e.on?"":"  (off)"}`)].join(`
`);return{findings:[],json:{user:g,entries:f},text:`${b}
`}}const r=(await d.list()).filter(t.selects).sort(),i=[];for(const o of r)for(const f of t.mapper.for(o,void 0).schemas)i.push(M(o,f,a.schemas??[]));const s=Math.min(60,Math.max(4,...i.map(o=>o.file.length))),m=i.length?i.map(o=>`${o.file.padEnd(s)}  ${o.schema}  (${o.from}: ${o.pattern}; ${o.level})`).join(`
`)+`
`:`no file matches a schema mapping or a catalog entry
`;return{findings:[],json:{files:i},text:m,summary:{files:r.length,matched:i.length}}}};function M(n,a,d){if(a.from==="$schema")return{file:n,schema:a.path,from:"$schema",pattern:"$schema",level:"error"};if("config"in a.from){const s=d[a.from.config];return{file:n,schema:a.path,from:`validate.schemas[${a.from.config}]`,pattern:s.files.find(m=>(0,_.jN)([m])(n))??s.files.join(", "),level:"error"}}const t=a.from.catalog,r=t.catalog==="built-in",i=r?v.L6.find(s=>s.id===t.id):void 0;return{file:n,schema:i&&t.schema.startsWith("/")?`built-in:${i.file}`:t.schema,from:r?`built-in entry ${t.id}`:`${t.catalog} entry ${t.id}`,pattern:t.fileMatch.find(s=>(0,_.jN)([s.includes("/")?s:`**/${s}`])(n))??t.fileMatch.join(", "),level:t.level}}p(M,"describe")})};export{L as id,A as ids,R as modules};
//# sourceMappingURL=118.index.js.map
