import Foundation
import Testing

@testable import PromiseCheck

@Suite struct PackLoaderTests {
    /// A pack of one rule; tests replace one of its lines to break it. Line numbers are fixed:
    /// 4 `- id:`, 5 title, 6 category, 7 severity, 8 weight, 9 check, 10 with, 11 message.
    static let oneRuleLines = [
        "pack: provpack",
        "categories: {grund: Förankring}",
        "rules:",
        "  - id: har-omrade",
        "    title: Området anges",
        "    category: grund",
        "    severity: error",
        "    weight: 10",
        "    check: present",
        "    with: {field: area}",
        "    message: Löftet anger inget område",
    ]

    static func oneRulePack(replacing line: Int, with text: String) -> String {
        var lines = oneRuleLines
        lines[line - 1] = text
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func validPackLoadsWithoutDiagnostics() throws {
        let (result, scratch) = loadScratchPack(
            yaml: """
                pack: provpack
                version: 1.0.0
                title: Provpaket
                description: Ett paket för tester.
                language: sv
                pass_threshold: 0.6
                grades: {C: 60, A: 90, D: 0, B: 75}
                categories: {grund: Förankring, ansvar: Ansvar}
                sections: {situation: ['situationen idag', 'lägesbild(en)?']}
                rules:
                  - id: har-omrade
                    title: Området anges
                    category: grund
                    severity: error
                    weight: 10
                    check: present
                    with: {field: area}
                    message: Löftet anger inget område
                    hint: Skriv vilket område löftet gäller
                    link: https://polisen.se/medborgarloften
                  - id: har-undertecknare
                    title: Löftet är undertecknat
                    category: ansvar
                    severity: warning
                    weight: 2.5
                    scope: signatories
                    require: any
                    check: present
                    message: "{name} saknar roll"
                    enabled: false

                """)
        #expect(result.diagnostics.map(\.description) == [])
        let pack = try #require(result.pack)
        #expect(pack.name == "provpack")
        #expect(pack.version == "1.0.0")
        #expect(pack.title == "Provpaket")
        #expect(pack.description == "Ett paket för tester.")
        #expect(pack.language == "sv")
        #expect(pack.passThreshold == 0.6)
        #expect(pack.file == scratch.path("prov/pack.yaml"))
        #expect(
            pack.grades == [
                Grade(name: "A", minimum: 90), Grade(name: "B", minimum: 75), Grade(name: "C", minimum: 60),
                Grade(name: "D", minimum: 0),
            ])
        #expect(
            pack.categories == [
                RuleCategory(key: "grund", title: "Förankring"), RuleCategory(key: "ansvar", title: "Ansvar"),
            ])
        #expect(pack.sections.map(\.role) == ["situation"])
        #expect(pack.sections.first?.patterns.map(\.source) == ["situationen idag", "lägesbild(en)?"])
        #expect(pack.rules.map(\.id) == ["har-omrade", "har-undertecknare"])
        #expect(pack.enabledRules.map(\.id) == ["har-omrade"])

        let area = try #require(pack.rule(withID: "har-omrade"))
        #expect(area.title == "Området anges")
        #expect(area.category == "grund")
        #expect(area.severity == .error)
        #expect(area.weight == 10)
        #expect(area.scope == .document)
        #expect(area.requirement == .all)
        #expect(area.checkKind == "present")
        #expect(area.message == "Löftet anger inget område")
        #expect(area.hint == "Skriv vilket område löftet gäller")
        #expect(area.link == "https://polisen.se/medborgarloften")
        #expect(area.isEnabled)
        #expect(area.file == scratch.path("prov/pack.yaml"))
        #expect(area.location == pos(11, 5))

