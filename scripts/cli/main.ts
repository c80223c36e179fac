// The prebuilt command line's one entry (lib/prebuilt-bundle.ts bundles it): on the main thread the
// export's command line (export.ts), in a worker thread one of the export's threads (corpus/worker.ts).
// A worker is told by an argument its pool gives it (corpus/pool.ts), not by node:worker_threads'
// isMainThread: the main thread of a small export never loads that module.

import { EXPORT_THREAD_ARGUMENT } from "../corpus/pool.ts";

if (process.argv.includes(EXPORT_THREAD_ARGUMENT)) void import("../corpus/worker.ts");
else void import("./export.ts");
