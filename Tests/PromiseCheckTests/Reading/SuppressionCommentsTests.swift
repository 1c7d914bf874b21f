import Foundation
import Testing

@testable import PromiseCheck

/// Finding `promisecheck: ignore` comments and the lines each covers, in every format.
@Suite struct SuppressionCommentsTests {
    static func parse(_ comment: String, ownLine: Bool = true) -> (SuppressionComments.Directive?, [Diagnostic]) {
        let log = DiagnosticLog()
        let scalars = Array(comment.unicodeScalars)
        let directive = SuppressionComments.parse(
            scalars[...], line: 4, column: 2, start: pos(4, 1), isOwnLine: ownLine, path: "a.yaml", log: log)
        return (directive, log.diagnostics)
    }

    @Test("the reason follows an em dash, an en dash, '--' or '-'", arguments: ["—", "–", "--", "-"])
    func dashes(dash: String) throws {
        let (directive, diagnostics) = Self.parse(" promisecheck: ignore tomma-ord \(dash) citat ur planen ")
        #expect(diagnostics.isEmpty)
        let found = try #require(directive)
        #expect(found.rules == [Suppression.RuleReference(id: "tomma-ord", location: pos(4, 24))])
        #expect(found.reason == "citat ur planen")
        #expect(!found.isFileWide)
    }

    @Test("several ids, comma-separated, each with its column; ignore-file covers the file")
    func severalIDs() throws {
        let (directive, _) = Self.parse(" promisecheck: ignore-file kallor,tomma-ord , platshallare—skäl")
        let found = try #require(directive)
        #expect(found.rules.map(\.id) == ["kallor", "tomma-ord", "platshallare"])
        #expect(found.rules.map(\.location.column) == [29, 36, 48])
        #expect(found.isFileWide)
        #expect(found.reason == "skäl")
    }

    @Test("no reason, or a dash with nothing after it: no reason")
    func noReason() {
        #expect(Self.parse(" promisecheck: ignore kallor").0?.reason == nil)
        #expect(Self.parse(" promisecheck: ignore kallor —  ").0?.reason == nil)
        #expect(Self.parse(" promisecheck: ignore kallor").0?.rules.map(\.id) == ["kallor"])
    }

    @Test("a comment that is not ours is left alone")
    func notOurs() {
        let (directive, diagnostics) = Self.parse(" ett vanligt kommentar om promisecheck: ignore x")
        #expect(directive == nil)
        #expect(diagnostics.isEmpty)
    }

    @Test(
        "malformed comments are warnings with what is wrong",
        arguments: [
            (
                " promisecheck: ignroe kallor — x",
                "4:17: warning: unknown suppression comment: expected 'ignore' or 'ignore-file' after 'promisecheck:', found 'ignroe'; did you mean 'ignore'? [promise.suppression]"
            ),
            (
                " promisecheck: ignore — skäl",
                "4:24: warning: 'promisecheck: ignore' needs the id of the rule to suppress, e.g. 'promisecheck: ignore RULE-ID — reason' [promise.suppression]"
            ),
            (
                " promisecheck: ignore kallor eftersom",
                "4:31: warning: expected a dash and the reason after the rule ids ('— reason', '-- reason' or '- reason'), found 'eftersom' [promise.suppression]"
            ),
        ])
    func malformed(comment: String, expected: String) {
        let (directive, diagnostics) = Self.parse(comment)
        #expect(directive == nil)
        #expect(diagnostics.map(\.description) == ["a.yaml:" + expected])
    }

    static func yamlSuppressions(_ yaml: String) throws -> (suppressions: [Suppression], diagnostics: [Diagnostic]) {
        let result = PromiseFileReader().read(Array(yaml.utf8), path: "a.yaml")
        let document = try #require(result.document, "\(result.diagnostics)")
        return (document.suppressions, result.diagnostics)
    }

    static let yaml = """
        # promisecheck: ignore-file platshallare — fylls i senare
        promise: 1
        area: Ekby
        # promisecheck: ignore kallor — en källa räcker här
        situation:
          text: Inbrotten ökar.
          sources: [brottsstatistik]
        commitments:
          # promisecheck: ignore tomma-ord — citat
          - title: Stationen
            actions:
              - Verka för trygghet
            target: TODO  # promisecheck: ignore platshallare -- inte klart
          - title: "Torget # promisecheck: ignore x — inte en kommentar"
            target: >
              fyra pass
              per månad
            # promisecheck: ignore lagesbild — sist
        """

