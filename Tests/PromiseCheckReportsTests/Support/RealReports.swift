import Foundation
import PromiseCheck

/// A report from a real evaluation: the shipped pack on the example promises, a file that
/// cannot be read and a path that does not exist, with the source lines kept.
enum RealReports {
    static let root = SchemaValidator.repositoryRoot

    static let report: Report = {
        let loader = PackLoader(locator: PackLocator(searchPaths: [root.appendingPathComponent("Rules").path]))
        let loaded = loader.load("medborgarlofte")
        guard let pack = loaded.pack else {
            return Report(toolVersion: "0.0.0-test", packs: [], files: [], diagnostics: loaded.diagnostics)
        }
        let examples = root.appendingPathComponent("examples/promises")
        let names =
            ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let paths =
            names.map { examples.appendingPathComponent($0).path } + [
                root.appendingPathComponent("Tests/promisecheckTests/Fixtures/promises/bad/duplicate.yaml").path
            ]
        let checker = Checker(pack: pack)
        return Report(
            toolVersion: "0.0.0-test", packs: [PackSummary(pack)],
            files: paths.map { checker.check(path: $0, keepSource: true) },
            diagnostics: loaded.diagnostics + [
                Diagnostic(.error, "no such file or folder", path: "saknas.yaml", code: "input.not-found")
            ])
    }()
}
