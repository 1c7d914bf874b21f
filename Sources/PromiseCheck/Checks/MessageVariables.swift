/// Values for a rule message's `{placeholders}`: a few names, each with its text.
///
/// A message has two to eight of them, set and merged for every item and hit a check looks at,
/// so they are kept as a short list searched by name rather than hashed: one allocation, no
/// hashing. Names are unique; equality and hashing ignore the order they were set in, as a
/// dictionary's do.
public struct MessageVariables: Sendable, Hashable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One name and its value.
    struct Pair: Sendable, Hashable {
        var name: String
        var value: String
    }

    private var pairs: [Pair]

    public init() { pairs = [] }

    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = []
        // Room for a few more, which checks and the engine often add, in the same allocation.
        pairs.reserveCapacity(elements.count + 3)
        for (name, value) in elements { self[name] = value }
    }

    /// The values of a dictionary.
    public init(_ dictionary: [String: String]) {
        pairs = dictionary.map { Pair(name: $0.key, value: $0.value) }
    }

    /// The value of `name`; setting nil removes it.
    public subscript(name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            let index = pairs.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): pairs[index].value = value
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let value?): pairs.append(Pair(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Sets `name` to `value` unless it has a value: `self[name] = self[name] ?? value`, with
    /// one search; `value` is only worked out when it is set.
    mutating func setIfAbsent(_ name: String, _ value: @autoclosure () -> String) {
        guard !pairs.contains(where: { $0.name == name }) else { return }
        pairs.append(Pair(name: name, value: value()))
    }

    /// Makes room for `count` values in all.
    mutating func reserveCapacity(_ count: Int) { pairs.reserveCapacity(count) }

    public var isEmpty: Bool { pairs.isEmpty }
    public var count: Int { pairs.count }

    /// The names and values as a dictionary.
    public var dictionary: [String: String] {
        Dictionary(pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Adds the values of `other`; where both have a name, `other`'s value wins when
    /// `replacing`, otherwise this one's stays.
    public mutating func merge(_ other: MessageVariables, replacing: Bool) {
        guard !other.pairs.isEmpty else { return }
        guard !pairs.isEmpty else {
            pairs = other.pairs
            return
        }
        // Keeping this one's values changes nothing unless a name is new, so room (and with it
        // a copy of shared pairs) is only made for the first new name.
        var reserved = replacing
        if replacing { pairs.reserveCapacity(pairs.count + other.pairs.count) }
        for pair in other.pairs {
            if let index = pairs.firstIndex(where: { $0.name == pair.name }) {
                if replacing { pairs[index].value = pair.value }
            } else {
                if !reserved {
                    pairs.reserveCapacity(pairs.count + other.pairs.count)
                    reserved = true
                }
                pairs.append(pair)
            }
        }
    }

    /// These values with `other`'s added; see ``merge(_:replacing:)``.
    public func merging(_ other: MessageVariables, replacing: Bool) -> MessageVariables {
        var merged = self
        merged.merge(other, replacing: replacing)
        return merged
    }

    public static func == (lhs: MessageVariables, rhs: MessageVariables) -> Bool {
        lhs.pairs.count == rhs.pairs.count && lhs.pairs.allSatisfy { rhs[$0.name] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: the pairs' own hashes combined commutatively.
        hasher.combine(pairs.count)
        hasher.combine(pairs.reduce(0) { $0 &+ $1.hashValue })
    }

    public var description: String { dictionary.description }
}
