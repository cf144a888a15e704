/** SHA-256 of JSON.stringify(the config schema) the generated validator was built from. */
export declare const configSchemaHash = "3acde18d5acc915b180d8ef334b023918eebcd50fda1c9fa7b23e330c4d6c0fb";
