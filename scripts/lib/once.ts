// A value made on first use and the same ever after: tables read from files or packages, and
// libraries loaded when first needed. What it makes must not depend on any setting of an export,
// which are arguments of the functions that use them.

export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
