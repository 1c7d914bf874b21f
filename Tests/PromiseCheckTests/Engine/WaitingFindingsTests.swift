import Synchronization
import Testing

@testable import PromiseCheck

/// A rule that needs some of its items to pass drops its findings when enough do; the engine
/// then never reads the failing items' outcomes for them, and otherwise gives each failing
/// item's findings in item order, as rendering every failing item and dropping them all would.
@Suite struct WaitingFindingsTests {
    /// Fails the commitments whose titles it is given; each failing one has the problems listed
    /// for it (none: the item is the finding). Notes the title of each outcome whose problems
    /// are read.
    struct Scripted: Check {
        static let kind = CheckKind(name: "scripted", summary: "", parameters: [])
        let failing: [String: [String]]
        let reads: Reads

        init(failing: [String: [String]], reads: Reads) {
            self.failing = failing
            self.reads = reads
        }

        init(parameters: CheckParameters) { self.init(failing: [:], reads: Reads()) }

        func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
            let title = item.variables["title"] ?? ""
            let problems = failing[title]
            return CheckOutcome(
                fraction: problems == nil ? 1 : 0,
                details: Details(
                    title: title, location: item.location, problems: problems ?? [], reads: reads))
        }

        final class Details: OutcomeDetails {
            let title: String
            let location: PromiseCheck.SourceLocation
            let excerpts: [String]
            let reads: Reads

            init(title: String, location: PromiseCheck.SourceLocation, problems: [String], reads: Reads) {
                self.title = title
                self.location = location
                self.excerpts = problems
                self.reads = reads
            }

            var reason: String { title }
            var evidence: [Hit] { [] }
            var problems: [Hit] {
                reads.titles.withLock { $0.append(title) }
                return excerpts.map { Hit(location: location, excerpt: $0) }
            }
            var variables: MessageVariables { [:] }
        }
    }

    /// The titles of the outcomes whose problems were read, in order.
    final class Reads: Sendable {
        let titles = Mutex<[String]>([])
    }

    static let pack = """
        pack: vantande
        title: Väntande
        categories: {m: Mätbarhet}
        rules:
          - id: manga
            title: Många
            category: m
            severity: warning
            weight: 1
            scope: commitments
            check: present
            message: "{title}"

        """

    /// A promise with commitments titled `c0`, `c1` and so on.
    static func promise(commitments: Int) -> String {
        var yaml = "promise: 1\narea: Ekby\ncommitments:\n"
        for index in 0..<commitments { yaml += "  - title: c\(index)\n    target: mål \(index)\n" }
        return yaml
    }

    /// The findings as message and excerpt.
    static func describe(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.message) \($0.excerpt ?? "-")" }
    }

    @Test func findingsOfFailingItemsAreRenderedOnlyWhenTooFewPass() throws {
        let (loaded, _) = loadScratchPack(yaml: Self.pack)
        var pack = try #require(loaded.pack)
        var generator = SeededGenerator(state: 0xFA11)
        for round in 0..<300 {
            let count = Int.random(in: 1...7, using: &generator)
            let document = try #require(readPromiseText(Self.promise(commitments: count)).document)
            var failing: [String: [String]] = [:]
            for index in 0..<count where Bool.random(using: &generator) {
                failing["c\(index)"] = (0..<Int.random(in: 0...2, using: &generator)).map { "p\(index).\($0)" }
            }
            let needed = Int.random(in: 0...(count + 1), using: &generator)
            let requirement: Requirement = Bool.random(using: &generator) ? .all : .atLeast(needed)
            let reads = Reads()
            pack.rules[0].check = Scripted(failing: failing, reads: reads)
            pack.rules[0].requirement = requirement
            let engine = Engine(pack: pack)
            let result = try #require(engine.evaluate(document).rules.first)

            // What rendering every failing item, then dropping them all when enough pass, gives.
            let failed = (0..<count).map { "c\($0)" }.filter { failing[$0] != nil }
            var rendered: [String] = []
            for title in failed {
                let problems = failing[title] ?? []
                rendered += problems.isEmpty ? ["\(title) -"] : problems.map { "\(title) \($0)" }
            }
            let passing = count - failed.count
            let dropped = if case .atLeast(let needed) = requirement { passing >= needed } else { false }
            let label = "round \(round): \(count) items, failing \(failed), \(requirement)"
            #expect(Self.describe(result.findings) == (dropped ? [] : rendered), "\(label)")
            let alone = engine.evaluate(pack.rules[0], on: document)
            #expect(Self.describe(alone.findings) == Self.describe(result.findings), "\(label)")
            // Problems read once per failing item and evaluation when kept, never when dropped.
            let expectedReads = dropped ? [] : failed + failed
            #expect(reads.titles.withLock { $0 } == expectedReads, "\(label)")
        }
    }
}
