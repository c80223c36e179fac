// Article files: source/<slug>.yaml (or .yml). The one place that says which files are articles
// and takes an article's slug from its file name.

/**
 * Whether a file of the source folder is an article: its name ends in .yaml or .yml, and it is not
 * corpus.yaml, the corpus's own settings (corpus/corpus-file.ts).
 */
export function isArticleFile(name: string): boolean {
  return /\.ya?ml$/.test(name) && !/^corpus\.ya?ml$/.test(fileName(name));
}

/** The file's name without its folder ("source/ifex.yaml" → "ifex.yaml"). */
export function fileName(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}

/** The slug an article file stands for: its name without folder and extension ("source/ifex.yaml" → "ifex"). */
export function slugOfFile(file: string): string {
  return fileName(file).replace(/\.ya?ml$/, "");
}
