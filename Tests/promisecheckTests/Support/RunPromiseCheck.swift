import Foundation
import Testing

/// What one run of the `promisecheck` executable produced.
typealias RunResult = (status: Int32, stdout: String, stderr: String)

/// `text` split into lines, without the empty piece after the final newline.
func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
}

/// The test fixtures, found next to this file in the source tree (the test target declares no resources).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static var path: String { root.path }

    /// The small pack every end-to-end test uses instead of the shipped one.
    static let miniPack = "packs/mini"
}

/// The built `promisecheck` executable: a sibling of the test bundle in the products folder.
enum Executable {
    static let url: URL? = {
        var starts: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe))
        }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL)
        starts.append(Bundle.main.bundleURL)
        for start in starts {
            // The bundle may be a folder (`…/PromiseCheckPackageTests.xctest/Contents/MacOS/…`), so walk up a few levels.
            var folder = start.deletingLastPathComponent()
            for _ in 0..<5 {
                let candidate = folder.appendingPathComponent("promisecheck")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                    !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }()
}

/// Runs `promisecheck` with `args` in `cwd` and returns its exit status and output.
///
/// The environment is the test's own minus anything that changes what the tool finds or how
/// it prints (`PROMISECHECK_RULES`, `COLUMNS`), plus `environment`. A run that takes longer
/// than `timeout` seconds is killed and recorded as an issue, so a hang fails the test.
func runPromiseCheck(
    _ args: [String], cwd: String = Fixtures.path, environment: [String: String] = [:], timeout: Double = 120,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> RunResult {
    guard let executable = Executable.url else {
        Issue.record("the promisecheck executable was not found beside the test bundle", sourceLocation: sourceLocation)
        return (-1, "", "")
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("promisecheck-run-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

    let process = Process()
    process.executableURL = executable
    process.arguments = args
    process.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var env = ProcessInfo.processInfo.environment
    env["PROMISECHECK_RULES"] = nil
    env["COLUMNS"] = nil
    env["LINES"] = nil
    env.merge(environment) { _, new in new }
    process.environment = env
    // Files rather than pipes: a large output cannot fill a pipe and stall the child.
    guard let outHandle = FileHandle(forWritingAtPath: outURL.path),
        let errHandle = FileHandle(forWritingAtPath: errURL.path)
    else {
        Issue.record("cannot create output files in \(scratch.path)", sourceLocation: sourceLocation)
        return (-1, "", "")
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        Issue.record("cannot run \(executable.path): \(error)", sourceLocation: sourceLocation)
        return (-1, "", "")
    }
    // Waited for on another thread rather than with a terminationHandler, which Foundation on
    // Linux never releases (LeakSanitizer reports the whole Process).
    let exited = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        process.waitUntilExit()
        exited.signal()
    }
    let timedOut = exited.wait(timeout: .now() + timeout) == .timedOut
    if timedOut {
        kill(process.processIdentifier, SIGKILL)
        exited.wait()
        Issue.record(
            "promisecheck \(args.joined(separator: " ")) did not finish within \(timeout) s (a hang?); killed",
            sourceLocation: sourceLocation)
    }
    process.waitUntilExit()
    try? outHandle.close()
    try? errHandle.close()
    let stdout = (try? Data(contentsOf: outURL)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let stderr = (try? Data(contentsOf: errURL)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    if process.terminationReason == .uncaughtSignal, !timedOut {
        Issue.record(
            "promisecheck \(args.joined(separator: " ")) was killed by signal \(process.terminationStatus)\n\(stderr)",
            sourceLocation: sourceLocation)
    }
    return (process.terminationStatus, stdout, stderr)
}

/// A fresh folder under the system temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("promisecheck-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    /// Copies a fixture (a path relative to the fixtures folder) into this folder under `name`.
    func copyFixture(_ fixture: String, as name: String) throws {
        try FileManager.default.copyItem(
            at: Fixtures.root.appendingPathComponent(fixture), to: url.appendingPathComponent(name))
    }

    func contents(_ name: String) -> String? {
        (try? Data(contentsOf: url.appendingPathComponent(name))).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Expects `line` among `lines`, showing all of them when it is missing.
func expectLine(
    _ line: String, in lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(
        lines.contains(line), "missing line:\n\(line)\nin:\n\(lines.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}

/// Expects a line of `lines` that contains `fragment`, and returns it.
@discardableResult
func expectLine(
    containing fragment: String, in lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> String? {
    let found = lines.first { $0.contains(fragment) }
    #expect(
        found != nil, "no line contains:\n\(fragment)\nin:\n\(lines.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    return found
}
