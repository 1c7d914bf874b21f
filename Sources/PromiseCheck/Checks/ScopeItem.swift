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

    /// What the item holds but the rule's id.
    private struct Parts: Sendable {
        var kind: Kind
        var location: SourceLocation
        var text: TokenizedText
        var variables: MessageVariables
        var commitment: Commitment?
        var signatory: Signatory?
    }

    /// The parts in one object that copies of the item share: the engine hands each item to
    /// every rule of its scope, and a copy then retains one object, not each of the text's
    /// arrays and the commitment's or signatory's spans. Never changed: setting a part puts
    /// the parts in a new box.
    private final class Box: Sendable {
        let parts: Parts

        init(_ parts: Parts) {
            self.parts = parts
        }
    }

    private var box: Box

    public var kind: Kind {
        get { box.parts.kind }
        set { change { $0.kind = newValue } }
    }
    /// Where findings about the item as a whole point.
    public var location: SourceLocation {
        get { box.parts.location }
        set { change { $0.location = newValue } }
    }
    public var text: TokenizedText {
        get { box.parts.text }
        set { change { $0.text = newValue } }
    }
    /// Values for message placeholders, e.g. `title` of a commitment or `name` of a signatory.
    public var variables: MessageVariables {
        get { box.parts.variables }
        set { change { $0.variables = newValue } }
    }
    public var commitment: Commitment? {
        get { box.parts.commitment }
        set { change { $0.commitment = newValue } }
    }
    public var signatory: Signatory? {
        get { box.parts.signatory }
        set { change { $0.signatory = newValue } }
    }
    /// The id of the rule being evaluated, set by the engine (for an external program's request);
    /// messages get it as `{rule}`. Kept beside the box, as the engine sets it on a copy.
    public var ruleID: String?

    public init(
        kind: Kind, location: SourceLocation, text: TokenizedText, variables: MessageVariables = [:],
        commitment: Commitment? = nil, signatory: Signatory? = nil
    ) {
        box = Box(
            Parts(
                kind: kind, location: location, text: text, variables: variables, commitment: commitment,
                signatory: signatory))
    }

    /// Puts the parts, changed by `update`, in a new box (the old one may be shared).
    private mutating func change(_ update: (inout Parts) -> Void) {
        var parts = box.parts
        update(&parts)
        box = Box(parts)
    }
}
