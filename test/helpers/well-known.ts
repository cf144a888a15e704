/** Well-known files their consumers refuse (issue 19), shared by the integration and e2e tests. */

/** `runs-onn` (line 5, column 5): GitHub refuses the workflow. */
export const WORKFLOW_MISSPELT = `name: ci
on: [push]
jobs:
  test:
    runs-onn: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
`;
/** `ports` must be a list (line 4, column 12): docker compose refuses the file. */
export const COMPOSE_WRONG_TYPE = `services:
  web:
    image: nginx:1.27
    ports: "8080:80"
`;
/** No `version` (reported at 1:1): Dependabot refuses the file. */
export const DEPENDABOT_NO_VERSION = `updates:
  - package-ecosystem: npm
    directory: /
    schedule:
      interval: weekly
`;
