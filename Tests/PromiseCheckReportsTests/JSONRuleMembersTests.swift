import Foundation
import Synchronization
import Testing

@testable import PromiseCheck
@testable import PromiseCheckReports

/// A rule's fixed members, encoded once and copied from then on (``RuleMembers``), give the
/// bytes the rule's fields written one by one give, file after file and on several threads.
@Suite("JSON rule members")
struct JSONRuleMembersTests {
    /// Rules as a pack gives them, and text to escape; the first few share an id and differ in
    /// one fixed field each (a rule under another configuration).
    typealias Definition = (
        id: String, title: String, category: String, severity: Severity, weight: Double, link: String?
    )
    static let definitions: [Definition] = [
        ("lagesbild", "Lägesbilden är beskriven", "innehall", .error, 3, "https://example.org/regler/lagesbild"),
        ("lagesbild", "Lägesbilden är \"beskriven\"", "innehall", .error, 3, "https://example.org/regler/lagesbild"),
        ("lagesbild", "Lägesbilden är beskriven", "sprak", .error, 3, "https://example.org/regler/lagesbild"),
        ("lagesbild", "Lägesbilden är beskriven", "innehall", .warning, 3, "https://example.org/regler/lagesbild"),
        ("lagesbild", "Lägesbilden är beskriven", "innehall", .error, 2.5, "https://example.org/regler/lagesbild"),
        ("lagesbild", "Lägesbilden är beskriven", "innehall", .error, 3, nil),
        ("lagesbild", "Lägesbilden är beskriven", "innehall", .error, 3, "regler/lagesbild.md"),
        ("kallor", "Källor\\flera\tslag", "innehall", .warning, 2, nil),
        ("tomma-ord", "Inga tomma ord", "sprak", .info, 0, "regler/tomma-ord.md"),
        ("tomma-ord", "Inga tomma ord", "sprak", .info, -0.0, "regler/tomma-ord.md"),
        (
            "a-much-longer-rule-identifier-than-most", "🚲 en regel med en lång titel över flera ord", "form", .error,
            1e-7, "x"
        ),
        ("x", "", "", .info, 12.3456, ""),
    ]

    static func rule(_ random: inout some RandomNumberGenerator) -> RuleResult {
        let definition = definitions.randomElement(using: &random) ?? definitions[0]
        let findings = SampleReports.ekby.evaluation?.rules.flatMap(\.findings) ?? []
        return RuleResult(
            id: definition.id, title: definition.title, category: definition.category, severity: definition.severity,
            weight: definition.weight, fraction: Double(Int.random(in: 0...3, using: &random)) / 3,
            passed: Bool.random(using: &random),
            reason: ["ok", "1 \"found\"", "", "rad\nrad"][Int.random(in: 0...3, using: &random)],
            findings: Array(findings.prefix(Int.random(in: 0...2, using: &random))),
            link: definition.link,
            skipped: Int.random(in: 0...5, using: &random) == 0 ? "not allowed" : nil,
            error: Int.random(in: 0...5, using: &random) == 0 ? "failed" : nil)
    }

    /// A file whose rules mostly repeat the last file's (so entries are used), now and then
    /// with one rule replaced, rules added or taken away.
    static func files(count: Int, _ random: inout some RandomNumberGenerator) -> [FileReport] {
        var rules = (0..<6).map { _ in rule(&random) }
        var files: [FileReport] = []
        for _ in 0..<count {
            switch Int.random(in: 0...5, using: &random) {
            case 0 where !rules.isEmpty: rules[Int.random(in: rules.indices, using: &random)] = rule(&random)
            case 1: rules.append(rule(&random))
            case 2 where !rules.isEmpty: rules.removeLast(Int.random(in: 1...rules.count, using: &random))
            default: break
            }
            for index in rules.indices {
                rules[index].passed.toggle()
                rules[index].fraction = Double(Int.random(in: 0...7, using: &random)) / 7
            }
            var file = SampleReports.ekby
            file.evaluation?.rules = rules
            files.append(file)
        }
        return files
    }

    /// A file's part written the simple way: every field of every rule one by one.
    static func reference(_ file: FileReport, index: Int) -> [UInt8] {
        let prefix = Array((index > 0 ? ",\n    " : "    ").utf8)
        return JSONWriter.written(after: prefix, level: 2, capacity: 0) {
            JSONReporter.write(file, ruleMembers: nil, to: &$0)
        }
    }

    @Test("random files in a row are written as their rules' fields one by one")
    func filesInARow() {
        var random = SystemRandomNumberGenerator()
        let reporter = JSONReporter()
        for (index, file) in Self.files(count: 400, &random).enumerated() {
            var part: [UInt8] = []
            reporter.file(file, index: index, into: &part)
            #expect(
                String(decoding: part, as: UTF8.self)
                    == String(decoding: Self.reference(file, index: index), as: UTF8.self))
        }
    }

    @Test("files written on several threads with one reporter are written as one by one")
    func filesOnThreads() {
        var random = SystemRandomNumberGenerator()
        let files = Self.files(count: 400, &random)
        let reporter = JSONReporter()
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            var part: [UInt8] = []
            reporter.file(files[index], index: index, into: &part)
            if part != Self.reference(files[index], index: index) { wrong.withLock { $0 += 1 } }
        }
        #expect(wrong.withLock { $0 } == 0)
    }
}
