internal import CYAML

/// Owns a libyaml parser that reads a borrowed UTF-8 buffer.
///
/// libyaml keeps pointers into the buffer (and into the parser itself, so it lives on the heap):
/// the buffer must outlive this object.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>

    /// Returns nil when libyaml cannot allocate its buffers.
    init?(input: UnsafeBufferPointer<UInt8>) {
        guard let base = input.baseAddress else { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deinitialize(count: 1)
            parser.deallocate()
            return nil
        }
        yaml_parser_set_input_string(parser, base, input.count)
        self.parser = parser
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// Parses the next event into `event`; false on error (see the error properties).
    func parse(into event: LibYAMLEvent) -> Bool {
        yaml_parser_parse(parser, event.pointer) == 1
    }

    var errorType: yaml_error_type_t { parser.pointee.error }
    var problem: String? { parser.pointee.problem.map { String(cString: $0) } }
    var context: String? { parser.pointee.context.map { String(cString: $0) } }
    var problemMark: Mark { Mark(parser.pointee.problem_mark) }
    var contextMark: Mark { Mark(parser.pointee.context_mark) }
    /// For reader errors: the byte offset of the bad character.
    var problemOffset: Int { Int(clamping: parser.pointee.problem_offset) }
    /// For reader errors: the bad character, or -1.
    var problemValue: Int { Int(parser.pointee.problem_value) }
}
