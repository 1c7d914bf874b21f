import Foundation
import Testing

/// Validates JSON documents against a JSON Schema with Python's `jsonschema` package, since no
/// Swift validator is available offline.
///
/// Where `python3` or `jsonschema` is missing the schema tests are skipped, except under CI
/// (`CI` set in the environment), where they run and fail saying what to install: CI must
/// never pass without having validated anything.
enum SchemaValidator {
    enum Draft: String {
        case draft7 = "Draft7Validator"
        case draft202012 = "Draft202012Validator"
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// What to run to make the tests possible.
    static let installHint = "python3 -m pip install jsonschema"

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Whether `python3 -c 'import jsonschema'` works; nil when it does, else why not.
    static let unavailability: String? = {
        do {
            let run = try python(["-c", "import jsonschema"])
            return run.status == 0 ? nil : "python3 cannot import jsonschema (\(installHint)): \(run.output)"
        } catch {
            return "python3 cannot be run: \(error)"
        }
    }()

    /// Run the schema tests when they can run, and always under CI.
    static var shouldRun: Bool { unavailability == nil || isCI }

    static let script = """
        import json, sys
        import jsonschema
        cls = getattr(jsonschema, sys.argv[1])
        with open(sys.argv[2], encoding="utf-8") as f:
            schema = json.load(f)
        cls.check_schema(schema)
        checker = getattr(cls, "FORMAT_CHECKER", None)
        validator = cls(schema, format_checker=checker) if checker else cls(schema)
        failures = 0
        for path in sys.argv[3:]:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
            for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
                failures += 1
                where = "/".join(map(str, error.absolute_path)) or "(root)"
                print(f"{path}: {where}: {error.message}")
        sys.exit(1 if failures else 0)
        """

    /// Validates each named document; records an issue listing the schema violations, or one
    /// saying why validation could not run.
    static func validate(
        _ documents: [(name: String, text: String)], schema: URL, draft: Draft,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        do {
            if let violations = try violations(documents, schema: schema, draft: draft) {
                Issue.record(
                    "documents do not match \(schema.lastPathComponent):\n\(violations)", sourceLocation: sourceLocation
                )
            }
        } catch {
            Issue.record(
                "cannot validate against \(schema.lastPathComponent): \(error)", sourceLocation: sourceLocation)
        }
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// The validator's report of what does not match, or nil when every document does.
    static func violations(_ documents: [(name: String, text: String)], schema: URL, draft: Draft) throws -> String? {
        if let unavailability {
            throw Unavailable(description: "\(unavailability)\(isCI ? "; CI is set, so this fails" : "")")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for (index, document) in documents.enumerated() {
            let url = folder.appendingPathComponent("\(index)-\(document.name)")
            try Data(document.text.utf8).write(to: url)
            paths.append(url.path)
        }
        let run = try python(["-c", script, draft.rawValue, schema.path] + paths)
        switch run.status {
        case 0: return nil
        case 1 where !run.output.isEmpty: return run.output
        default: throw Unavailable(description: "the validator failed (status \(run.status)):\n\(run.output)")
        }
    }

    /// Runs `python3` with `arguments`; standard output and error together.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("python-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        let text = (try? Data(contentsOf: output)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (process.terminationStatus, text)
    }
}
