var d=Object.defineProperty;var r=(t,e)=>d(t,"name",{value:e,configurable:!0});const u=21,l=[21],n={5402:((t,e)=>{Object.defineProperty(e,"__esModule",{value:!0});class o extends Error{static{r(this,"ValidationError")}constructor(s){super("validation failed"),this.errors=s,this.ajv=this.validation=!0}}e.default=o})};export{u as id,l as ids,n as modules};
//# sourceMappingURL=21.index.js.map
