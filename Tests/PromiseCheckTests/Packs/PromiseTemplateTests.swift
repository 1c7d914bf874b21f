import Foundation
import PromiseCheckYAML
import Testing

@testable import PromiseCheck

/// A pack's `template:` and how `init --promise` fills it in.
@Suite struct PromiseTemplateTests {
    @Test("placeholders are filled; the area is escaped for a double-quoted string; other braces stay")
    func fill() {
        let template = "title: \"{area} {year}–{next_year}\"\nperiod: {from: {year}-01-01}\nx: {okänd} {}\n"
        #expect(
            PromiseTemplate.fill(template, area: "Ekby \"norra\" \\ by", year: 2026)
                == "title: \"Ekby \\\"norra\\\" \\\\ by 2026–2027\"\nperiod: {from: 2026-01-01}\nx: {okänd} {}\n")
    }

    @Test(
        "file names for areas",
        arguments: [
            ("Ekby", "ekby"), ("Övre Älvdal", "ovre-alvdal"), ("  Sjövik / Tallåsen 2 ", "sjovik-tallasen-2"),
            ("Malmö–Lund", "malmo-lund"), ("???", "promise"),
        ])
    func slug(area: String, expected: String) {
        #expect(PromiseTemplate.slug(area) == expected)
    }

    static let pack = """
        pack: mall
        template: TEMPLATE
        categories: {k: K}
        rules:
          - id: r
            title: R
            category: k
            severity: info
            weight: 1
            check: present
            with: {field: area}
            message: m
        """

    @Test("a template written out in pack.yaml, or a file beside it")
    func loads() throws {
        let inline = "|\n    promise: 1\n    area: \"{area}\"\n"
        let (result, _) = loadScratchPack(yaml: Self.pack.replacingOccurrences(of: "TEMPLATE", with: inline))
        #expect(try #require(result.pack).template == "promise: 1\narea: \"{area}\"\n")
        let (fromFile, _) = loadScratchPack(
            yaml: Self.pack.replacingOccurrences(of: "TEMPLATE", with: "mallar/lofte.yaml"),
            files: ["mallar/lofte.yaml": "promise: 1\narea: \"{area}\"\n"])
        #expect(try #require(fromFile.pack).template == "promise: 1\narea: \"{area}\"\n")
    }

    @Test(
        "a template that is missing, has unknown placeholders or is no promise file is a located error",
        arguments: [
            ("saknas.yaml", "'template' file saknas.yaml: no such file"),
            (
                "|\n    promise: 1\n    area: \"{omrade}\"\n",
                "unknown placeholder '{omrade}' in the template; available: {area} {year} {next_year}"
            ),
            ("|\n    promise: 1\n    area: [\n", "the template does not read as a promise file once filled in:"),
            ("|\n    area: x\n", "the template does not read as a promise file once filled in:"),
        ])
    func errors(value: String, message: String) {
        let (result, scratch) = loadScratchPack(yaml: Self.pack.replacingOccurrences(of: "TEMPLATE", with: value))
        #expect(result.pack == nil)
        let templateErrors = result.diagnostics.filter { $0.code == "pack.template" }
        #expect(templateErrors.count == 1, "\(result.diagnostics)")
        #expect(templateErrors.first?.message.hasPrefix(message) == true, "\(templateErrors)")
        #expect(templateErrors.first?.location == pos(2, 11))
        #expect(templateErrors.first?.path == scratch.path("prov/pack.yaml"))
    }

    @Test("the shipped pack's template reads as a promise with every section its rules look at")
    func shippedTemplate() throws {
        let pack = try #require(ShippedPackTests.load("medborgarlofte").pack)
        let template = try #require(pack.template)
        let text = PromiseTemplate.fill(template, area: "Övre Älvdal", year: 2026)
        let result = PromiseFileReader().read(Array(text.utf8), path: "ovre-alvdal.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.area?.text == "Övre Älvdal")
        #expect(document.title?.text == "Övre Älvdal – medborgarlöften 2026–2027")
        #expect(document.period?.from?.text == "2026-01-01")
        #expect(document.period?.to?.text == "2027-12-31")
        #expect(document.status?.text == "draft")
        // Every key of the format but `other`, so every section a rule looks at is there to fill in.
        let root = try YAMLParser.parse(text)
        let keys = Set((root.mapping ?? []).compactMap(\.key.scalar))
        var expected = Set(PromiseFileReader.topLevelKeys.filter { $0 != "other" })
        for rule in pack.rules {
            if case .sections(let names) = rule.scope { expected.formUnion(names) }
        }
        #expect(expected.subtracting(keys).isEmpty, "missing keys: \(expected.subtracting(keys).sorted())")
        #expect(document.commitments.count == 1)
        #expect(document.signatories.map { $0.party?.text } == ["polisen", "kommunen"])
        // The guidance is the pack's, in Swedish, in comments.
        #expect(template.contains("# Lägesbilden"))
    }
}
