/**
 * The tree objects git's write-tree would make for a list of files, computed here so they can
 * go into the snapshot's pack: write-tree then finds every tree already stored and writes none
 * (on a slow disk its 100 loose tree files cost more than the rest of the snapshot). write-tree
 * still runs and its answer is the one used: trees computed wrongly here would only be unused.
 */
import { ObjectHasher } from "./pack.js";

export interface TreeInput {
  mode: string;
  oid: string;
  /** Repo-relative POSIX path of a file. */
  path: string;
}

interface Dir {
  files: { name: string; mode: string; oid: string }[];
  dirs: Map<string, Dir>;
}

/** Tree objects for `entries`, children before parents; `root` is the top tree's id. */
export function buildTrees(entries: readonly TreeInput[]): { root: string; trees: Buffer[] } {
  const top: Dir = { files: [], dirs: new Map() };
  // Folder path -> its node; files of one folder come in a run, so most lookups hit `last`.
  const byDir = new Map<string, Dir>([["", top]]);
  const dirOf = (dirPath: string): Dir => {
    let dir = byDir.get(dirPath);
    if (dir) return dir;
    const slash = dirPath.lastIndexOf("/");
    const parent = dirOf(slash < 0 ? "" : dirPath.slice(0, slash));
    dir = { files: [], dirs: new Map() };
    parent.dirs.set(dirPath.slice(slash + 1), dir);
    byDir.set(dirPath, dir);
    return dir;
  };
  let lastPath = "\0";
  let last = top;
  for (const e of entries) {
    const slash = e.path.lastIndexOf("/");
    const dirPath = slash < 0 ? "" : e.path.slice(0, slash);
    if (dirPath !== lastPath) {
      last = dirOf(dirPath);
      lastPath = dirPath;
    }
    last.files.push({ name: e.path.slice(slash + 1), mode: e.mode, oid: e.oid });
  }
  const trees: Buffer[] = [];
  const hasher = new ObjectHasher();
  const write = (dir: Dir): string => {
    const items: { key: string; name: string; mode: string; oid: string }[] = [];
    for (const f of dir.files) items.push({ key: f.name, ...f });
    for (const [name, sub] of dir.dirs) items.push({ key: name + "/", name, mode: "40000", oid: write(sub) });
    // git orders entries by name bytes, a folder's name as if it ended in "/" (base_name_compare).
    items.sort(items.some((i) => HIGH.test(i.key)) ? byUtf8Bytes : byCodeUnits);
    const heads = items.map((i) => `${i.mode} ${i.name}\0`);
    let size = 0;
    for (const h of heads) size += Buffer.byteLength(h, "utf8") + 20;
    const data = Buffer.allocUnsafe(size);
    let pos = 0;
    items.forEach((item, i) => {
      pos += data.write(heads[i]!, pos, "utf8");
      pos += data.write(item.oid, pos, "hex");
    });
    trees.push(data);
    return hasher.oid("tree", data);
  };
  const root = write(top);
  return { root, trees };
}

/**
 * JavaScript compares strings by UTF-16 code units, which agrees with UTF-8 byte order except
 * between surrogate pairs and U+E000..U+FFFF: a folder holding such a name is sorted by bytes.
 */
const HIGH = /[\uD800-\uFFFF]/;
const byCodeUnits = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byUtf8Bytes = (a: { key: string }, b: { key: string }): number =>
  Buffer.compare(Buffer.from(a.key, "utf8"), Buffer.from(b.key, "utf8"));

/**
 * The trees of files given one at a time in an order that keeps each folder's files together
 * (any lexicographic order of the paths does: manifest order, git's order): a folder's tree is
 * made as soon as the next file lies outside it, so only the open folders are in memory, not
 * one entry per file. `onTree` gets every tree, children before parents, with its id.
 */
export class TreeStream {
  /** Open folders, outermost first: their path ("" for the root) and entries so far. */
  private stack: { path: string; name: string; items: Item[] }[] = [{ path: "", name: "", items: [] }];
  private readonly hasher = new ObjectHasher();

