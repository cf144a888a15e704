/**
 * Unit tests call parseDocument and the checks directly, without the CLI entry that loads the
 * YAML parser on demand: load it once per test file. The on-demand loading itself is tested
 * through the built bundle (test/e2e/yaml-on-demand.test.ts), where nothing is preloaded.
 */
import "../../src/core/parse/yaml.js";
