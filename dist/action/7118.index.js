var L=Object.defineProperty;var u=(v,_)=>L(v,"name",{value:_,configurable:!0});const U=7118,W=[7118],C={7118:((v,_,i)=>{i.r(_),i.d(_,{command:u(()=>P,"command")});var y=i(6930),k=i(1112),O=i(7668),E=i(3009),w=i(1867),j=i(6085),b=i(2103),M=i(4759),$=i(1912),D=i(6267);const P={name:"schemas",yamlOnDemand:!0,usage:"integrity-guard schemas [--staged] [--list]",description:`
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

A file a built-in entry matches by name whose root is the other kind of container than the
entry's schema requires (an Ansible task list named docker-compose.yml) is shown with the note
"skipped by check (schema/skipped)": \`check\` does not validate it against that entry.

A file's own "$schema" also counts (a local path, or a json.schemastore.org URL of a vendored
schema); it is read from the file's content, so \`validate\` reports it, not this list.

--list shows the entries instead: id, level, fileMatch, and whether the config turns it off.`,examples:["integrity-guard schemas                 # files and the schema that applies to each","integrity-guard schemas --list          # the catalog's entries","integrity-guard schemas --format json   # {files: [{file, schema, from, pattern, level, skipped?}]}"],options:{staged:{type:"boolean",description:"list the files of the git index instead of the working tree"},list:{type:"boolean",description:"list the catalog's entries (built-in and validate.catalog) instead of files"}},async run(s){const o=s.loaded.config.validate??{},r=s.options.staged?new $._P(s.git):new $.fR(s.git),n=(0,O.validateSelection)(o);if(await(0,E.ph)(o,n.mapper,(0,D.G)(r,s.git)),s.options.list){const a=typeof o.well_known=="object"?o.well_known.entries??{}:{},c=w.L6.map(e=>{const p=Object.hasOwn(a,e.id)?a[e.id]:void 0,T=o.well_known===!1||p===!1;return{id:e.id,name:e.name,level:typeof p=="object"&&p.level||e.level,schema:typeof p=="object"&&p.schema?p.schema:`built-in:${e.file}`,fileMatch:[...e.fileMatch],on:!T}}),m=(n.mapper.catalog?.userEntries()??[]).map(e=>({id:e.id,catalog:e.catalog,level:e.level,schema:e.schema,fileMatch:[...e.fileMatch]})),g=[...m.length?["validate.catalog (matched first):",...m.map(e=>`  ${e.id.padEnd(18)} ${e.level.padEnd(8)} ${e.fileMatch.join(", ")}  -> ${e.schema} (${e.catalog})`)]:[],"built-in catalog (docs/catalog.md); - = turned off by the config:",...c.map(e=>`${e.on?" ":"-"} ${e.id.padEnd(18)} ${e.level.padEnd(8)} ${e.fileMatch.join(", ")}${e.on?"":"  (off)"}`)].join(`
`);return{findings:[],json:{user:m,entries:c},text:`${g}
`}}const h=(await r.list()).filter(n.selects).sort(),l=[],t=[];for(const a of h)for(const c of n.mapper.for(a,void 0).schemas){const m=B(a,c,o.schemas??[]);l.push(m);const g=typeof c.from=="object"&&"catalog"in c.from?c.from.catalog:void 0;g?.rootType&&g.catalog==="built-in"&&t.push({row:m,entry:g})}await A(t,r,o);const d=Math.min(60,Math.max(4,...l.map(a=>a.file.length))),f=l.length?l.map(a=>`${a.file.padEnd(d)}  ${a.schema}  (${a.from}: ${a.pattern}; ${a.level})`+(a.skipped?`
${" ".repeat(d)}  skipped by check (${a.skipped.rule}): ${a.skipped.message}`:"")).join(`
`)+`
`:`no file matches a schema mapping or a catalog entry
`;return{findings:[],json:{files:l},text:f,summary:{files:h.length,matched:l.length}}}};async function A(s,o,r){if(s.length===0)return;const n=(0,M.mB)(r.jsonc),h=(0,y.o2)(r),l=await o.read([...new Set(s.map(t=>t.row.file))],{maxBytes:h});for(const{row:t,entry:d}of s){const f=l.get(t.file);if(!Buffer.isBuffer(f))continue;const a=(0,M.Az)(t.file,n,f);if(f.length>(a==="yaml"?(0,y.HG)(r):h))continue;const c=await(0,b.Nn)(f,{path:t.file,format:a});!c.ok||!(0,k.FO)(c.documents,d.rootType)||(t.skipped={rule:"schema/skipped",message:(0,E.g7)(t.file,d).message})}}u(A,"markSkipped");function B(s,o,r){if(o.from==="$schema")return{file:s,schema:o.path,from:"$schema",pattern:"$schema",level:"error"};if("config"in o.from){const t=r[o.from.config];return{file:s,schema:o.path,from:`validate.schemas[${o.from.config}]`,pattern:t.files.find(d=>(0,j.jN)([d])(s))??t.files.join(", "),level:"error"}}const n=o.from.catalog,h=n.catalog==="built-in",l=h?w.L6.find(t=>t.id===n.id):void 0;return{file:s,schema:l&&n.schema.startsWith("/")?`built-in:${l.file}`:n.schema,from:h?`built-in entry ${n.id}`:`${n.catalog} entry ${n.id}`,pattern:n.fileMatch.find(t=>(0,j.jN)([t.includes("/")?t:`**/${t}`])(s))??n.fileMatch.join(", "),level:n.level}}u(B,"describe")})};export{U as id,W as ids,C as modules};
//# sourceMappingURL=7118.index.js.map
