// The two parts of N3.js the writers use, loaded without the rest: `import "n3"` also loads its
// parsers, store, reasoner and stream classes (with a copy of Node's streams), which cost a
// one-article export more time than writing every format. Same modules as "n3" re-exports, so
// terms made here are the ones N3.js makes everywhere else.

import { createRequire } from "node:module";
import type N3Module from "n3";

const require = createRequire(import.meta.url);

export const N3 = {
  Writer: (require("n3/lib/N3Writer.js") as { default: typeof N3Module.Writer }).default,
  DataFactory: (require("n3/lib/N3DataFactory.js") as { default: typeof N3Module.DataFactory }).default,
};

// The types writers name as N3.Quad, N3.NamedNode, N3.Literal.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace N3 {
  type Quad = N3Module.Quad;
  type NamedNode = N3Module.NamedNode;
  type Literal = N3Module.Literal;
}
