import Foundation
import Testing

@testable import PromiseCheck

@Suite struct PackExtendsTests {
    /// Three rules of different kinds; `har-kallor` needs two of three source terms.
    static let basePack = """
        pack: bas
        version: 2.0.0
        title: Baspaket
        grades: {A: 90, B: 60, C: 0}
        categories: {grund: Förankring, matbarhet: Mätbarhet}
        pass_threshold: 0.7
        rules:
          - id: har-omrade
            title: Området anges
            category: grund
            severity: error
            weight: 10
            check: present
            with: {field: area}
            message: Löftet anger inget område
          - id: har-kallor
            title: Lägesbilden har källor
            category: grund
            severity: warning
            weight: 5
            scope: section:situation
            check: lexicon
            with: {terms: [brottsstatistik, trygghetsmätning, medborgardialog], min: 2}
            message: Lägesbilden nämner {count} av {min} källor
          - id: har-siffra
            title: Åtagandena har siffror
            category: matbarhet
            severity: info
            weight: 3
            scope: commitments
            check: pattern
            with: {match: '\\d+'}
            message: Åtagandet {title} saknar en siffra

        """

    static let childPack = """
        pack: barn
        title: Barnpaket
        extends: [bas]
        categories: {ansvar: Ansvar}
        rules:
          - id: har-omrade
            severity: info
            weight: 2
          - id: har-kallor
            with: {min: 1}
          - id: har-siffra
            enabled: false
          - id: har-titel
            title: Löftet har en titel
            category: ansvar
            severity: warning
            weight: 1
            check: present
            with: {field: title}
            message: Löftet saknar titel

        """

    /// The fraction `rule` gives a situation that names only crime statistics.
    private func sourcesFraction(_ pack: RulePack, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Double?
    {
        guard let rule = pack.rule(withID: "har-kallor") else {
            Issue.record("no rule har-kallor", sourceLocation: sourceLocation)
            return nil
        }
        let document = ExampleRunner.document(
            placing: "Enligt brottsstatistik ökar inbrotten.", for: .sections(["situation"]), file: "x", at: pos(1, 1))
        return Engine(pack: pack).evaluate(rule, on: document).fraction
    }

    @Test func childOverridesDisablesAndAddsRulesByID() throws {
        let scratch = ScratchFolder()
        scratch.write("bas/pack.yaml", Self.basePack)
        scratch.write("barn/pack.yaml", Self.childPack)
        let result = loadScratchPack("barn", in: scratch)
        #expect(result.diagnostics.map(\.description) == [])
        let pack = try #require(result.pack)

        #expect(pack.name == "barn")
        #expect(pack.title == "Barnpaket")
        #expect(pack.version == "2.0.0")
        #expect(pack.passThreshold == 0.7)
        #expect(pack.extends == ["bas"])
        #expect(pack.grades.map(\.name) == ["A", "B", "C"])
        #expect(pack.categories.map(\.key) == ["grund", "matbarhet", "ansvar"])
        #expect(pack.rules.map(\.id) == ["har-omrade", "har-kallor", "har-siffra", "har-titel"])
        #expect(pack.enabledRules.map(\.id) == ["har-omrade", "har-kallor", "har-titel"])

        let area = try #require(pack.rule(withID: "har-omrade"))
        #expect(area.severity == .info)
        #expect(area.weight == 2)
        #expect(area.title == "Området anges")
        #expect(area.checkKind == "present")
        #expect(area.file == scratch.path("barn/pack.yaml"))
        #expect(area.location == pos(6, 5))

        let sources = try #require(pack.rule(withID: "har-kallor"))
        #expect(sources.severity == .warning)
        #expect(sources.weight == 5)
        #expect(sources.scope == .sections(["situation"]))
        #expect(sources.message == "Lägesbilden nämner {count} av {min} källor")
        #expect(sourcesFraction(pack) == 1)

        let base = try #require(loadScratchPack("bas", in: scratch).pack)
        #expect(sourcesFraction(base) == 0.25)
        #expect(base.rule(withID: "har-omrade")?.severity == .error)
        #expect(base.rule(withID: "har-siffra")?.isEnabled == true)

        let digits = try #require(pack.rule(withID: "har-siffra"))
        #expect(!digits.isEnabled)
        #expect(digits.checkKind == "pattern")

        let title = try #require(pack.rule(withID: "har-titel"))
        #expect(title.category == "ansvar")
        #expect(title.location == pos(13, 5))
    }

    @Test func childThatReplacesTheCheckDropsTheBaseParameters() throws {
        let scratch = ScratchFolder()
        scratch.write("bas/pack.yaml", Self.basePack)
        scratch.write(
            "barn/pack.yaml",
            "pack: barn\nextends: bas\nrules:\n  - id: har-kallor\n    check: present\n")
        let result = loadScratchPack("barn", in: scratch)
        #expect(result.diagnostics.map(\.description) == [])
        let pack = try #require(result.pack)
        #expect(pack.rule(withID: "har-kallor")?.checkKind == "present")
        #expect(sourcesFraction(pack) == 1)
    }

    @Test func extendsByRelativePathToAFolderOrAPackFile() throws {
        for reference in ["../../delat/bas", "../../delat/bas/pack.yaml", "./../../delat/bas/"] {
            let scratch = ScratchFolder()
            scratch.write("delat/bas/pack.yaml", Self.basePack)
            scratch.write(
                "lan/barn/pack.yaml",
                Self.childPack.replacingOccurrences(of: "extends: [bas]", with: "extends: '\(reference)'"))
            let result = loadScratchPack("lan/barn", in: scratch)
            #expect(result.diagnostics.map(\.description) == [], "\(reference)")
            let pack = try #require(result.pack, "\(reference)")
            #expect(pack.rules.map(\.id) == ["har-omrade", "har-kallor", "har-siffra", "har-titel"], "\(reference)")
            #expect(pack.extends == [reference])
        }
    }

    @Test func extendsByNameFindsSearchPathsAfterSiblings() throws {
        let scratch = ScratchFolder()
        scratch.write("delat/bas/pack.yaml", Self.basePack)
        scratch.write("lan/barn/pack.yaml", Self.childPack)
        let result = loadScratchPack("lan/barn", in: scratch, searchPaths: [scratch.path("delat")])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.pack?.rules.count == 4)
    }

