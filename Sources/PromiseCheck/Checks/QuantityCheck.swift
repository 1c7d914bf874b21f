// Placeholder while the real implementation is written; replaced before the first commit.
public struct QuantityCheck: Check {
    public static let kind = CheckKind(name: "quantity", summary: "", parameters: [])
    public init(parameters: CheckParameters) throws(CheckConfigurationError) {}
    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        CheckOutcome(fraction: 0, reason: "")
    }
}
