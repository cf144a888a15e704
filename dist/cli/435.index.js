export const id = 435;
export const ids = [435];
export const modules = {

/***/ 5435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Not implemented yet: each verb lands with its issue. */
const command = {
    name: "sync",
    summary: "",
    usage: "integrity-guard sync",
    options: {},
    run: async () => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb("'sync' is not implemented yet");
    },
};


/***/ })

};
