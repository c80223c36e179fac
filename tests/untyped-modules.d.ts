// Packages that ship no type declarations, typed as far as the tests use them.
declare module "rdf-canonize" {
  const canonize: { canonize(dataset: unknown, options: { algorithm: "RDFC-1.0" | "URDNA2015"; format?: string; inputFormat?: string }): Promise<string> };
  export default canonize;
}