        let signed = try #require(pack.rule(withID: "har-undertecknare"))
        #expect(signed.weight == 2.5)
        #expect(signed.scope == .signatories)
        #expect(signed.requirement == .atLeast(1))
        #expect(!signed.isEnabled)
    }

    @Test func packWithoutGradesGetsTheDefaultBands() throws {
        let (result, _) = loadScratchPack(yaml: Self.oneRuleLines.joined(separator: "\n"))
        let pack = try #require(result.pack)
        #expect(pack.grades.map(\.name) == ["A", "B", "C", "D", "E"])
        #expect(pack.grades.map(\.minimum) == [90, 75, 60, 40, 0])
        #expect(pack.passThreshold == 0.5)
        #expect(pack.version == "0")
        #expect(pack.title == "provpack")
    }

    @Test func unknownTopLevelKeyIsAWarningWithASuggestion() throws {
        var lines = Self.oneRuleLines
        lines.insert("titel: Provpaket", at: 1)
        let (result, scratch) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.unknown-key", severity: .warning, at: pos(2, 1),
            message: "unknown key 'titel' in the pack; did you mean 'title'?", path: scratch.path("prov/pack.yaml"))
        #expect(result.diagnostics.count == 1)
        #expect(result.pack != nil)
    }

    @Test func unknownRuleKeyIsAWarningWithASuggestion() throws {
        var lines = Self.oneRuleLines
        lines.insert("    descripton: Området ska stå med.", at: 9)
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.unknown-key", severity: .warning, at: pos(10, 5),
            message: "unknown key 'descripton' in rule 'har-omrade'; did you mean 'description'?")
        #expect(result.diagnostics.count == 1)
        #expect(result.pack?.rules.count == 1)
    }

    struct BrokenLine: CustomTestStringConvertible, Sendable {
        var line: Int
        var text: String
        var code: String
        var location: PromiseCheck.SourceLocation
        var message: String
        var testDescription: String { "\(code): \(text)" }
    }

    static let brokenLines: [BrokenLine] = [
        BrokenLine(
            line: 6, text: "    category: grnud", code: "pack.unknown-category", location: pos(6, 15),
            message: "unknown category 'grnud'; did you mean 'grund'?; the pack declares: grund"),
        BrokenLine(
            line: 7, text: "    severity: eror", code: "pack.severity", location: pos(7, 15),
            message: "severity must be error, warning or info, found 'eror'; did you mean 'error'?"),
        BrokenLine(
            line: 7, text: "    severity: fatal", code: "pack.severity", location: pos(7, 15),
            message: "severity must be error, warning or info, found 'fatal'"),
        BrokenLine(
            line: 8, text: "    weight: -5", code: "pack.range", location: pos(8, 13),
            message: "'weight' must not be negative"),
        BrokenLine(
            line: 8, text: "    weight: tung", code: "pack.type", location: pos(8, 13),
            message: "'weight' of rule 'har-omrade' must be a number, found 'tung'"),
        BrokenLine(
            line: 10, text: "    with: {feild: area}", code: "pack.unknown-parameter", location: pos(10, 12),
            message: "check 'present' has no parameter 'feild'; did you mean 'field'?; it takes: field, min_words"),
        BrokenLine(
            line: 10, text: "    with: {min_words: många}", code: "pack.parameter-type", location: pos(10, 23),
            message: "parameter 'min_words' of check 'present' must be a whole number, found 'många'"),
        BrokenLine(
            line: 10, text: "    with: {min_words: 0}", code: "pack.check-parameters", location: pos(10, 23),
            message: "'min_words' must be at least 1"),
        BrokenLine(
            line: 10, text: "    with: [field, area]", code: "pack.type", location: pos(10, 11),
            message: "'with' of rule 'har-omrade' must be a mapping, found a list"),
        BrokenLine(
            line: 10, text: "    scope: kommunen", code: "pack.scope", location: pos(10, 12),
            message: "scope must be document, section:ROLE[,ROLE…], commitments or signatories; found 'kommunen'"),
        BrokenLine(
            line: 10, text: "    require: några", code: "pack.require", location: pos(10, 14),
            message: "require must be all, any or a whole number of items, found 'några'"),
        BrokenLine(
            line: 10, text: "    link: polisen.se", code: "pack.link", location: pos(10, 11),
            message: "'link' must be an http(s) address"),
        BrokenLine(
            line: 10, text: "    enabled: kanske", code: "pack.type", location: pos(10, 14),
            message: "'enabled' must be true or false, found 'kanske'"),
        BrokenLine(
            line: 4, text: "  - id: har omrade", code: "pack.id", location: pos(4, 9),
            message: "rule id 'har omrade' must be letters, digits, '-', '_' or '.'"),
        BrokenLine(
            line: 8, text: "    hint: Skriv området", code: "pack.missing-key", location: pos(4, 5),
            message: "rule 'har-omrade' needs 'weight'"),
        BrokenLine(
            line: 1, text: "pack: Prov Pack", code: "pack.name", location: pos(1, 7),
            message: "pack name 'Prov Pack' must be lower-case letters, digits, '-', '_' or '.'"),
    ]

    @Test(arguments: brokenLines)
    func brokenRuleGivesOneLocatedError(_ broken: BrokenLine) {
        let (result, scratch) = loadScratchPack(yaml: Self.oneRulePack(replacing: broken.line, with: broken.text))
        expectDiagnostic(
            result.diagnostics, code: broken.code, at: broken.location, message: broken.message,
            path: scratch.path("prov/pack.yaml"))
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.description))")
        #expect(result.pack == nil)
    }

    @Test func unknownCheckKindIsAnErrorWithASuggestion() {
        let (result, _) = loadScratchPack(yaml: Self.oneRulePack(replacing: 9, with: "    check: presnt"))
        let known = CheckRegistry.builtIn.names.joined(separator: ", ")
        expectDiagnostic(
            result.diagnostics, code: "pack.unknown-check", at: pos(9, 12),
            message: "unknown check kind 'presnt'; did you mean 'present'?; known kinds: \(known)")
        #expect(known.contains("present"))
        #expect(result.pack == nil)
    }

    @Test func missingRequiredParameterPointsAtWith() {
        var lines = Self.oneRuleLines
        lines[8] = "    check: lexicon"
        lines[9] = "    with: {min: 2}"
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.missing-parameter", at: pos(10, 11),
            message:
                "check 'lexicon' needs parameter 'terms' (the lexicon to count: a name from the pack's lexicons, or a list)"
        )
        #expect(result.diagnostics.count == 1)
        #expect(result.pack == nil)
    }

    @Test func missingRequiredParameterWithoutWithPointsAtCheck() {
        var lines = Self.oneRuleLines
        lines[8] = "    check: sources"
        lines.remove(at: 9)
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.missing-parameter", at: pos(9, 12),
            message: "check 'sources' needs parameter 'kinds' (a grouped lexicon: source kind → terms)")
    }

    @Test func regexThatDoesNotCompileIsLocatedAtItsValue() {
        var lines = Self.oneRuleLines
        lines[8] = "    check: pattern"
        lines[9] = "    with: {match: \"([\"}"
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.check-parameters", at: pos(10, 19),
            message: "regular expression '([' in 'match' does not compile")
        #expect(result.pack == nil)
    }

    @Test func duplicateRuleIDNamesBothPlaces() {
        let lines = Self.oneRuleLines + Array(Self.oneRuleLines[3...])
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.duplicate-id", at: pos(12, 9),
            message: "duplicate rule id 'har-omrade' (first defined at 4:5)")
        #expect(result.diagnostics.count == 1)
        #expect(result.pack == nil)
    }

    @Test func unknownPlaceholderInMessageSuggestsOneAvailableInTheScope() throws {
        var lines = Self.oneRuleLines
        lines[9] = "    scope: commitments"
        lines[10] = "    message: Åtagandet {titel} saknar mål"
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        let diagnostic = try #require(onlyDiagnostic("pack.placeholder", in: result.diagnostics))
        #expect(diagnostic.location == pos(11, 14))
        #expect(
            diagnostic.message.hasPrefix(
                "unknown placeholder '{titel}' in 'message'; did you mean 'title'?; available here: "))
        #expect(diagnostic.message.contains("{title}"))
        #expect(diagnostic.message.contains("{area}"))
        #expect(!diagnostic.message.contains("{section}"))
        #expect(result.pack == nil)
    }

    @Test func unknownPlaceholderInMissingMessage() throws {
        var lines = Self.oneRuleLines
        lines[9] = "    scope: commitments"
        lines.append("    missing: Inga åtaganden i {omrade}")
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        let diagnostic = try #require(onlyDiagnostic("pack.placeholder", in: result.diagnostics))
        #expect(diagnostic.location == pos(12, 14))
        #expect(diagnostic.message.hasPrefix("unknown placeholder '{omrade}' in 'missing'"))
    }

    @Test func missingLexiconFileIsLocatedAtItsDeclaration() {
        var lines = Self.oneRuleLines
        lines.insert("lexicons: {tal: lexikon/tal.yaml}", at: 2)
        let (result, scratch) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.lexicon-not-found", at: pos(3, 17),
            message: "lexicon 'tal': file not found (\(scratch.path("prov/lexikon/tal.yaml")))",
            path: scratch.path("prov/pack.yaml"))
        #expect(result.pack == nil)
    }

    @Test func lexiconFileWithABadTermIsReportedInTheLexiconFile() {
        var lines = Self.oneRuleLines
        lines.insert("lexicons: {vaga: lexikon/vaga.yaml}", at: 2)
        let (result, scratch) = loadScratchPack(
            yaml: lines.joined(separator: "\n"),
            files: ["lexikon/vaga.yaml": "lexicon: vaga\nterms:\n  - verka för\n  - arbeta*för\n"])
        expectDiagnostic(
            result.diagnostics, code: "lexicon.term", at: pos(4, 5),
            message: "'*' may only start or end a word and '{n}' must stand alone in term 'arbeta*för'",
            path: scratch.path("prov/lexikon/vaga.yaml"))
        #expect(result.pack == nil)
    }

    @Test func lexiconFilesOfEachShapeLoad() throws {
        var lines = Self.oneRuleLines
        lines.insert(
            "lexicons: {vaga: lexikon/vaga.yaml, tal: lexikon/tal.yaml, kallor: lexikon/kallor.yaml}", at: 2)
        let (result, _) = loadScratchPack(
            yaml: lines.joined(separator: "\n"),
            files: [
                "lexikon/vaga.yaml": "terms: [verka för, arbeta för]\n",
                "lexikon/tal.yaml": "lexicon: tal\ndescription: Räkneord\nvalues: {en: 1, fyra: 4, tolv: 12}\n",
                "lexikon/kallor.yaml": "groups:\n  statistik: [brottsstatistik]\n  enkat: [trygghetsmätning, enkät*]\n",
            ])
        #expect(result.diagnostics.map(\.description) == [])
        let pack = try #require(result.pack)
        #expect(pack.lexicons["vaga"]?.entries.map(\.term) == ["verka för", "arbeta för"])
        #expect(pack.lexicons["tal"]?.wordValues == ["en": 1, "fyra": 4, "tolv": 12])
        #expect(pack.lexicons["kallor"]?.groups == ["statistik", "enkat"])
        #expect(pack.lexicons["kallor"]?.name == "kallor")
    }

    @Test func lexiconFileWithTwoBodiesIsAShapeError() {
        var lines = Self.oneRuleLines
        lines.insert("lexicons: {vaga: vaga.yaml}", at: 2)
        let (result, scratch) = loadScratchPack(
            yaml: lines.joined(separator: "\n"), files: ["vaga.yaml": "terms: [a]\nvalues: {b: 1}\n"])
        expectDiagnostic(
            result.diagnostics, code: "lexicon.shape", at: pos(2, 1),
            message: "a lexicon file needs exactly one of 'terms', 'values' or 'groups'",
            path: scratch.path("prov/vaga.yaml"))
    }

    @Test func aValueThatIsNotANumberNamesItsTerm() {
        var lines = Self.oneRuleLines
        lines.insert("lexicons: {tal: tal.yaml}", at: 2)
        let (result, scratch) = loadScratchPack(
            yaml: lines.joined(separator: "\n"), files: ["tal.yaml": "values:\n  en: 1\n  fyra: många\n"])
        expectDiagnostic(
            result.diagnostics, code: "lexicon.type", at: pos(3, 9),
            message: "the value of 'fyra' must be a number, found 'många'", path: scratch.path("prov/tal.yaml"))
    }

    @Test func gradesWithoutABandAtZero() {
        var lines = Self.oneRuleLines
        lines.insert("grades: {A: 90, B: 50}", at: 1)
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.grades", at: pos(2, 9),
            message: "'grades' needs a band that starts at 0, for the lowest scores")
        #expect(result.pack == nil)
    }

    @Test func gradeOutsideZeroToHundred() {
        var lines = Self.oneRuleLines
        lines.insert("grades: {A: 120, B: 0}", at: 1)
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.range", at: pos(2, 13), message: "grade 'A' must start between 0 and 100")
    }

    @Test func passThresholdOutsideZeroToOne() {
        var lines = Self.oneRuleLines
        lines.insert("pass_threshold: 60", at: 1)
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.range", at: pos(2, 17), message: "'pass_threshold' must be between 0 and 1")
    }

    @Test func yamlSyntaxErrorInPackFileHasCodeLocationAndSnippet() throws {
        let (result, scratch) = loadScratchPack(yaml: "pack: provpack\ntitle: Provpaket: trasig\nrules: []\n")
        let diagnostic = try #require(onlyDiagnostic("yaml.syntax", in: result.diagnostics))
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == scratch.path("prov/pack.yaml"))
        #expect(diagnostic.location == pos(2, 17))
        #expect(diagnostic.message == "mapping values are not allowed in this context")
        #expect(diagnostic.snippet == "title: Provpaket: trasig\n" + String(repeating: " ", count: 16) + "^")
        #expect(result.diagnostics.count == 1)
        #expect(result.pack == nil)
    }

    @Test func packFileThatIsNotAMapping() {
        let (result, _) = loadScratchPack(yaml: "- pack: provpack\n")
        expectDiagnostic(
            result.diagnostics, code: "pack.type", at: pos(1, 1), message: "a pack file must be a mapping, found a list"
        )
    }

    @Test func packWithoutRulesOrName() {
        let (result, _) = loadScratchPack(yaml: "title: Tomt\n")
        #expect(result.diagnostics.map(\.code) == ["pack.missing-key", "pack.no-rules"])
        #expect(result.diagnostics.map(\.message) == ["the pack has no 'pack:' name", "the pack has no rules"])
        #expect(result.diagnostics.map(\.location) == [pos(1, 1), nil])
        #expect(result.pack == nil)
    }

    @Test func everyProblemInAPackIsReported() {
        let (result, _) = loadScratchPack(
            yaml: """
                pack: provpack
                titel: Provpaket
                categories: {grund: Förankring}
                rules:
                  - id: forsta
                    title: Första
                    category: grund
                    severity: error
                    weight: 1
                    check: presnt
                    message: Första saknas
                  - id: andra
                    title: Andra
                    category: grund
                    severity: kritisk
                    weight: 1
                    check: present
                    message: Andra saknas
                  - id: tredje
                    title: Tredje
                    category: grnud
                    severity: info
                    weight: -1
                    check: present
                    message: Tredje saknas

                """)
        #expect(
            result.diagnostics.map(\.code) == [
                "pack.unknown-key", "pack.unknown-check", "pack.severity", "pack.unknown-category", "pack.range",
            ])
        #expect(result.diagnostics.map(\.location) == [pos(2, 1), pos(10, 12), pos(15, 15), pos(21, 15), pos(23, 13)])
        #expect(result.diagnostics.map(\.severity) == [.warning, .error, .error, .error, .error])
        #expect(result.pack == nil)
    }

    @Test func notFoundPackReference() {
        let scratch = ScratchFolder()
        let result = PackLoader(locator: PackLocator(searchPaths: [scratch.path])).load("saknas")
        #expect(result.diagnostics.count == 1)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.code == "pack.not-found")
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.path == "saknas")
        #expect(diagnostic?.location == nil)
        #expect(diagnostic?.message == "no rule pack 'saknas' (looked at: \(scratch.path("saknas/pack.yaml")))")
        #expect(result.pack == nil)
    }

    @Test func loadByNameFromSearchPath() throws {
        let scratch = ScratchFolder()
        scratch.write("regler/provpack/pack.yaml", Self.oneRuleLines.joined(separator: "\n"))
        let result = PackLoader(locator: PackLocator(searchPaths: [scratch.path("regler")])).load("provpack")
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.pack).file == scratch.path("regler/provpack/pack.yaml"))
    }

    @Test func headingPatternThatDoesNotCompile() {
        var lines = Self.oneRuleLines
        lines.insert("sections: {situation: ['lägesbild', '(['], follow_up: uppföljning}", at: 1)
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        expectDiagnostic(
            result.diagnostics, code: "pack.regex", at: pos(2, 37), message: "heading pattern '([' does not compile")
    }

    @Test func missingLexiconUsedByARuleIsReportedOnce() {
        var lines = Self.oneRuleLines
        lines.insert("lexicons: {vaga: vaga.yaml}", at: 2)
        lines[9] = "    check: lexicon"
        lines[10] = "    with: {terms: vaga}"
        let (result, _) = loadScratchPack(yaml: lines.joined(separator: "\n"))
        #expect(result.diagnostics.map(\.code) == ["pack.lexicon-not-found"])
    }

    @Test func undeclaredLexiconNameSuggestsADeclaredOne() throws {
        var lines = Self.oneRuleLines
        lines.insert("lexicons: {vaga: vaga.yaml}", at: 2)
        lines[9] = "    check: lexicon"
        lines[10] = "    with: {terms: vga}"
        let (result, _) = loadScratchPack(
            yaml: lines.joined(separator: "\n"), files: ["vaga.yaml": "terms: [verka för]\n"])
        expectDiagnostic(
            result.diagnostics, code: "pack.check-parameters", at: pos(11, 19),
            message: "no lexicon named 'vga'; did you mean 'vaga'?; the pack declares: vaga")
    }
}
