/// One part of a promise that a rule's check is evaluated on.
///
/// A rule's `scope` decides the items: the whole document, the sections with given roles
/// (one item), each commitment, or each signatory.
public struct ScopeItem: Sendable {
    public enum Kind: String, Sendable {
        case document
        case section
        case commitment
        case signatory
    }

    public var kind: Kind
    /// Where findings about the item as a whole point.
    public var location: SourceLocation
    public var text: TokenizedText
    /// Values for message placeholders, e.g. `title` of a commitment or `name` of a signatory.
    public var variables: MessageVariables
    public var commitment: Commitment?
    public var signatory: Signatory?
    /// The id of the rule being evaluated, set by the engine (for an external program's request);
    /// messages get it as `{rule}`.
    public var ruleID: String?

    public init(
        kind: Kind, location: SourceLocation, text: TokenizedText, variables: MessageVariables = [:],
        commitment: Commitment? = nil, signatory: Signatory? = nil
    ) {
        self.kind = kind
        self.location = location
        self.text = text
        self.variables = variables
        self.commitment = commitment
        self.signatory = signatory
    }
}
