internal import CYAML

/// Owns one libyaml event; reused for every event of a parse.
final class LibYAMLEvent {
    let pointer: UnsafeMutablePointer<yaml_event_t>

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: yaml_event_t())
    }

    deinit {
        yaml_event_delete(pointer)
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }

    /// Frees what libyaml allocated for the current event and zeroes it.
    func clear() {
        yaml_event_delete(pointer)
    }

    var type: yaml_event_type_t { pointer.pointee.type }
    var startMark: Mark { Mark(pointer.pointee.start_mark) }
    var endMark: Mark { Mark(pointer.pointee.end_mark) }
}
