extension String {
    /// A string of bytes already known to be well-formed UTF-8, made without checking them again.
    ///
    /// `String(decoding:as:)` validates (and repairs) every byte, which for the scalars of a
    /// file validated before parsing is a second pass over the text. Only for bytes whose
    /// validity follows from where they come from: libyaml's scalar values (it rejects ill-formed
    /// input and escapes that are not Unicode scalars) or slices of a validated text cut at
    /// ASCII bytes. Whether the bytes are all ASCII is worked out here, so the string's
    /// ASCII fast paths stay as they are for decoded strings.
    package init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let isASCII = UTF8Validation.isASCII(bytes)
        self = String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
    }
}

extension UTF8Validation {
    /// Whether every byte is below 0x80; eight bytes at a time.
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
