// Run before each test file of the "shared" project (vitest.config.ts), whose files follow one
// another in a worker process and share its modules: the state the tests change is set back to what
// a fresh process starts with, so no file sees what the one before it left (the corpus settings a
// reference export applied, the IFEX article made under them).

import { applyCorpusSettings, DEFAULT_SETTINGS } from "../scripts/graph/shared.ts";
import { forgetIfex } from "./ifex.ts";

applyCorpusSettings(DEFAULT_SETTINGS);
forgetIfex();
