/// The short reason of an outcome, written as UTF-8 bytes.
///
/// Reasons are built for every item a check looks at, so they are appended into one buffer
/// rather than put together by string interpolation, which costs several times as much.
struct ReasonText {
    private var bytes: [UInt8] = []

    init(capacity: Int = 96) { bytes.reserveCapacity(capacity) }

    /// Appends text as it is.
    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends an integer in decimal, most significant digit first (no reversal afterwards).
    mutating func append(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = number.magnitude
        // The power of ten of the first digit; at most 10^19, which `UInt` holds.
        var unit: UInt = 1
        while rest / unit >= 10 { unit &*= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest / unit))
            rest %= unit
            unit /= 10
        } while unit > 0
    }

    /// Appends `: "a", "b"` (nothing for no texts), and `, …` when `more` follow.
    mutating func appendQuoted(_ texts: some Sequence<String>, more: Bool) {
        var first = true
        for text in texts {
            // Byte by byte: an array literal here would be an allocation per text.
            bytes.append(first ? UInt8(ascii: ":") : UInt8(ascii: ","))
            bytes.append(0x20)
            bytes.append(0x22)
            append(text)
            bytes.append(0x22)
            first = false
        }
        if more, !first { append(", …") }
    }

    /// The reason written.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
