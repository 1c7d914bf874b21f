/// The check kinds a pack may name, by name.
public struct CheckRegistry: Sendable {
    private var types: [String: any Check.Type] = [:]

    /// An empty registry; see ``builtIn`` for the kinds that ship with PromiseCheck.
    public init() {}

    /// Adds a kind, replacing any kind of the same name.
    public mutating func register(_ type: any Check.Type) {
        types[type.kind.name] = type
    }

    public func type(named name: String) -> (any Check.Type)? { types[name] }

    /// The registered kind names, sorted.
    public var names: [String] { types.keys.sorted() }

    /// Every kind in name order.
    public var kinds: [CheckKind] { names.compactMap { types[$0]?.kind } }

    /// The kinds built into PromiseCheck.
    public static let builtIn: CheckRegistry = {
        var registry = CheckRegistry()
        for type in builtInTypes { registry.register(type) }
        return registry
    }()

    static let builtInTypes: [any Check.Type] = [
        PresentCheck.self,
        PatternCheck.self,
        LexiconCheck.self,
        QuantityCheck.self,
        FrequencyCheck.self,
        PeriodCheck.self,
        SignatoriesCheck.self,
        SourcesCheck.self,
        ReadabilityCheck.self,
        AllCheck.self,
        AnyCheck.self,
        NotCheck.self,
        ExecCheck.self,
    ]
}
