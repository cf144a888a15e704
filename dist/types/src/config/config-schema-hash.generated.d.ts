/** SHA-256 of JSON.stringify(the config schema) the generated validator was built from. */
export declare const configSchemaHash = "8ecdee509bf915baefed72ce60b8a9a2c4270ef056b1057c28ddaa17fc47cfb0";
