/** SHA-256 of JSON.stringify(the config schema) the generated validator was built from. */
export declare const configSchemaHash = "71f6ed01345917960366495e7fc2b2ca14a133afd01e07a6d7055c8c64bc5af1";
