// The prebuilt command line's one entry (cli/prebuilt.ts bundles it): on the main thread the
// export's command line (export.ts), in a worker thread one of the export's threads (corpus/worker.ts).

import { isMainThread } from "node:worker_threads";

if (isMainThread) void import("./export.ts");
else void import("../corpus/worker.ts");
