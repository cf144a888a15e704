/** SHA-256 of JSON.stringify(the config schema) the generated validator was built from. */
export declare const configSchemaHash = "0edbbeb528bbc26e825199248f988a263055870119aaad11682fa7c604b8b6e2";
