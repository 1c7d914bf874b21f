import ArgumentParser
import PromiseCheck
import PromiseCheckReports

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check promise files and report scores and findings.",
        discussion: """
            Each file gets a score from 0 to 100 (the weight-averaged share of each rule that it meets), \
            a grade from the pack's bands, a score per category, and one finding per problem, as \
            path:line:column: severity: message [rule-id] followed by a hint.

            Folders are searched recursively for .yaml/.yml files with a top-level 'promise:' key; \
            files named explicitly are always checked. A file that cannot be read is reported with \
            the reason and the other files are still checked.

            Exit status: 0 passed; 1 a finding at or above --fail-on, or a file below --min-score; \
            2 a usage error, a pack that does not load, or a file that cannot be read.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Overwrite the --output file if it exists.")
    var force = false

    @Flag(help: "In text output, list every rule's weight, fraction, points and reason under each file.")
    var explain = false

    @Option(
        name: .customLong("fail-on"),
        help: "The least severe finding that fails the run: error, warning, info or never.")
    var failOn: FailLevel = .error

    @Option(
        name: .customLong("min-score"),
        help: ArgumentHelp("Fail when any file scores below this (0–100).", valueName: "score"))
    var minScore: Double?

    @Argument(help: ArgumentHelp("Promise files or folders to check.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(
                "give at least one promise file or folder, e.g. 'promisecheck check examples/promises/'")
        }
        if let minScore, !(0...100).contains(minScore) {
            throw ValidationError("--min-score must be between 0 and 100, found \(minScore)")
        }
    }

    func run() throws {
        let pack = try packOptions.loadCombined()
        let discovery = FileDiscovery.discover(paths)
        let checker = Checker(pack: pack)
        let report = Report(
            toolVersion: PromiseCheckVersion.current,
            packs: [PackSummary(name: pack.name, version: pack.version, title: pack.title)],
            files: discovery.files.map(checker.check(path:)), diagnostics: discovery.diagnostics)
        let policy = FailPolicy(failOn: failOn.severity, minScore: minScore)
        let rendered = format.reporter(explain: explain).render(report, policy: policy)
        if let output {
            do {
                try OutputFile.write(rendered, to: output, force: force)
            } catch {
                StandardError.write("error: \(error.description)")
                throw ExitCode.usageError
            }
        } else {
            print(rendered, terminator: "")
        }
        let verdict = policy.verdict(for: report)
        if verdict != .passed { throw ExitCode(verdict.exitCode) }
    }
}

/// `--fail-on` values.
enum FailLevel: String, CaseIterable, ExpressibleByArgument {
    case error, warning, info, never

    var severity: Severity? { Severity(rawValue: rawValue) }
}

extension ReportFormat: ExpressibleByArgument {}
