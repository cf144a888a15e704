/** SHA-256 of JSON.stringify(the config schema) the generated validator was built from. */
export declare const configSchemaHash = "e4ebc288e742dfb3dc9a97b819cb706e750388a8a01b26252467ccfd5c32c976";
