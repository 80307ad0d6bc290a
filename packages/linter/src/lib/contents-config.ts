/** The configured `contents`: one file, a list of files, or globs. */
export interface ContentsSetting {
  /** The main contents list (the first plain file), found by discovery. */
  main?: string;
  /** More contents lists: the other files and every glob (`TOC-*.md`). */
  more: string[];
}

const globCharacters = /[*?[\]{}]/;

/** Split the configured `contents` into the main list and the others. */
export function contentsSetting(contents: string | string[] | undefined): ContentsSetting {
  const list = contents === undefined ? [] : typeof contents === 'string' ? [contents] : contents;
  const main = list.find((item) => !globCharacters.test(item));
  return { ...(main !== undefined ? { main } : {}), more: list.filter((item) => item !== main).map((item) => item.replace(/^\.\//, '')) };
}
