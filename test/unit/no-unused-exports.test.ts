// An export of src/ that no other module imports is dead code or a name that should be private:
// either way it widens what a reader must check (issue 18). This walks every identifier of the
// program that tsconfig.json compiles (src/, test/) with the TypeScript compiler's own resolver,
// so a re-export, a namespace import (`ns.name`) and a dynamic `import()` all count as uses.
// scripts/ holds only .mjs files that run the built dist/, never src/ (asserted below).
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

// The public entry points: what src/index.ts and src/lib/ give users is API even when no module
// here imports it; the bundles' entries (main, action, workers) are started, not imported.
const ENTRY_POINTS = ["src/index.ts", "src/main.ts", "src/action.ts", "src/io/hash/hash-worker.ts", "src/checks/parse-worker.ts"];
const PUBLIC_FOLDERS = ["src/lib/"];

// Exports kept on purpose though no module imports them (file: names), each with its reason.
const ALLOWED: Record<string, string[]> = {};

/** "file: name" for each export of src/ declared in a file that no other file uses. */
function unusedExports(): string[] {
  const configPath = path.join(root, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const rel = (sf: ts.SourceFile) => path.relative(root, sf.fileName).split(path.sep).join("/");
  const ownFiles = program.getSourceFiles().filter((sf) => !sf.fileName.includes("/node_modules/"));

  // Every symbol a file names, followed through its chain of imports and re-exports: a use from
  // that file of each symbol on the chain.
  const usedFrom = new Map<ts.Symbol, Set<string>>();
  const mark = (symbol: ts.Symbol, file: string) => {
    let users = usedFrom.get(symbol);
    if (!users) usedFrom.set(symbol, (users = new Set()));
    users.add(file);
  };
  const markChain = (start: ts.Symbol | undefined, file: string) => {
    let symbol = start;
    const seen = new Set<ts.Symbol>();
    while (symbol && !seen.has(symbol)) {
      seen.add(symbol);
      mark(symbol, file);
      if (!(symbol.flags & ts.SymbolFlags.Alias) || !symbol.declarations?.length) break;
      symbol = checker.getImmediateAliasedSymbol(symbol);
    }
  };
  const resolved = (symbol: ts.Symbol | undefined) =>
    symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const unwrap = (node: ts.Expression): ts.Expression => {
    while (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node)) node = node.expression;
    // `(await loadYamlSupport(), await import("./x.js"))`: the last of a comma list.
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken) return unwrap(node.right);
    return node;
  };
  // The module a dynamic `import("./x.js")` loads, when it is one of ours.
  const importedModule = (node: ts.Expression): ts.Symbol | undefined => {
    const call = unwrap(node);
    if (!ts.isCallExpression(call) || call.expression.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
    const specifier = call.arguments[0];
    return specifier && ts.isStringLiteralLike(specifier) ? checker.getSymbolAtLocation(specifier) : undefined;
  };
  // Resolving every identifier would type-check every property access (seconds): a property name
  // is looked up only where its object is a module (`ns.name`, `(await import("./x.js")).name`).
  const isModule = (node: ts.Node): boolean => {
    if (ts.isExpression(node) && importedModule(node)) return true;
    if (!ts.isIdentifier(node)) return false;
    const symbol = resolved(checker.getSymbolAtLocation(node));
    return symbol !== undefined && (symbol.flags & ts.SymbolFlags.ValueModule) !== 0;
  };
  for (const sf of ownFiles) {
    const file = rel(sf);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const module = importedModule(node);
        const parent = ts.findAncestor(node.parent, (n) => !ts.isParenthesizedExpression(n) && !ts.isAwaitExpression(n));
        const destructured = parent && ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name) ? parent.name : undefined;
        const accessed = parent && ts.isPropertyAccessExpression(parent);
        if (module && destructured) {
          for (const element of destructured.elements) {
            const name = element.propertyName ?? element.name;
            if (ts.isIdentifier(name)) markChain(checker.tryGetMemberInModuleExports(name.text, module), file);
          }
        } else if (module && !accessed) {
          // Kept in a variable or passed on: count every export of that module as used here.
          for (const exported of checker.getExportsOfModule(module)) markChain(exported, file);
        }
      }
      if (ts.isIdentifier(node)) {
        const parent = node.parent;
        const isMember =
          (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isQualifiedName(parent) && parent.right === node);
        const isKey =
          (ts.isPropertyAssignment(parent) ||
            ts.isPropertySignature(parent) ||
            ts.isPropertyDeclaration(parent) ||
            ts.isMethodDeclaration(parent) ||
            ts.isMethodSignature(parent) ||
            ts.isPropertyAccessExpression(parent) ||
            ts.isEnumMember(parent)) &&
          parent.name === node;
        if (isMember) {
          const object = ts.isPropertyAccessExpression(parent) ? parent.expression : (parent as ts.QualifiedName).left;
          if (isModule(object)) markChain(checker.getSymbolAtLocation(node), file);
        } else if (!isKey) {
          markChain(checker.getSymbolAtLocation(node), file);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const isPublic = (file: string) => ENTRY_POINTS.includes(file) || PUBLIC_FOLDERS.some((f) => file.startsWith(f));
  // What the library's entry re-exports is public wherever it is declared.
  const publicSymbols = new Set<ts.Symbol>();
  for (const entry of ENTRY_POINTS) {
    const sf = program.getSourceFile(path.join(root, entry));
    const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
    for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
      let symbol: ts.Symbol | undefined = exported;
      while (symbol && !publicSymbols.has(symbol)) {
        publicSymbols.add(symbol);
        symbol = symbol.flags & ts.SymbolFlags.Alias ? checker.getImmediateAliasedSymbol(symbol) : undefined;
      }
    }
  }

  const unused: string[] = [];
  for (const sf of ownFiles) {
    const file = rel(sf);
    if (!file.startsWith("src/") || sf.isDeclarationFile || isPublic(file)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      // Only what this file declares or re-exports itself: an `export *` is checked where declared.
      const declaredHere = exported.declarations?.some((d) => d.getSourceFile() === sf) ?? false;
      if (!declaredHere || publicSymbols.has(exported)) continue;
      const users = usedFrom.get(exported);
      const usedElsewhere = users !== undefined && [...users].some((user) => user !== file);
      if (!usedElsewhere && !(ALLOWED[file] ?? []).includes(exported.name)) unused.push(`${file}: ${exported.name}`);
    }
  }
  return unused.sort();
}

describe("exports of src/", () => {
  it("are each imported by another module (or are the public API)", () => {
    const unused = unusedExports();
    if (process.env.LIST_UNUSED) console.log(unused.join("\n"));
    expect(unused, "drop the `export` (or the code, if nothing uses it)").toEqual([]);
    // Building the whole program's checker takes about 20 s on a quiet 2-core machine and passed
    // the default 60 s when other test files or builds shared it (sessions 24-25).
  }, 240_000);

  it("are not reached by scripts/ except through the built dist/", () => {
    const scripts = fs.readdirSync(path.join(root, "scripts"), { recursive: true, encoding: "utf8" });
    const importsOfSrc = scripts.filter((name) => {
      const file = path.join(root, "scripts", name);
      if (!fs.statSync(file).isFile()) return false;
      return /(?:from\s*|import\s*\(\s*)["'][^"']*\/src\//.test(fs.readFileSync(file, "utf8"));
    });
    expect(importsOfSrc, "a script importing src/ must join this test's program").toEqual([]);
  });
});
