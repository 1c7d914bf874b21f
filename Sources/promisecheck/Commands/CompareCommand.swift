import ArgumentParser
import PromiseCheck
import PromiseCheckReports

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the quality of promises between areas and over time.",
        discussion: """
            Checks the promise files like 'check' (same file discovery and packs) and compares them. \
            Promises are grouped by their 'area' (a file without one is a group of its own, named by \
            its path); within an area they are ordered by start year, the first four-digit year of the \
            period or else of the file name, unknown years last.

            --by area ranks the areas by the score of each area's latest promise and shows their \
            category scores side by side (with --rules, every rule's share too). --by period shows \
            each area's promises in order with the change from one to the next, and each category's \
            change from the first promise to the latest.

            Exit status: 0 compared; 2 a usage error, a pack that does not load, or a file that cannot \
            be read (the other files are still compared). Findings never fail 'compare'.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @Option(help: "Compare areas side by side (area) or each area over time (period).")
    var by: ComparisonOptions.View = .area

    @Flag(help: "Add a column per rule (the share of the rule each promise meets, in %).")
    var rules = false

    @Option(help: "Output format: \(ComparisonFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ComparisonFormat = .text

    @Option(help: ArgumentHelp("Write the comparison to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Overwrite the --output file if it exists.")
    var force = false

    @Argument(help: ArgumentHelp("Promise files or folders to compare.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(
                "give at least one promise file or folder, e.g. 'promisecheck compare examples/promises/'")
        }
    }

    func run() throws {
        let pack = try packOptions.loadCombined()
        let discovery = FileDiscovery.discover(paths)
        let checker = Checker(pack: pack)
        let report = Report(
            toolVersion: PromiseCheckVersion.current,
            packs: [PackSummary(name: pack.name, version: pack.version, title: pack.title)],
            files: checker.check(paths: discovery.files), diagnostics: discovery.diagnostics)
        // Problems reading input go to standard error, so the comparison stays clean to pipe on.
        for diagnostic in report.allDiagnostics { StandardError.write(diagnostic.description) }
        let inputErrors = report.allDiagnostics.filter { $0.severity == .error }
        let comparison = Comparison(report: report, pack: pack)
        let rendered = format.reporter.render(comparison, options: ComparisonOptions(view: by, includeRules: rules))
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
        if !inputErrors.isEmpty { throw ExitCode.usageError }
    }
}

extension ComparisonOptions.View: ExpressibleByArgument {}
extension ComparisonFormat: ExpressibleByArgument {}
