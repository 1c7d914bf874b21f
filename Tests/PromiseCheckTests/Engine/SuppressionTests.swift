import Foundation
import Testing

@testable import PromiseCheck

/// The engine's side of suppression comments: which findings they hide, that the score stays,
/// and its own findings on comments that are wrong or do nothing.
@Suite struct SuppressionTests {
    static let pack = """
        pack: tyst
        title: Tystpaket
        categories: {sprak: Språk, innehall: Innehåll}
        rules:
          - id: tomma-ord
            title: Inga tomma ord
            category: sprak
            severity: warning
            weight: 2
            check: lexicon
            with: {terms: [verka för, kontinuerligt], max: 0}
            message: 'tomt ord: "{match}"'
          - id: platshallare
            title: Inga platshållare
            category: sprak
            severity: info
            weight: 1
            check: pattern
            with: {must_not_match: 'TODO'}
            message: 'platshållare: "{match}"'
          - id: siffra
            title: Åtagandet har en siffra
            category: innehall
            severity: error
            weight: 1
            scope: commitments
            check: pattern
            with: {match: '\\d'}
            message: 'åtagandet {title} saknar en siffra'
          - id: avstangd
            title: Avstängd
            category: innehall
            severity: warning
            weight: 1
            check: pattern
            with: {must_not_match: 'x'}
            message: x
            enabled: false
        """

    static let promise = """
        promise: 1
        area: Ekby
        commitments:
          # promisecheck: ignore tomma-ord, siffra — citat ur planen
          - title: Stationen
            actions: [Verka för trygghet vid stationen]
          - title: Torget 2
            actions: [Kontinuerligt ökad närvaro, TODO]  # promisecheck: ignore platshallare, avstangd, tomma-ord — ej klart
          # promisecheck: ignore platshallare — inget här
          - title: Parken 3
            actions: [Patrullera parken]
          # promisecheck: ignore tomma-ordd, unused-suppression — x
          - title: Gatan 4
            actions: [Verka för lugn]  # promisecheck: ignore tomma-ord
        """

    static func evaluate(_ yaml: String) throws -> DocumentEvaluation {
        let (result, _) = loadScratchPack(yaml: pack)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        let read = PromiseFileReader().read(Array(yaml.utf8), path: "ekby.yaml")
        let document = try #require(read.document, "\(read.diagnostics)")
        return Engine(pack: pack).evaluate(document)
    }

    @Test("covered findings move to 'suppressed' with the comment's reason and place")
    func suppressed() throws {
        let evaluation = try Self.evaluate(Self.promise)
        #expect(
            evaluation.suppressed.map {
                "\($0.finding.location) \($0.finding.ruleID) \($0.reason) \($0.suppressionLocation)"
            }
                == [
                    "5:12 siffra citat ur planen 4:3",
                    "6:15 tomma-ord citat ur planen 4:3",
                    "8:15 tomma-ord ej klart 8:50",
                    "8:43 platshallare ej klart 8:50",
                ])
        #expect(evaluation.suppressed.allSatisfy { !$0.isFileWide })
        // What is left: the finding on line 14, whose comment gives no reason.
        #expect(evaluation.rules.flatMap(\.findings).map { "\($0.location) \($0.ruleID)" } == ["14:15 tomma-ord"])
    }

    @Test("suppressed findings still count: the score and every fraction are as without the comments")
    func scoreUnchanged() throws {
        let withComments = try Self.evaluate(Self.promise)
        let plain = Self.promise.split(separator: "\n").map { line -> Substring in
            guard let hash = line.range(of: "# promisecheck") else { return line }
            return line[..<hash.lowerBound]
        }.joined(separator: "\n")
        let without = try Self.evaluate(plain)
        #expect(without.suppressed.isEmpty && without.engineFindings.isEmpty)
        #expect(withComments.score == without.score)
        #expect(withComments.score == 18.8)
        #expect(withComments.rules.map(\.fraction) == without.rules.map(\.fraction))
        #expect(withComments.categories == without.categories)
        #expect(without.findings.count == withComments.findings.count - 4 + withComments.suppressed.count)
    }

    @Test("the engine's own findings: no reason, suppresses nothing, unknown or reserved rule")
    func engineFindings() throws {
        let evaluation = try Self.evaluate(Self.promise)
        #expect(
            evaluation.engineFindings.map(\.formatted) == [
                "ekby.yaml:9:26: warning: the suppression of 'platshallare' suppresses nothing: no finding in the item it covers [unused-suppression]",
                "ekby.yaml:12:26: warning: no rule 'tomma-ordd' in the pack; did you mean 'tomma-ord'? [unknown-rule]",
                "ekby.yaml:12:38: warning: 'unused-suppression' is PromiseCheck's own check and cannot be suppressed [unknown-rule]",
                "ekby.yaml:14:32: warning: the suppression of 'tomma-ord' gives no reason, so it suppresses nothing [suppression-without-reason]",
            ])
        #expect(evaluation.engineFindings.allSatisfy { $0.hint != nil })
        // They are findings of the report, in file order with the rules' findings.
        #expect(evaluation.findings.map(\.location.line) == [9, 12, 12, 14, 14])
    }

    @Test("a rule that is off is not 'unused'; one suppression for a whole file covers every line")
    func fileWideAndDisabled() throws {
        let evaluation = try Self.evaluate(
            """
            # promisecheck: ignore-file tomma-ord, avstangd — hela filen är ett citat
            promise: 1
            commitments:
              - title: Stationen 1
                actions: [Verka för trygghet, kontinuerligt]
            """)
        #expect(evaluation.suppressed.map(\.finding.location) == [pos(5, 15), pos(5, 35)])
        #expect(evaluation.suppressed.allSatisfy { $0.isFileWide })
        #expect(evaluation.engineFindings.isEmpty)
    }

    @Test("a finding covered by two comments uses both")
    func twoComments() throws {
        let evaluation = try Self.evaluate(
            """
            promise: 1
            commitments:
              # promisecheck: ignore tomma-ord — första
              - title: Stationen 1
                actions: [Verka för trygghet]  # promisecheck: ignore tomma-ord — andra
            """)
        #expect(evaluation.suppressed.map(\.reason) == ["första"])
        #expect(evaluation.engineFindings.isEmpty)
    }

    @Test("the meta-findings' ids are reserved: a pack cannot use them")
    func reservedIDs() {
        let (result, _) = loadScratchPack(
            yaml: Self.pack.replacingOccurrences(of: "id: avstangd", with: "id: unknown-rule"))
        #expect(result.pack == nil)
        #expect(
            result.diagnostics.filter { $0.code == "pack.reserved-id" }.map(\.message) == [
                "rule id 'unknown-rule' is reserved for PromiseCheck's own checks on suppression comments"
            ])
        #expect(EngineRule.reservedIDs == ["suppression-without-reason", "unused-suppression", "unknown-rule"])
    }
}
