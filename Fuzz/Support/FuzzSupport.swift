import Foundation

/// What the fuzz targets in the `PromiseCheck` module share: the shipped pack, loaded once.
///
/// `scripts/fuzz` compiles this file into the module with one target; the working folder is
/// the checkout (or `PROMISECHECK_ROOT` names it).
enum FuzzSupport {
    static let root =
        ProcessInfo.processInfo.environment["PROMISECHECK_ROOT"] ?? FileManager.default.currentDirectoryPath

    static let locator = PackLocator(searchPaths: [root + "/Rules"])

    /// The shipped pack; the fuzzer cannot start without it.
    static let pack: RulePack = {
        let result = PackLoader(locator: locator).load(file: root + "/Rules/medborgarlofte/pack.yaml")
        guard let pack = result.pack else {
            fatalError("the shipped pack does not load: \(result.diagnostics.map(\.description))")
        }
        return pack
    }()

    static let checker = Checker(pack: pack)

    /// A check of the shipped pack's lexicons built from `{check: KIND, with: {…}}`.
    static func check(_ yaml: String) -> any Check {
        do {
            return try CheckRegistry.builtIn.makeCheck(yaml, lexicons: pack.lexicons)
        } catch {
            fatalError("cannot build the check: \(error)")
        }
    }

    /// The input as text, one span per line, as a scope item of verbatim lines.
    static func item(_ data: UnsafePointer<UInt8>?, _ size: Int) -> ScopeItem {
        let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        return .lines(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Evaluates a document read from fuzzed input, so the checks see whatever the readers made.
    static func evaluate(_ result: PromiseFileReader.Result) {
        guard let document = result.document else { return }
        let report = checker.check(document, diagnostics: result.diagnostics)
        _ = report.evaluation?.score
    }
}