    @Test("YAML: own line covers the next entry; end of line the entry on that line; ignore-file the file")
    func yamlScopes() throws {
        let (suppressions, diagnostics) = try Self.yamlSuppressions(Self.yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(
            suppressions.map(\.rules.first?.id) == ["platshallare", "kallor", "tomma-ord", "platshallare", "lagesbild"])
        #expect(
            suppressions.map(\.scope) == [
                .file,
                .lines(5...7),  // the whole `situation:` entry
                .lines(10...13),  // the first commitment, up to its target
                .lines(13...13),  // `target: TODO`
                .lines(19...19),  // nothing follows: covers nothing
            ])
        #expect(suppressions.map(\.location) == [pos(1, 1), pos(4, 1), pos(9, 3), pos(13, 19), pos(18, 5)])
        #expect(suppressions.map(\.reason) == ["fylls i senare", "en källa räcker här", "citat", "inte klart", "sist"])
    }

    @Test("YAML: a block scalar's entry ends at its last line of text")
    func yamlBlockScalar() throws {
        let (suppressions, _) = try Self.yamlSuppressions(
            """
            promise: 1
            # promisecheck: ignore lagesbild — skäl
            introduction: |
              Rad ett.
              # promisecheck: ignore kallor — detta är text, inte en kommentar

            area: Ekby
            """)
        #expect(suppressions.map(\.scope) == [.lines(3...5)])
    }

    static func textSuppressions(_ text: String, format: Document.Format) throws -> (Document, [Diagnostic]) {
        let reader = TextPromiseReader(profile: TextReadingProfile())
        let result = reader.read(Array(text.utf8), path: format == .markdown ? "a.md" : "a.txt", format: format)
        return (try #require(result.document, "\(result.diagnostics)"), result.diagnostics)
    }

    @Test("Markdown: an HTML comment on its own line covers the next block; at the end of a line, its block")
    func markdownScopes() throws {
        let (document, diagnostics) = try Self.textSuppressions(
            """
            # Ekby

            <!-- promisecheck: ignore tomma-ord — citat -->
            - Polisen ska verka för trygghet
              vid stationen.
            - Kommunen byter lampor vid behov. <!-- promisecheck: ignore tomma-ord - avtalet -->

            <!-- promisecheck: ignore-file platshallare -- senare -->
            Text TODO.
            """, format: .markdown)
        #expect(diagnostics.isEmpty)
        #expect(document.suppressions.map(\.scope) == [.lines(4...5), .lines(6...6), .file])
        #expect(document.suppressions.map(\.location) == [pos(3, 1), pos(6, 36), pos(8, 1)])
        // The comment is not part of the text the checks read.
        let blocks = document.sections.flatMap(\.blocks).map(\.text)
        #expect(!blocks.joined().contains("promisecheck"), "\(blocks)")
        #expect(blocks.contains { $0.hasPrefix("Kommunen byter lampor vid behov.") })
    }

    @Test("plain text: '#' and HTML comments on their own line, HTML comments at the end of a line")
    func textScopes() throws {
        let (document, diagnostics) = try Self.textSuppressions(
            """
            Ekby – medborgarlöfte

            # promisecheck: ignore kallor — statistiken räcker
            Situationen idag
            Inbrotten ökar.

            <!-- promisecheck: ignore tomma-ord — citat -->
            Vi ska verka för trygghet.
            Det gör vi kontinuerligt. <!-- promisecheck: ignore tomma-ord — ur planen -->
            """, format: .text)
        #expect(diagnostics.isEmpty)
        // In plain text a heading set flush against its text is one block with it.
        #expect(document.suppressions.map(\.scope) == [.lines(4...5), .lines(8...9), .lines(8...9)])
        let text = document.allSpans.map(\.text).joined(separator: "\n")
        #expect(!text.contains("promisecheck"), "\(text)")
        #expect(!text.contains("<!--"))
        // Columns after a removed comment stay where they are in the file.
        let last = try #require(document.allSpans.first { $0.text.hasPrefix("Vi ska") })
        #expect(last.location(atScalarOffset: 27) == pos(9, 1))
    }

    @Test("a Markdown '#' line is a heading, not a comment")
    func markdownHash() throws {
        let (document, _) = try Self.textSuppressions(
            "# promisecheck: ignore kallor — x\n\nText.\n", format: .markdown)
        #expect(document.suppressions.isEmpty)
        #expect(document.title?.text == "promisecheck: ignore kallor — x")
    }
}
