import PromiseCheckYAML

/// Rule messages with `{placeholder}` fields.
enum MessageTemplate {
    /// The placeholder names in `template`, in order.
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = String(after[..<close])
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.append(name) }
            rest = after[after.index(after: close)...]
        }
        return names
    }

    /// Fills placeholders from `values`; one with no value is left out, with its extra space.
    ///
    /// Runs of spaces collapse to one and the message is trimmed of spaces at both ends, except
    /// in a template with an unclosed brace, which stays as written. See ``Compiled``, which
    /// the engine makes once per rule.
    static func render(_ template: String, _ values: MessageVariables) -> String {
        Compiled(template).render(values)
    }

    /// A template split once into its literal text and its placeholders, to be filled for many
    /// findings.
    ///
    /// Works on UTF-8 bytes: `{`, `}` and the space are ASCII, so they never stand inside a
    /// longer character, and a message made of whole literal pieces and whole values, less
    /// some spaces, is well-formed UTF-8 without a check. When spaces collapse, each literal
    /// piece keeps one space of each run (a run inside it collapses the same whatever stands
    /// around it), so only the spaces at its ends are decided as it is written.
    struct Compiled: Sendable {
        /// A literal piece (a range of ``literals``) or a placeholder's name.
        private enum Part: Sendable {
            case literal(Range<Int>)
            case placeholder(String)
        }

        private let literals: [UInt8]
        private let parts: [Part]
        /// False for a template with an unclosed brace, which keeps its spaces as written.
        private let collapsing: Bool
        /// Whether the message has placeholders: without, it is the same for any values.
        let hasPlaceholders: Bool
        private let placeholderCount: Int

        init(_ template: String) {
            let bytes = Array(template.utf8)
            // The template's pieces: ranges of literal text, or placeholder names.
            var pieces: [(range: Range<Int>, name: String?)] = []
            var collapsing = true
            var index = 0
            var pending = 0
            while let open = bytes[index...].firstIndex(of: UInt8(ascii: "{")) {
                guard let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "}")) else {
                    collapsing = false
                    break
                }
                if let name = MessageTemplate.placeholderName(bytes[(open + 1)..<close]) {
                    if pending < open { pieces.append((pending..<open, nil)) }
                    pieces.append((open..<open, name))
                    pending = close + 1
                }
                index = close + 1
            }
            if pending < bytes.count { pieces.append((pending..<bytes.count, nil)) }
            var literals: [UInt8] = []
            literals.reserveCapacity(bytes.count)
            var parts: [Part] = []
            for piece in pieces {
                if let name = piece.name {
                    parts.append(.placeholder(name))
                    continue
                }
                let start = literals.count
                for position in piece.range {
                    let byte = bytes[position]
                    if collapsing, byte == UInt8(ascii: " "), literals.count > start, literals.last == byte { continue }
                    literals.append(byte)
                }
                parts.append(.literal(start..<literals.count))
            }
            self.literals = literals
            self.parts = parts
            self.collapsing = collapsing
            self.hasPlaceholders = pieces.contains { $0.name != nil }
            self.placeholderCount = pieces.count { $0.name != nil }
        }

        /// The message with each placeholder's value from `values` (none where they have none);
        /// each value is asked for once.
        func render(_ values: some MessageValues) -> String {
            withUnsafeTemporaryAllocation(of: String.self, capacity: placeholderCount) { found in
                // Each placeholder's value, in order (empty where it has none); collapsing only
                // drops bytes, so the pieces' lengths bound the message's.
                var capacity = literals.count
                var slot = 0
                for case .placeholder(let name) in parts where slot < found.count {
                    let value = values.value(name) ?? ""
                    capacity += value.utf8.count
                    found.initializeElement(at: slot, to: value)
                    slot += 1
                }
                defer { UnsafeMutableBufferPointer(rebasing: found[..<slot]).deinitialize() }
                return render(UnsafeMutableBufferPointer(rebasing: found[..<slot]), capacity: capacity)
            }
        }

        /// The message with the placeholders' values `found`, in order, in room for `capacity` bytes.
        private func render(_ found: UnsafeMutableBufferPointer<String>, capacity: Int) -> String {
            guard capacity > 0 else { return "" }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                guard let base = buffer.baseAddress else { return "" }
                var message = Message(base: base, collapsing: collapsing)
                var slot = 0
                literals.withUnsafeBufferPointer { literals in
                    for part in parts {
                        switch part {
                        case .literal(let range):
                            message.appendLiteral(UnsafeBufferPointer(rebasing: literals[range]))
                        case .placeholder:
                            guard slot < found.count else { continue }
                            found[slot].withUTF8 { message.append($0) }
                            slot += 1
                        }
                    }
                }
                return String(validUTF8: UnsafeBufferPointer(start: base, count: message.count))
            }
        }
    }

    /// Where a message's placeholders get their values.
    protocol MessageValues {
        /// The value of the placeholder `name`, or nil when it has none.
        func value(_ name: String) -> String?
    }

    /// The name between braces when it is one (letters and `_`, at least one), else nil.
    private static func placeholderName(_ bytes: ArraySlice<UInt8>) -> String? {
        guard !bytes.isEmpty else { return nil }
        let name = String(decoding: bytes, as: UTF8.self)
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        if isASCII {
            let letters = bytes.allSatisfy { ($0 | 0x20) &- 0x61 < 26 || $0 == UInt8(ascii: "_") }
            return letters ? name : nil
        }
        return name.allSatisfy({ $0.isLetter || $0 == "_" }) ? name : nil
    }

    /// A message being written into room for all its bytes; when `collapsing`, runs of spaces
    /// collapse to one, leading spaces are dropped and a trailing one is never written.
    private struct Message {
        let base: UnsafeMutablePointer<UInt8>
        let collapsing: Bool
        var count = 0
        var pendingSpace = false

        init(base: UnsafeMutablePointer<UInt8>, collapsing: Bool) {
            self.base = base
            self.collapsing = collapsing
        }

        /// Appends `bytes`, which may hold runs of spaces.
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard collapsing else { return copy(bytes) }
            var count = self.count
            var pendingSpace = self.pendingSpace
            for byte in bytes {
                if byte == UInt8(ascii: " ") {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    base[count] = UInt8(ascii: " ")
                    count += 1
                    pendingSpace = false
                }
                base[count] = byte
                count += 1
            }
            self.count = count
            self.pendingSpace = pendingSpace
        }

        /// Appends a literal piece, which holds no run of spaces when collapsing: what is
        /// between its first and last bytes is copied as it is; a space at either end is one
        /// of a run that may go on beside it.
        mutating func appendLiteral(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard collapsing else { return copy(bytes) }
            var inner = bytes[...]
            if inner.first == UInt8(ascii: " ") {
                pendingSpace = count > 0
                inner = inner.dropFirst()
            }
            let trailingSpace = inner.last == UInt8(ascii: " ")
            if trailingSpace { inner = inner.dropLast() }
            if !inner.isEmpty {
                if pendingSpace {
                    base[count] = UInt8(ascii: " ")
                    count += 1
                    pendingSpace = false
                }
                copy(UnsafeBufferPointer(rebasing: inner))
            }
            if trailingSpace { pendingSpace = count > 0 }
        }

        private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress else { return }
            (base + count).update(from: source, count: bytes.count)
            count += bytes.count
        }
    }
}

extension MessageVariables: MessageTemplate.MessageValues {
    func value(_ name: String) -> String? { self[name] }
}