  constructor(private readonly onTree: (oid: string, data: Buffer) => void) {}

  add(file: string, mode: string, oid: string): void {
    const slash = file.lastIndexOf("/");
    this.open(slash < 0 ? "" : file.slice(0, slash));
    this.top().items.push({ key: file.slice(slash + 1), name: file.slice(slash + 1), mode, oid });
  }

  /** Close the open folders that do not contain `dir`, then open the ones down to it. */
  private open(dir: string): void {
    while (this.stack.length > 1 && !(dir === this.top().path || dir.startsWith(this.top().path + "/"))) this.close();
    while (this.top().path !== dir) {
      const parent = this.top().path;
      const rest = parent === "" ? dir : dir.slice(parent.length + 1);
      const next = rest.indexOf("/");
      const name = next < 0 ? rest : rest.slice(0, next);
      this.stack.push({ path: parent === "" ? name : `${parent}/${name}`, name, items: [] });
    }
  }

  /**
   * A whole folder given by its tree id (a folder of files only, reused from the previous
   * snapshot or made by folderTree): no file below `dir` may be added after it (a second entry
   * of that name would be refused when its parent is written).
   */
  addTree(dir: string, oid: string): void {
    const slash = dir.lastIndexOf("/");
    const parent = slash < 0 ? "" : dir.slice(0, slash);
    this.open(parent);
    const name = dir.slice(slash + 1);
    this.top().items.push({ key: name + "/", name, mode: "40000", oid });
  }

  /** A finished subtree to place in the root (the snapshot's own metadata folder). */
  addRootTree(name: string, oid: string): void {
    this.extra.push({ key: name + "/", name, mode: "40000", oid });
  }

  private extra: Item[] = [];

  /** Close every folder; returns the root tree's id. */
  end(): string {
    while (this.stack.length > 1) this.close();
    const root = this.stack[0]!;
    root.items.push(...this.extra);
    return this.write(root.items);
  }

  private top(): { path: string; name: string; items: Item[] } {
    return this.stack[this.stack.length - 1]!;
  }

  private close(): void {
    const dir = this.stack.pop()!;
    const oid = this.write(dir.items);
    this.top().items.push({ key: dir.name + "/", name: dir.name, mode: "40000", oid });
  }

  private write(items: Item[]): string {
    const { oid, data } = treeOf(items, this.hasher);
    this.onTree(oid, data);
    return oid;
  }
}

/**
 * The tree object of one folder holding only files (name, mode, blob id each): the bytes and
 * id TreeStream gives that folder.
 */
export function folderTree(
  files: readonly { name: string; mode: string; oid: string }[],
  hasher: ObjectHasher,
): { oid: string; data: Buffer } {
  return treeOf(
    files.map((f) => ({ key: f.name, ...f })),
    hasher,
  );
}

function treeOf(items: Item[], hasher: ObjectHasher): { oid: string; data: Buffer } {
  // A folder reopened later (possible only when the caller's order does not keep folders
  // together) would give two entries of one name: refused rather than a malformed tree.
  items.sort(items.some((i) => HIGH.test(i.key)) ? byUtf8Bytes : byCodeUnits);
  for (let i = 1; i < items.length; i++) {
    if (items[i]!.name === items[i - 1]!.name) throw new Error(`internal error: ${items[i]!.name} twice in one snapshot tree`);
  }
  let size = 0;
  for (const item of items) size += item.mode.length + 1 + Buffer.byteLength(item.name, "utf8") + 1 + 20;
  const data = Buffer.allocUnsafe(size);
  let pos = 0;
  for (const item of items) {
    pos += data.write(`${item.mode} ${item.name}\0`, pos, "utf8");
    pos += data.write(item.oid, pos, "hex");
  }
  return { oid: hasher.oid("tree", data), data };
}

interface Item {
  key: string;
  name: string;
  mode: string;
  oid: string;
}
