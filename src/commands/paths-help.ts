/** The paragraph every verb that takes paths shows in --help (one text, so the verbs agree). */

const WIDTH = 96;

/** `selects`: what a folder or glob picks for this verb, one or two sentences. */
export function pathsHelp(selects: string): string {
  const text =
    "Paths are relative to the current directory, as in eslint, prettier or yamllint, also from a " +
    "subfolder of the repository: a file (config/app.yaml), a folder with or without a trailing / " +
    "(config, config/, ./config), . (here) or .. (while still inside the repository), an absolute " +
    "path inside the repository, or a glob: quote it ('config/**/*.yaml') and integrity-guard " +
    `expands it; unquoted, the shell expands it and the files arrive one by one. ${selects} ` +
    "A path that does not exist, selects nothing, or leaves the repository (also through a " +
    "symlink) is exit 2. Reports name files relative to the repository root, whatever the current " +
    "directory. -C DIR runs as if started in DIR.";
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return `\n${[...lines, line].join("\n")}`;
}
