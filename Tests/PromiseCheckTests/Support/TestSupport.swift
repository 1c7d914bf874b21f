import Foundation
import Testing

@testable import PromiseCheck

/// A place in a promise or pack file, shorthand for `PromiseCheck.SourceLocation`.
func pos(_ line: Int, _ column: Int) -> PromiseCheck.SourceLocation {
    PromiseCheck.SourceLocation(line: line, column: column)
}

/// A span written on one line of a file exactly as given.
func verbatimSpan(_ text: String, _ line: Int = 1, _ column: Int = 1) -> Span {
    Span(text, at: pos(line, column), isVerbatim: true)
}

/// The static fixtures folder, found from this file's path (not a SwiftPM resource).
let promiseFixturesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

func promiseFixturePath(_ name: String) -> String {
    promiseFixturesFolder.appendingPathComponent(name).path
}

/// A fresh folder under the temporary directory, removed when the value goes away.
final class ScratchFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("promisecheck-tests-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    /// Writes `text` to `relative`, creating folders; returns the file's path.
    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        let file = url.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: file)
        return file.path
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func makeFolder(_ relative: String) {
        try? FileManager.default.createDirectory(
            at: url.appendingPathComponent(relative), withIntermediateDirectories: true)
    }
}

/// Loads the pack in `folder` (relative to the scratch folder) with no search paths.
func loadScratchPack(_ folder: String, in scratch: ScratchFolder, searchPaths: [String] = []) -> PackLoader.Result {
    PackLoader(locator: PackLocator(searchPaths: searchPaths)).load(file: scratch.path("\(folder)/pack.yaml"))
}

/// Writes `yaml` as `pack.yaml` of a fresh pack folder and loads it.
func loadScratchPack(yaml: String, files: [String: String] = [:]) -> (result: PackLoader.Result, scratch: ScratchFolder)
{
    let scratch = ScratchFolder()
    scratch.write("prov/pack.yaml", yaml)
    for (name, text) in files { scratch.write("prov/\(name)", text) }
    return (loadScratchPack("prov", in: scratch), scratch)
}

/// The only diagnostic with `code`, recorded as an issue when there is not exactly one.
func onlyDiagnostic(
    _ code: String, in diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let matching = diagnostics.filter { $0.code == code }
    guard matching.count == 1 else {
        Issue.record(
            "expected one '\(code)' diagnostic, found \(matching.count): \(diagnostics.map(\.description))",
            sourceLocation: sourceLocation)
        return nil
    }
    return matching[0]
}

/// Expects exactly one diagnostic with `code`, at `location`, of `severity`, with `message`.
func expectDiagnostic(
    _ diagnostics: [Diagnostic], code: String, severity: Severity = .error, at location: PromiseCheck.SourceLocation,
    message: String, path: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let diagnostic = onlyDiagnostic(code, in: diagnostics, sourceLocation: sourceLocation) else { return }
    #expect(diagnostic.severity == severity, sourceLocation: sourceLocation)
    #expect(diagnostic.location == location, sourceLocation: sourceLocation)
    #expect(diagnostic.message == message, sourceLocation: sourceLocation)
    if let path {
        #expect(diagnostic.path == path, sourceLocation: sourceLocation)
    }
}

/// Builds a check from `{check: KIND, with: {…}}` YAML, recording an issue when it does not build.
func builtCheck(
    _ yaml: String, lexicons: [String: Lexicon] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> (any Check)? {
    do {
        return try CheckRegistry.builtIn.makeCheck(yaml, lexicons: lexicons)
    } catch {
        Issue.record("check did not build: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The failure building a check from `yaml` gives, recording an issue when it builds.
func checkBuildFailure(
    _ yaml: String, lexicons: [String: Lexicon] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> CheckBuildFailure? {
    do {
        _ = try CheckRegistry.builtIn.makeCheck(yaml, lexicons: lexicons)
        Issue.record("expected the check not to build", sourceLocation: sourceLocation)
        return nil
    } catch let failure as CheckBuildFailure {
        return failure
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// An empty document to evaluate checks that only look at their item.
let blankDocument = Document(path: "prov.yaml", format: .yaml)

/// Evaluates `check` on `lines` as one document item.
func evaluateCheck(_ check: (any Check)?, _ lines: [String], in document: Document = blankDocument) -> CheckOutcome? {
    check?.evaluate(.lines(lines), in: document)
}

/// A lexicon from plain terms, failing the test when a term does not compile.
func termLexicon(_ name: String, _ terms: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> Lexicon
{
    var entries: [Lexicon.Entry] = []
    for term in terms {
        do {
            entries.append(try Lexicon.Entry(term: term))
        } catch {
            Issue.record("term '\(term)': \(error.message)", sourceLocation: sourceLocation)
        }
    }
    return Lexicon(name: name, entries: entries)
}

/// Reads promise YAML given as a string, as if from `path`.
func readPromiseText(_ yaml: String, path: String = "lofte.yaml") -> PromiseFileReader.Result {
    PromiseFileReader().read(Array(yaml.utf8), path: path)
}

/// A seeded random generator (SplitMix64), so a property test's failure names a case that can
/// be rerun.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
