/** SHA-256 of JSON.stringify(the config schema) the generated validator was built from. */
export declare const configSchemaHash = "06745c7bff576b1926bac99a88a15f6264c61d0496d7f65f513c806e8f232e5f";
