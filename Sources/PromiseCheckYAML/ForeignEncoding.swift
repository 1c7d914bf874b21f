/// Recognises text that is not UTF-8 but UTF-16 or UTF-32, for every reader's message.
package enum ForeignEncoding {
    /// "UTF-16" or "UTF-32" when a byte order mark, or ASCII interleaved with NUL bytes at the
    /// start (the YAML spec's pattern), says so.
    package static func name<Bytes: RandomAccessCollection>(of bytes: Bytes) -> String?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        func byte(_ offset: Int) -> UInt8? {
            offset < bytes.count ? bytes[bytes.startIndex + offset] : nil
        }
        func isASCII(_ byte: UInt8?) -> Bool { byte.map { $0 > 0 && $0 < 0x80 } ?? false }
        let (b0, b1, b2, b3) = (byte(0), byte(1), byte(2), byte(3))
        if b0 == 0x00, b1 == 0x00, b2 == 0xFE, b3 == 0xFF { return "UTF-32" }
        if b0 == 0xFF, b1 == 0xFE, b2 == 0x00, b3 == 0x00 { return "UTF-32" }
        if (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) { return "UTF-16" }
        if b0 == 0x00, b1 == 0x00, b2 == 0x00, isASCII(b3) { return "UTF-32" }
        if isASCII(b0), b1 == 0x00, b2 == 0x00, b3 == 0x00 { return "UTF-32" }
        if b0 == 0x00, isASCII(b1) { return "UTF-16" }
        if isASCII(b0), b1 == 0x00 { return "UTF-16" }
        return nil
    }
}
