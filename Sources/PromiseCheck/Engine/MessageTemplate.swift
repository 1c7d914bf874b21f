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
    /// in a template with an unclosed brace, which stays as written. Works on UTF-8 bytes in
    /// one pass: `{`, `}` and the space are ASCII, so they never stand inside a longer character.
    static func render(_ template: String, _ values: MessageVariables) -> String {
        var template = template
        return template.withUTF8 { bytes in
            // A template with an unclosed brace stays as written, spaces and all, so it is
            // filled again without collapsing them.
            fill(bytes, values, collapsing: true) ?? fill(bytes, values, collapsing: false) ?? ""
        }
    }

    /// The filled message, or nil when collapsing and the template has an unclosed brace.
    private static func fill(_ bytes: UnsafeBufferPointer<UInt8>, _ values: MessageVariables, collapsing: Bool)
        -> String?
    {
        var message = Message(capacity: bytes.count + 64, collapsing: collapsing)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else {
                message.append(bytes[index])
                index += 1
                continue
            }
            guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")) else {
                guard !collapsing else { return nil }
                message.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
                return message.text
            }
            if let name = placeholderName(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close])) {
                if var value = values[name] { value.withUTF8 { message.append(contentsOf: $0) } }
            } else {
                message.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...close]))
            }
            index = close + 1
        }
        return message.text
    }

    /// The name between braces when it is one (letters and `_`, at least one), else nil.
    private static func placeholderName(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.isEmpty else { return nil }
        let name = String(decoding: bytes, as: UTF8.self)
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        if isASCII {
            let letters = bytes.allSatisfy { ($0 | 0x20) &- 0x61 < 26 || $0 == UInt8(ascii: "_") }
            return letters ? name : nil
        }
        return name.allSatisfy({ $0.isLetter || $0 == "_" }) ? name : nil
    }

    /// A message being written; when `collapsing`, runs of spaces collapse to one, leading
    /// spaces are dropped and a trailing one is never written.
    private struct Message {
        var bytes: [UInt8] = []
        var pendingSpace = false
        let collapsing: Bool

        init(capacity: Int, collapsing: Bool) {
            bytes.reserveCapacity(capacity)
            self.collapsing = collapsing
        }

        mutating func append(_ byte: UInt8) {
            if byte == UInt8(ascii: " "), collapsing {
                pendingSpace = !bytes.isEmpty
                return
            }
            if pendingSpace { bytes.append(UInt8(ascii: " ")) }
            pendingSpace = false
            bytes.append(byte)
        }

        mutating func append(contentsOf other: UnsafeBufferPointer<UInt8>) {
            for byte in other { append(byte) }
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }
}
