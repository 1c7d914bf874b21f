import Foundation
import Testing

@testable import PromiseCheck

@Suite struct ExampleRunnerTests {
    static let pack = """
        pack: exempel
        categories: {grund: Förankring}
        rules:
          - id: har-siffra
            title: Texten har en siffra
            category: grund
            severity: warning
            weight: 1
            check: pattern
            with: {match: '\\d+'}
            message: Texten saknar en siffra
            examples:
              pass:
                - Vi genomför 4 vandringar.
                - Vi genomför många vandringar.
              fail:
                - Vi genomför vandringar.
                - Vi genomför 2 vandringar.
          - id: utan-exempel
            title: Texten finns
            category: grund
            severity: info
            weight: 1
            check: present
            message: Texten saknas
          - id: atagande-med-mal
            title: Åtagandet har ett mål
            category: grund
            severity: warning
            weight: 1
            scope: commitments
            check: pattern
            with: {match: '\\d+'}
            message: Åtagandet {title} saknar mål
            examples:
              pass:
                - {commitments: [{title: Vandringar, target: minst 4 per år}]}
              fail:
                - {commitments: [{title: Vandringar, target: ofta}]}
                - {commitments: Vandringar}

        """

    private func loadPack(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (RulePack, ScratchFolder)
    {
        let (result, scratch) = loadScratchPack(yaml: Self.pack)
        #expect(result.diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
        return (try #require(result.pack, sourceLocation: sourceLocation), scratch)
    }

    @Test func failingExamplesAreReportedAtTheirOwnLine() throws {
        let (pack, scratch) = try loadPack()
        let file = scratch.path("prov/pack.yaml")
        let summary = ExampleRunner(pack: pack).run()
        #expect(summary.passed == 4)
        #expect(summary.failures.map(\.ruleID) == ["har-siffra", "har-siffra", "utan-exempel", "atagande-med-mal"])
        #expect(summary.failures.map(\.file) == [file, file, file, file])
        #expect(summary.failures.map(\.location) == [pos(15, 11), pos(18, 11), pos(19, 5), pos(40, 11)])
        #expect(
            summary.failures.map(\.message) == [
                "'pass' example gives findings (0 of 1 required matches): Texten saknar en siffra",
                "'fail' example gives no finding (1 of 1 required matches)",
                "rule 'utan-exempel' has no examples",
                "example is not a valid promise fragment: 'commitments' must be a list, found 'Vandringar'",
            ])
        #expect(
            summary.failures.first?.description
                == "\(file):15:11: error: 'pass' example gives findings (0 of 1 required matches): Texten saknar en siffra [har-siffra]"
        )
    }

    @Test func runCanBeLimitedToSomeRules() throws {
        let (pack, _) = try loadPack()
        let summary = ExampleRunner(pack: pack).run(rules: ["atagande-med-mal"])
        #expect(summary.passed == 2)
        #expect(summary.failures.map(\.location) == [pos(40, 11)])
    }

    @Test func examplesAreReadWithTheirLocations() throws {
        let (pack, _) = try loadPack()
        let examples = try #require(pack.rule(withID: "har-siffra")).examples
        #expect(examples.map(\.expectation) == [.pass, .pass, .fail, .fail])
        #expect(examples.map(\.location) == [pos(14, 11), pos(15, 11), pos(17, 11), pos(18, 11)])
    }

    @Test func textForTheDocumentIsAParagraph() {
        let document = ExampleRunner.document(
            placing: "Vi lovar 4 vandringar.", for: .document, file: "p.yaml", at: pos(9, 11))
        #expect(document.path == "p.yaml")
        #expect(document.format == .text)
        #expect(document.sections.map(\.role) == [nil])
        let span = document.sections.first?.blocks.first
        #expect(span?.text == "Vi lovar 4 vandringar.")
        #expect(span?.isVerbatim == true)
        #expect(span?.location(atScalarOffset: 9) == pos(9, 20))
        #expect(document.commitments.isEmpty)
        #expect(document.signatories.isEmpty)
    }

    @Test func textForSectionsGoesToTheFirstRole() {
        let document = ExampleRunner.document(
            placing: "Lägesbilden bygger\npå statistik.", for: .sections(["situation", "priorities"]), file: "p.yaml",
            at: pos(3, 7))
        #expect(document.sections.map(\.role) == ["situation"])
        #expect(document.sections.first?.blocks.first?.isVerbatim == false)
        #expect(document.sections.first?.location == pos(3, 7))
    }

    @Test func textForCommitmentsIsOneCommitment() {
        let document = ExampleRunner.document(
            placing: "Minst 4 vandringar.", for: .commitments, file: "p.yaml", at: pos(5, 9))
        #expect(document.commitments.count == 1)
        #expect(document.commitments.first?.title == nil)
        #expect(document.commitments.first?.spans.map(\.text) == ["Minst 4 vandringar."])
        #expect(document.commitments.first?.location == pos(5, 9))
        #expect(document.sections.map(\.role) == ["commitments"])
    }

    @Test func textForSignatoriesIsNameCommaRole() {
        let full = ExampleRunner.document(
            placing: "Anna Berg, Lokalpolisområdeschef, Ekby", for: .signatories, file: "p.yaml", at: pos(2, 3))
        #expect(full.signatories.count == 1)
        #expect(full.signatories.first?.name?.text == "Anna Berg")
        #expect(full.signatories.first?.role?.text == "Lokalpolisområdeschef, Ekby")
        #expect(full.signatories.first?.location == pos(2, 3))
        #expect(full.sections.isEmpty)

        let nameOnly = ExampleRunner.document(placing: "Anna Berg", for: .signatories, file: "p.yaml", at: pos(2, 3))
        #expect(nameOnly.signatories.first?.name?.text == "Anna Berg")
        #expect(nameOnly.signatories.first?.role == nil)
    }

    @Test
    func textForSignatoriesWithoutAName() {
        let roleOnly = ExampleRunner.document(placing: ", Polischef", for: .signatories, file: "p.yaml", at: pos(2, 3))
        #expect(roleOnly.signatories.first?.name == nil)
        #expect(roleOnly.signatories.first?.role?.text == "Polischef")
    }
}
