/** The GitHub Action entry (bundled to dist/action/index.js). Built out in the Action issue. */
import * as core from "@actions/core";

core.setFailed("the integrity-guard Action is not implemented yet");
