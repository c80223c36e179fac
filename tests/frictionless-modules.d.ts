// Frictionless Data's JavaScript libraries ship no type declarations: typed as far as the tests use them.
declare module "datapackage" {
  export interface Resource {
    name: string;
    tabular: boolean;
    descriptor: Record<string, unknown>;
  }
  export class Package {
    static load(descriptor: string | Record<string, unknown>, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    resources: Resource[];
    descriptor: Record<string, unknown>;
  }
}

declare module "tableschema" {
  export class Table {
    static load(source: string, options: Record<string, unknown>): Promise<Table>;
    headers: string[];
    read(options?: { keyed?: boolean; cast?: boolean }): Promise<Record<string, unknown>[]>;
  }
}
