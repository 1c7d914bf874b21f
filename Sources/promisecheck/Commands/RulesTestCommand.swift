import ArgumentParser
import PromiseCheck

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's pass and fail examples.",
        discussion: """
            A 'pass' example must give its rule no finding and a 'fail' example at least one. A \
            failing example is reported at its own place in the pack file. Exit status 1 when any \
            example fails, 2 when a pack does not load.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @Argument(help: ArgumentHelp("Packs to test, by name or path (default: the --pack packs).", valueName: "pack"))
    var packReferences: [String] = []

    func run() throws {
        let packs = try packOptions.loadEach(packReferences)
        var passed = 0
        var failed = 0
        var skipped = 0
        for pack in packs {
            let summary = ExampleRunner(pack: pack).run()
            for failure in summary.failures { print(failure.description) }
            var line = "\(pack.name): \(summary.passed) examples passed, \(summary.failures.count) failed"
            if let first = summary.skipped.first {
                line += ", \(summary.skipped.count) skipped (\(first.message))"
            }
            print(line)
            passed += summary.passed
            failed += summary.failures.count
            skipped += summary.skipped.count
        }
        print("\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : ""))
        if failed > 0 { throw ExitCode.policyFailure }
    }
}