    @Test func lexiconsOfTheBaseAreReadFromTheBaseFolder() throws {
        let scratch = ScratchFolder()
        scratch.write(
            "bas/pack.yaml",
            Self.basePack.replacingOccurrences(
                of: "pass_threshold: 0.7", with: "lexicons: {kallor: lexikon/kallor.yaml}"
            )
            .replacingOccurrences(
                of: "{terms: [brottsstatistik, trygghetsmätning, medborgardialog], min: 2}",
                with: "{terms: kallor, min: 2}"))
        scratch.write("bas/lexikon/kallor.yaml", "terms: [brottsstatistik, trygghetsmätning]\n")
        scratch.write("barn/pack.yaml", Self.childPack)
        let result = loadScratchPack("barn", in: scratch)
        #expect(result.diagnostics.map(\.description) == [])
        let pack = try #require(result.pack)
        #expect(pack.lexicons["kallor"]?.entries.count == 2)
        #expect(sourcesFraction(pack) == 1)
    }

    @Test func packThatExtendsItself() {
        let scratch = ScratchFolder()
        scratch.write(
            "sjalv/pack.yaml",
            Self.basePack.replacingOccurrences(of: "pack: bas\n", with: "pack: sjalv\nextends: [sjalv]\n"))
        let result = loadScratchPack("sjalv", in: scratch)
        expectDiagnostic(
            result.diagnostics, code: "pack.extends-cycle", at: pos(2, 11),
            message: "pack extends itself (sjalv → sjalv)",
            path: scratch.path("sjalv/pack.yaml"))
        #expect(result.pack == nil)
    }

    @Test func twoPacksThatExtendEachOther() {
        let scratch = ScratchFolder()
        scratch.write(
            "a/pack.yaml", Self.basePack.replacingOccurrences(of: "pack: bas\n", with: "pack: a\nextends: [b]\n"))
        scratch.write(
            "b/pack.yaml", Self.basePack.replacingOccurrences(of: "pack: bas\n", with: "pack: b\nextends: [a]\n"))
        let result = loadScratchPack("a", in: scratch)
        expectDiagnostic(
            result.diagnostics, code: "pack.extends-cycle", at: pos(2, 11), message: "pack extends itself (a → b → a)",
            path: scratch.path("b/pack.yaml"))
        #expect(result.diagnostics.count == 1)
        #expect(result.pack == nil)
    }

