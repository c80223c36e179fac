// Run before each test file (vitest.config.ts, both projects): what the file's tests made with
// tempDir is removed once the file ends, whether its tests passed or failed.

import { afterAll } from "vitest";
import { removeTempDirs } from "./helpers.ts";

afterAll(removeTempDirs);
