import Foundation
import Testing

/// Compares reporter output with a file in `Resources/golden/`, or records it.
///
/// With `PROMISECHECK_RECORD_GOLDEN=1` in the environment the output is written into the source
/// tree (found from this file's path) instead, and the test fails so that a recording run is
/// never mistaken for a passing one.
enum GoldenFile {
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["PROMISECHECK_RECORD_GOLDEN"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if isRecording {
            let url = sourceFolder.appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(at: sourceFolder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record(
                    "recorded golden file \(url.path); run the tests again without PROMISECHECK_RECORD_GOLDEN to compare",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources/golden"),
            let data = try? Data(contentsOf: url)
        else {
            Issue.record(
                "no golden file \(name); record it with PROMISECHECK_RECORD_GOLDEN=1 swift test --filter PromiseCheckReportsTests",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        Issue.record(
            Comment(
                rawValue:
                    "output differs from golden file \(name)\n\(firstDifference(expected, actual))\n--- actual output:\n"
                    + actual + "\nIf the change is intended, re-record with PROMISECHECK_RECORD_GOLDEN=1."),
            sourceLocation: sourceLocation)
    }

    /// The first line that differs, with both versions.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of output>"
            if want != got { return "line \(index + 1):\n  expected: \(want)\n  actual:   \(got)" }
        }
        return "the files differ only in line endings"
    }
}