    @Test func extendsAnUnknownPack() {
        let scratch = ScratchFolder()
        scratch.write(
            "barn/pack.yaml", Self.childPack.replacingOccurrences(of: "extends: [bas]", with: "extends: [finnsinte]"))
        let result = loadScratchPack("barn", in: scratch, searchPaths: [scratch.path("regler")])
        expectDiagnostic(
            result.diagnostics, code: "pack.extends-not-found", at: pos(3, 11),
            message:
                "extends unknown pack 'finnsinte' (looked at: \(scratch.path("finnsinte/pack.yaml")), \(scratch.path("regler/finnsinte/pack.yaml")))",
            path: scratch.path("barn/pack.yaml"))
        #expect(result.pack == nil)
    }

    @Test func errorInTheBasePackIsReportedInTheBaseFile() {
        let scratch = ScratchFolder()
        scratch.write("bas/pack.yaml", Self.basePack.replacingOccurrences(of: "check: present", with: "check: presnt"))
        scratch.write("barn/pack.yaml", Self.childPack)
        let result = loadScratchPack("barn", in: scratch)
        let diagnostic = onlyDiagnostic("pack.unknown-check", in: result.diagnostics)
        #expect(diagnostic?.path == scratch.path("bas/pack.yaml"))
        #expect(diagnostic?.location == pos(13, 12))
        #expect(result.pack == nil)
    }

    @Test
    func badParameterOverrideIsReportedInTheChildFile() {
        let scratch = ScratchFolder()
        scratch.write("bas/pack.yaml", Self.basePack)
        scratch.write(
            "barn/pack.yaml", "pack: barn\nextends: [bas]\nrules:\n  - id: har-kallor\n    with: {min: många}\n")
        let result = loadScratchPack("barn", in: scratch)
        expectDiagnostic(
            result.diagnostics, code: "pack.parameter-type", at: pos(5, 17),
            message: "parameter 'min' of check 'lexicon' must be a whole number, found 'många'",
            path: scratch.path("barn/pack.yaml"))
    }

    @Test func overridingParameterThatFailsTheCheckIsReportedInTheChildFile() {
        let scratch = ScratchFolder()
        scratch.write("bas/pack.yaml", Self.basePack)
        scratch.write(
            "barn/pack.yaml", "pack: barn\nextends: [bas]\nrules:\n  - id: har-omrade\n    with: {min_words: 0}\n")
        let result = loadScratchPack("barn", in: scratch)
        expectDiagnostic(
            result.diagnostics, code: "pack.check-parameters", at: pos(5, 23),
            message: "'min_words' must be at least 1",
            path: scratch.path("barn/pack.yaml"))
    }

    @Test func diamondIsNotACycle() throws {
        let scratch = ScratchFolder()
        scratch.write("grund/pack.yaml", Self.basePack.replacingOccurrences(of: "pack: bas\n", with: "pack: grund\n"))
        scratch.write("lan/pack.yaml", "pack: lan\nextends: [grund]\nrules:\n  - id: har-omrade\n    weight: 4\n")
        scratch.write("stad/pack.yaml", "pack: stad\nextends: [grund]\nrules:\n  - id: har-kallor\n    weight: 6\n")
        scratch.write(
            "kommun/pack.yaml", "pack: kommun\nextends: [lan, stad]\nrules:\n  - id: har-siffra\n    weight: 8\n")
        let result = loadScratchPack("kommun", in: scratch)
        #expect(result.diagnostics.map(\.description) == [])
        let pack = try #require(result.pack)
        #expect(pack.rules.map(\.id) == ["har-omrade", "har-kallor", "har-siffra"])
        #expect(pack.rules.map(\.weight).suffix(2) == [6, 8])
    }

    @Test func diamondKeepsEachBranchsOverride() throws {
        let scratch = ScratchFolder()
        scratch.write("grund/pack.yaml", Self.basePack.replacingOccurrences(of: "pack: bas\n", with: "pack: grund\n"))
        scratch.write("lan/pack.yaml", "pack: lan\nextends: [grund]\nrules:\n  - id: har-omrade\n    weight: 4\n")
        scratch.write("stad/pack.yaml", "pack: stad\nextends: [grund]\nrules:\n  - id: har-kallor\n    weight: 6\n")
        scratch.write("kommun/pack.yaml", "pack: kommun\nextends: [lan, stad]\nrules: []\n")
        let pack = try #require(loadScratchPack("kommun", in: scratch).pack)
        #expect(pack.rules.map(\.weight) == [4, 6, 3])
    }
}
