// The `yaml` library, loaded the first time something needs it. A valid article is read by the
// fast path (fast-yaml.ts) and never needs it; loading it costs a one-article export tens of
// milliseconds. It is needed for the position of a problem, and for every text the fast path declines.
//
// A synchronous require, because readYaml is synchronous; the package's "node" export is CommonJS,
// the same module an `import "yaml"` elsewhere gets.

import { createRequire } from "node:module";
import type * as YamlLibrary from "yaml";
import { once } from "../lib/once.ts";

const require = createRequire(import.meta.url);
export const yamlLibrary = once(() => require("yaml") as typeof YamlLibrary);
