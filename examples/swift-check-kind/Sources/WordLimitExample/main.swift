import Foundation
import PromiseCheck

// Register our kind beside the built-in ones, load a pack that uses it, and check promises.
var registry = CheckRegistry.builtIn
registry.register(WordLimitCheck.self)

let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let loader = PackLoader(registry: registry, locator: PackLocator(searchPaths: []))
let loaded = loader.load(file: here.appendingPathComponent("pack/pack.yaml").path)
for diagnostic in loaded.diagnostics { print(diagnostic) }
guard let pack = loaded.pack else { exit(2) }

let paths = CommandLine.arguments.dropFirst()
let checker = Checker(pack: pack)
var failed = false
for path in paths.isEmpty ? [here.appendingPathComponent("../promises/ekby-2025-2026.yaml").path] : Array(paths) {
    let report = checker.check(path: path)
    for diagnostic in report.diagnostics { print(diagnostic) }
    guard let evaluation = report.evaluation else {
        failed = true
        continue
    }
    print("\(path): score \(evaluation.score) (grade \(evaluation.grade))")
    for finding in evaluation.findings { print("  " + finding.formatted) }
}
exit(failed ? 2 : 0)
