var p=Object.defineProperty;var e=(o,t)=>p(o,"name",{value:t,configurable:!0});const E=8562,h=[8562],l={8562:((o,t,d)=>{d.d(t,{R:e(()=>a,"R")});var n=d(7598),s=d.n(n);function a(u,_,c=40){return s().createHash(c===64?"sha256":"sha1").update(`${u} ${_.length}\0`,"latin1").update(_).digest("hex")}e(a,"gitObjectId")})};export{E as id,h as ids,l as modules};
//# sourceMappingURL=8562.index.js.map
