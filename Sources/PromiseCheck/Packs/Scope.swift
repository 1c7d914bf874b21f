import Foundation

/// Which parts of a promise a rule's check is evaluated on.
public enum Scope: Sendable, Hashable, CustomStringConvertible {
    /// The whole promise as one item.
    case document
    /// The sections with any of these roles, together as one item.
    case sections([String])
    /// Each commitment.
    case commitments
    /// Each signatory.
    case signatories

    /// Parses `document`, `section:ROLE[,ROLE…]`, `commitments` or `signatories`.
    public init?(_ text: String) {
        switch text {
        case "document": self = .document
        case "commitments": self = .commitments
        case "signatories": self = .signatories
        default:
            guard text.hasPrefix("section:") else { return nil }
            let roles = text.dropFirst("section:".count).split(separator: ",", omittingEmptySubsequences: false).map {
                String($0.trimmingCharacters(in: .whitespaces))
            }
            guard !roles.isEmpty, !roles.contains(where: \.isEmpty) else { return nil }
            self = .sections(roles)
        }
    }

    public var description: String {
        switch self {
        case .document: "document"
        case .sections(let roles): "section:" + roles.joined(separator: ",")
        case .commitments: "commitments"
        case .signatories: "signatories"
        }
    }

    /// The placeholders every item of this scope provides to messages.
    var variables: [String] {
        switch self {
        case .document: ["area"]
        case .sections: ["area", "section"]
        case .commitments: ["area", "title"]
        case .signatories: ["area", "name", "role", "party"]
        }
    }
}

/// How many items of a multi-item scope must pass, and so how the rule's fraction is computed.
public enum Requirement: Sendable, Hashable, CustomStringConvertible {
    /// Every item: the fraction is the mean of the items' fractions.
    case all
    /// At least this many items pass: the fraction is passing items / count, at most 1.
    case atLeast(Int)

    /// Parses `all`, `any` (at least one) or a whole number.
    public init?(_ text: String) {
        switch text {
        case "all": self = .all
        case "any": self = .atLeast(1)
        default:
            guard let count = Int(text), count >= 1 else { return nil }
            self = .atLeast(count)
        }
    }

    public var description: String {
        switch self {
        case .all: "all"
        case .atLeast(1): "any"
        case .atLeast(let count): String(count)
        }
    }
}
