import Testing

@testable import PromiseCheck

@Suite struct PresentCheckTests {
    @Test func scopeTextIsStated() throws {
        let outcome = try #require(evaluateCheck(builtCheck("check: present\n"), ["Polisen och kommunen 2025"]))
        #expect(outcome.fraction == 1)
        #expect(outcome.reason == "the document is stated (3 words)")
        #expect(outcome.variables == ["field": "document", "count": "3", "min": "1"])
    }

    @Test func fewerWordsThanNeededIsAShare() throws {
        let check = builtCheck("check: present\nwith: {min_words: 5}\n")
        let short = try #require(evaluateCheck(check, ["Polisen och kommunen"]))
        #expect(short.fraction == 0.3)
        #expect(short.reason == "the document has 3 words; 5 needed")
        #expect(short.variables == ["field": "document", "count": "3", "min": "5"])
        let empty = try #require(evaluateCheck(check, ["  ", "12 %"]))
        #expect(empty.fraction == 0)
        #expect(empty.reason == "the document is not stated")
    }

    @Test func itemKindNamesTheScope() throws {
        let item = ScopeItem.lines([], kind: .commitment)
        let outcome = try #require(builtCheck("check: present\n")?.evaluate(item, in: blankDocument))
        #expect(outcome.reason == "the commitment is not stated")
        #expect(outcome.variables["field"] == "commitment")
    }

    @Test func fieldLooksAtTheDocumentNotTheItem() throws {
        var document = Document(path: "lofte.yaml", format: .yaml)
        document.area = verbatimSpan("Östra Ekby", 3, 7)
        document.sections = [
            Section(role: "follow_up", blocks: [verbatimSpan("fyra gånger per år", 9, 14)], location: pos(8, 1))
        ]
        let area = builtCheck("check: present\nwith: {field: area}\n")
        let areaOutcome = try #require(evaluateCheck(area, ["annan text"], in: document))
        #expect(areaOutcome.fraction == 1)
        #expect(areaOutcome.reason == "'area' is stated (2 words)")
        #expect(areaOutcome.variables == ["field": "area", "count": "2", "min": "1"])

        let followUp = builtCheck("check: present\nwith: {field: follow_up, min_words: 8}\n")
        let followUpOutcome = try #require(evaluateCheck(followUp, [], in: document))
        #expect(followUpOutcome.fraction == 0.25)
        #expect(followUpOutcome.reason == "'follow_up' has 4 words; 8 needed")

        let title = try #require(
            evaluateCheck(builtCheck("check: present\nwith: {field: title}\n"), ["Titel"], in: document))
        #expect(title.fraction == 0)
        #expect(title.reason == "'title' is not stated")

        let unknown = builtCheck("check: present\nwith: {field: evaluation}\n")
        #expect(evaluateCheck(unknown, ["text"], in: document)?.fraction == 0)
    }

    @Test func minimumWordsIsAtLeastOne() throws {
        let failure = try #require(checkBuildFailure("check: present\nwith: {min_words: 0}\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(2, 19),
            message: "'min_words' must be at least 1")
    }

    @Test func registryDescribesTheBuiltInKinds() {
        let registry = CheckRegistry.builtIn
        for name in ["all", "any", "lexicon", "not", "pattern", "present", "readability", "signatories", "sources"] {
            #expect(registry.type(named: name) != nil, "\(name)")
        }
        #expect(registry.names == registry.names.sorted())
        #expect(registry.kinds.map(\.name) == registry.names)
        #expect(registry.type(named: "present")?.kind.parameters.map(\.name) == ["field", "min_words"])
        #expect(registry.type(named: "present")?.kind.variables == ["field", "count", "min"])
        #expect(
            registry.type(named: "exec")?.kind.parameters.map(\.name) == [
                "command", "timeout", "max_output", "options",
            ])
        #expect(CheckRegistry().names.isEmpty)
    }
}

@Suite struct PresentFieldValidationTests {
    @Test func unknownFieldIsALocatedErrorWithASuggestion() throws {
        let failure = try #require(checkBuildFailure("check: present\nwith: {field: aera}\n"))
        #expect(failure.diagnostics.count == 1)
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.code == "pack.check-parameters")
        #expect(diagnostic.location == pos(2, 15))
        #expect(diagnostic.message.hasPrefix("unknown field 'aera'; did you mean 'area'?"))
    }

    @Test(arguments: ["area", "period", "signatories", "situation", "follow_up", "expected_effect"])
    func knownFieldsAndSectionRolesBuild(field: String) {
        #expect(builtCheck("check: present\nwith: {field: \(field)}\n") != nil)
    }
}
