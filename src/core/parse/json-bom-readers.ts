/**
 * Readers of strict-JSON files that skip a leading UTF-8 BOM, each with the files it reads: one
 * row per reader, so a file this reader reads gets the same judgment whatever its name (a warning
 * naming the reader, json.ts), and every other strict-JSON file keeps the error. Pure.
 */

interface BomSkippingReader {
  /** Who skips it, as the message names it ("npm and Node skip it"). */
  reader: string;
  /** The files it reads (repo-relative paths). */
  files: RegExp;
}

const READERS: readonly BomSkippingReader[] = [
  // npm and Node's require() strip a BOM from package.json.
  { reader: "npm and Node", files: /(^|\/)package\.json$/ },
  // newman strips the BOM before parsing Postman's exports (postmanlabs/newman tests it).
  { reader: "newman (Postman's runner)", files: /\.postman_(collection|environment|globals)\.json$/i },
  // Excalidraw reads a scene or library with FileReader.readAsText (a UTF-8 decode, which drops a BOM), then
  // JSON.parse (packages/excalidraw/data/blob.ts).
  { reader: "Excalidraw", files: /\.excalidraw(lib)?$/i },
  // The Web App Manifest spec decodes the manifest as UTF-8, which drops a BOM, before parsing it.
  { reader: "browsers", files: /\.webmanifest$/i },
  // vcpkg's Json::parse drops a BOM (src/vcpkg/base/json.cpp, Parser::parse: remove_bom) for
  // everything it reads: its manifests (Visual Studio may save them with one), and vcpkg-tool's
  // own message maps, which its CMakeLists.txt embeds from locales/*.json at the repository root
  // and msg::get_message_map_from_lcid parses with Json::parse_object (the translated ones are
  // written with a BOM).
  {
    reader: "vcpkg",
    files: /(^|\/)vcpkg(-configuration)?\.json$|^locales\/messages(\.[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)?\.json$/,
  },
  // .NET's packaging tasks (dotnet/arcade Microsoft.DotNet.Build.Tasks.Packaging, PackageIndex.Load)
  // read the repository's packageIndex.json through File.OpenText, whose StreamReader drops a
  // UTF-8 BOM, then Json.NET; Visual Studio saves it with one (dotnet/runtime's pkg/ baseline).
  { reader: ".NET packaging tasks (PackageIndex.Load)", files: /(^|\/)packageIndex\.json$/ },
  // Azure Verified Modules (Azure/bicep-registry-modules): a module's version.json is read only by
  // the repository's PowerShell pipelines (`Get-Content $versionFilePath | ConvertFrom-Json` in
  // utilities/pipelines/publish/helper/Get-ModuleTargetVersion.ps1, the compliance tests), and
  // Get-Content drops a BOM; one module's file has one. Modules live under avm/res, avm/ptn, avm/utl.
  { reader: "the AVM pipelines (PowerShell's Get-Content)", files: /(^|\/)avm\/(?:res|ptn|utl)\/(?:[^/]+\/)+version\.json$/ },
  // xUnit.net reads its test-assembly configuration (`xunit.runner.json`, or `<assembly>.xunit.runner.json`
  // first) through `new StreamReader(File.OpenRead(path))` (v2 ConfigReader_Json), v3 as text too:
  // both drop a UTF-8 BOM, and Visual Studio saves the file with one.
  { reader: "xUnit.net (ConfigReader_Json)", files: /(^|\/)([^/]+\.)?xunit\.runner\.json$/ },
  // Unreal Engine loads a plugin's or project's descriptor with FFileHelper::LoadFileToString,
  // whose BufferToString skips a UTF-8 BOM (and decodes a UTF-16 one) before TJsonReader reads it.
  { reader: "Unreal Engine (FFileHelper::LoadFileToString)", files: /\.(?:uplugin|uproject)$/i },
];

/** The reader of `file` that skips a leading BOM, if any (undefined: a BOM is an error). */
export function bomSkippedBy(file: string): string | undefined {
  return READERS.find((r) => r.files.test(file))?.reader;
}
