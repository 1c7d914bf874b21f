import Foundation
import Testing

@testable import PromiseCheck

/// Paths that are not ordinary files: each gets one diagnostic and never blocks or crashes.
@Suite struct SourceFileTests {
    private func read(_ path: String, maxBytes: Int = 16 << 20) -> (bytes: [UInt8]?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let bytes = SourceFile.bytes(at: path, log: log, maxBytes: maxBytes)
        return (bytes, log.diagnostics)
    }

    @Test func aFileAtTheLimitIsReadAndOneByteOverIsNot() {
        let scratch = ScratchFolder()
        let path = scratch.write("lofte.txt", String(repeating: "a", count: 100))
        #expect(read(path, maxBytes: 100).bytes?.count == 100)
        let over = read(path, maxBytes: 99)
        #expect(over.bytes == nil)
        #expect(over.diagnostics.map(\.code) == ["input.too-large"])
        #expect(over.diagnostics.map(\.location) == [pos(1, 1)])
    }

    @Test func aSparseHundredMegabyteFileIsRefusedBySizeUnread() throws {
        let scratch = ScratchFolder()
        let path = scratch.write("stor.yaml", "promise: 1\n")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100 << 20)
        try handle.close()
        let before = Self.bytesReadByThisProcess()
        let result = read(path)
        #expect(result.bytes == nil)
        #expect(result.diagnostics.map(\.message) == ["file is larger than the 16.0 MB limit"])
        if let before, let after = Self.bytesReadByThisProcess() {
            // Other tests read small files at the same time; reading up to the limit would be 16 MB.
            #expect(after - before < 4 << 20, "read \(after - before) bytes")
        }
    }

    @Test func aNamedPipeWithoutAWriterIsEmptyNotAHang() throws {
        let scratch = ScratchFolder()
        let path = scratch.path("ror.yaml")
        try #require(mkfifo(path, 0o644) == 0)
        let result = read(path)
        #expect(result.bytes == [])
        #expect(result.diagnostics.isEmpty)
        let promise = PromiseFileReader().read(path: path)
        #expect(promise.diagnostics.map(\.code) == ["yaml.empty"])
    }

    #if os(Linux)
        @Test func aPipeWithAWriterIsReadToTheEnd() throws {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]) }
            let text = Array("promise: 1\narea: Ekby\n".utf8)
            #expect(write(ends[1], text, text.count) == text.count)
            close(ends[1])
            #expect(read("/proc/self/fd/\(ends[0])").bytes == text)
        }

        /// A pipe has no size, so its buffer grows while it is read: several times here.
        @Test func aPipeLongerThanTheFirstBufferIsReadWhole() throws {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]) }
            let text = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
            let writer = ends[1]
            let thread = Thread {
                var written = 0
                text.withUnsafeBytes { buffer in
                    while written < buffer.count {
                        let count = write(writer, buffer.baseAddress! + written, buffer.count - written)
                        if count <= 0 { break }
                        written += count
                    }
                }
                close(writer)
            }
            thread.start()
            #expect(read("/proc/self/fd/\(ends[0])").bytes == text)
        }

        @Test func aPipeOverTheLimitIsRefused() throws {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]) }
            let text = [UInt8](repeating: UInt8(ascii: "a"), count: 150)
            #expect(write(ends[1], text, text.count) == text.count)
            close(ends[1])
            let result = read("/proc/self/fd/\(ends[0])", maxBytes: 100)
            #expect(result.bytes == nil)
            #expect(result.diagnostics.map(\.code) == ["input.too-large"])
        }
    #endif

    @Test func aFolderIsNotAFile() {
        let scratch = ScratchFolder()
        scratch.makeFolder("x.yaml")
        let result = read(scratch.path("x.yaml"))
        #expect(result.bytes == nil)
        #expect(result.diagnostics.map(\.message) == ["is a folder, not a file"])
        #expect(result.diagnostics.map(\.code) == ["input.is-folder"])
    }

    @Test func aSymbolicLinkLoopIsReported() throws {
        let scratch = ScratchFolder()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("a.yaml"), withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("b.yaml"), withDestinationPath: "a.yaml")
        let result = read(scratch.path("a.yaml"))
        #expect(result.bytes == nil)
        #expect(result.diagnostics.map(\.message) == ["cannot be read: symbolic link loop"])
        #expect(result.diagnostics.map(\.code) == ["input.unreadable"])
    }

    @Test func aDeviceIsRefused() {
        let result = read("/dev/zero")
        #expect(result.bytes == nil)
        #expect(result.diagnostics.map(\.message) == ["is not a file (a device or a socket)"])
    }

    @Test func aMissingFile() {
        let result = read("/finns/inte.yaml")
        #expect(result.diagnostics.map(\.code) == ["input.not-found"])
    }

    /// Permissions do not stop root, so this runs only for other users; the pipe and the folder
    /// above stand for unreadable files when the tests run as root.
    @Test(.enabled(if: geteuid() != 0, "root can read a file without permissions"))
    func aFileWithoutReadPermission() throws {
        let scratch = ScratchFolder()
        let path = scratch.write("hemlig.yaml", "promise: 1\n")
        try #require(chmod(path, 0) == 0)
        let result = read(path)
        #expect(result.bytes == nil)
        #expect(result.diagnostics.map(\.message) == ["cannot be read (permission denied)"])
    }

    /// The bytes this process has read so far (Linux's `/proc/self/io`), or nil where unknown.
    static func bytesReadByThisProcess() -> Int? {
        guard let data = FileManager.default.contents(atPath: "/proc/self/io") else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("rchar:") }
        return line.flatMap { Int($0.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces)) }
    }
}
