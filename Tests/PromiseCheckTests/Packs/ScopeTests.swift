import Testing

@testable import PromiseCheck

@Suite struct ScopeTests {
    @Test(arguments: [
        ("document", Scope.document), ("commitments", .commitments), ("signatories", .signatories),
        ("section:situation", .sections(["situation"])),
        ("section:situation, follow_up", .sections(["situation", "follow_up"])),
    ])
    func scopesParse(text: String, scope: Scope) {
        #expect(Scope(text) == scope)
    }

    @Test(arguments: ["", "Document", "section:", "section:a,,b", "section: ,a", "sections:a", "commitment"])
    func badScopes(text: String) {
        #expect(Scope(text) == nil)
    }

    @Test func scopeDescriptionRoundTrips() {
        #expect(Scope.sections(["situation", "follow_up"]).description == "section:situation,follow_up")
        #expect(Scope.commitments.description == "commitments")
        #expect(Scope("section:situation, follow_up")?.description == "section:situation,follow_up")
    }

    @Test func placeholdersEachScopeProvides() {
        #expect(Scope.document.variables == ["area"])
        #expect(Scope.sections(["x"]).variables == ["area", "section"])
        #expect(Scope.commitments.variables == ["area", "title"])
        #expect(Scope.signatories.variables == ["area", "name", "role", "party"])
    }

    @Test func requirements() {
        #expect(Requirement("all") == .all)
        #expect(Requirement("any") == .atLeast(1))
        #expect(Requirement("3") == .atLeast(3))
        #expect(Requirement("0") == nil)
        #expect(Requirement("alla") == nil)
        #expect([Requirement.all, .atLeast(1), .atLeast(2)].map(\.description) == ["all", "any", "2"])
    }
}
