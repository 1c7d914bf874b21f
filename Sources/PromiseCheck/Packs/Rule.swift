import PromiseCheckYAML

/// One quality criterion from a pack, with its compiled check.
public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var category: String
    public var severity: Severity
    public var weight: Double
    public var scope: Scope
    public var requirement: Requirement
    /// The check kind's name, as written in `check:`.
    public var checkKind: String
    public var check: any Check {
        // A check set after loading was not built from the source recorded.
        didSet { checkSource = nil }
    }
    /// The finding message; `{placeholders}` are filled from the scope item and the outcome.
    public var message: String
    /// The message when a multi-item scope has no items at all (no commitments, no signatories).
    public var missingMessage: String?
    public var hint: String?
    public var link: String?
    /// Why the rule exists: its documentation.
    public var rationale: String?
    public var examples: [RuleExample]
    public var isEnabled: Bool
    /// The pack file and place the rule was defined (or last overridden).
    public var file: String
    public var location: SourceLocation
    /// Where `check` was written, when the loader knows: rules with equal sources have the same
    /// check (see ``CheckSource``).
    var checkSource: CheckSource? = nil
}

/// Where a rule's check was written: its kind and each `with:` parameter's key and value, by
/// the pack file and place of each.
///
/// Two rules of one loaded pack with equal sources were built from the same nodes, and so have
/// the same check: a YAML alias (`with: *shared`) gives the anchored mapping, whose entries
/// keep their own places, while a `with:` written out again, or overridden in a pack that
/// extends this one, has entries at other places. Packs loaded apart and then combined
/// (``RulePack/combining(_:)``) keep this: two rules with equal sources were both written in
/// one file, so every pack that holds one holds the other, and both come from the last such
/// pack, with its lexicons. A check without parameters has no source.
struct CheckSource: Hashable, Sendable {
    struct Parameter: Hashable, Sendable {
        var file: String
        var key: SourceLocation
        var value: SourceLocation
    }

    var kind: String
    var parameters: [Parameter]

    /// The source of a check of `kind` with `parameters` in order, each with its file; nil
    /// without parameters.
    init?(kind: String, parameters: [(pair: Node.Pair, file: String)]) {
        guard !parameters.isEmpty else { return nil }
        self.kind = kind
        self.parameters = parameters.map { pair, file in
            Parameter(file: file, key: SourceLocation(pair.key.mark), value: SourceLocation(pair.value.mark))
        }
    }
}

/// A text or promise fragment a rule must pass or fail; the rule's documentation and its test.
public struct RuleExample: Sendable {
    public enum Expectation: String, Sendable {
        case pass
        case fail
    }

    public enum Content: Sendable {
        /// Text placed in the rule's scope: a paragraph, a section's text, a commitment.
        case text(String)
        /// A fragment of a promise file, read like one.
        case promise(Node)
    }

    public var expectation: Expectation
    public var content: Content
    public var file: String
    public var location: SourceLocation
}

/// A grade band: scores at or above `minimum` get `name`, unless a higher band applies.
public struct Grade: Sendable, Hashable {
    public var name: String
    public var minimum: Double
}

/// A named group of rules with its own score.
public struct RuleCategory: Sendable, Hashable {
    public var key: String
    public var title: String
}

/// Heading patterns that give a section of published text its role.
public struct SectionPatterns: Sendable {
    public var role: String
    /// Regular expressions matched case-insensitively against a whole heading.
    public var patterns: [PackPattern]
}
