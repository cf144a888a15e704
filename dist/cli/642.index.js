export const id = 642;
export const ids = [642];
export const modules = {

/***/ 4642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SchemaCompiler: () => (/* binding */ SchemaCompiler)
/* harmony export */ });
/* harmony import */ var _interop_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2662);

const OPTIONS = {
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    logger: false,
    code: { source: true },
};
/** One compiler per run: an ajv instance per draft, each schema registered once. */
class SchemaCompiler {
    instances = new Map();
    /** URI -> repo path of every schema registered, per draft instance. */
    registered = new Map();
    async compile(root, deps) {
        let ajv;
        try {
            ajv = await this.instance(root.draft);
        }
        catch (error) {
            return { ok: false, error: error.message };
        }
        const known = this.registered.get(root.draft) ?? new Map();
        this.registered.set(root.draft, known);
        try {
            for (const s of [root, ...deps]) {
                const other = known.get(s.uri);
                if (other !== undefined && other !== s.path) {
                    return { ok: false, error: `schemas ${other} and ${s.path} both have the $id ${s.uri}; give each schema its own $id` };
                }
            }
            for (const dep of deps) {
                if (known.has(dep.uri))
                    continue;
                // Validate a dependency against its meta-schema only when it is written in our draft;
                // a draft-07 definitions file referenced from a 2020-12 schema is common and works.
                ajv.addSchema(dep.schema, dep.uri, undefined, dep.draft === root.draft);
                known.set(dep.uri, dep.path);
            }
            const validate = known.has(root.uri) ? ajv.getSchema(root.uri) : ajv.compile(root.schema);
            if (!validate)
                return { ok: false, error: `internal: schema ${root.uri} is registered but cannot be compiled` };
            known.set(root.uri, root.path);
            const code = (await standalone())(ajv, validate);
            return {
                ok: true,
                code,
                validate: (data) => (validate(data) ? null : (validate.errors ?? [])),
            };
        }
        catch (error) {
            return { ok: false, error: error.message };
        }
    }
    async instance(draft) {
        const have = this.instances.get(draft);
        if (have)
            return have;
        let ajv;
        if (draft === "2020-12") {
            const Ajv2020 = (0,_interop_js__WEBPACK_IMPORTED_MODULE_0__/* .cjsNamed */ .c)(await Promise.all(/* import() */[__webpack_require__.e(285), __webpack_require__.e(457), __webpack_require__.e(210)]).then(__webpack_require__.t.bind(__webpack_require__, 2210, 23)), "Ajv2020");
            ajv = new Ajv2020(OPTIONS);
        }
        else if (draft === "2019-09") {
            const Ajv2019 = (0,_interop_js__WEBPACK_IMPORTED_MODULE_0__/* .cjsNamed */ .c)(await Promise.all(/* import() */[__webpack_require__.e(285), __webpack_require__.e(457), __webpack_require__.e(878)]).then(__webpack_require__.t.bind(__webpack_require__, 878, 23)), "Ajv2019");
            ajv = new Ajv2019(OPTIONS);
        }
        else if (draft === "draft-07" || draft === "draft-06") {
            const Ajv = (0,_interop_js__WEBPACK_IMPORTED_MODULE_0__/* .cjsNamed */ .c)(await Promise.all(/* import() */[__webpack_require__.e(285), __webpack_require__.e(457), __webpack_require__.e(463)]).then(__webpack_require__.t.bind(__webpack_require__, 2463, 23)), "Ajv");
            ajv = new Ajv(OPTIONS);
            if (draft === "draft-06") {
                const meta = await __webpack_require__.e(/* import() */ 12).then(__webpack_require__.t.bind(__webpack_require__, 6012, 19));
                ajv.addMetaSchema(meta.default ?? meta);
            }
        }
        else {
            throw new Error(`JSON Schema ${draft} is not supported (ajv-draft-04 is not installed); change $schema to http://json-schema.org/draft-07/schema# (usually only "id" -> "$id" and boolean exclusiveMinimum/exclusiveMaximum need changing)`);
        }
        const addFormats = (0,_interop_js__WEBPACK_IMPORTED_MODULE_0__/* .cjsNamed */ .c)(await Promise.all(/* import() */[__webpack_require__.e(285), __webpack_require__.e(457), __webpack_require__.e(815)]).then(__webpack_require__.t.bind(__webpack_require__, 2815, 23)), "default");
        addFormats(ajv);
        this.instances.set(draft, ajv);
        return ajv;
    }
}
/** ajv's standalone generator; its module is CommonJS, whose default export differs between Node and the bundler. */
async function standalone() {
    const e = (0,_interop_js__WEBPACK_IMPORTED_MODULE_0__/* .cjsExports */ .M)(await __webpack_require__.e(/* import() */ 398).then(__webpack_require__.t.bind(__webpack_require__, 1398, 23)));
    return (typeof e === "function" ? e : e.default);
}


/***/ })

};
