import Foundation
import PromiseCheck

/// Expands the paths on the command line into the promise files to check.
///
/// A file named on the command line is always checked. In a folder, searched recursively in
/// name order, these are checked: `.yaml`/`.yml` files that have a top-level `promise:` line
/// in their first 64 KiB, published text (`.txt`) and Markdown drafts (`.md`, `.markdown`),
/// except a folder's own documentation (README, CHANGELOG, CONTRIBUTING, LICENSE). Hidden files
/// and folders (`.git`, `.build`) are skipped, and so are symbolic links to folders, so a link
/// loop cannot trap the walk, and pipes and devices, which could block it. A link with a
/// promise file's name that leads nowhere is kept, so the run reports it.
///
/// The walk does not open the YAML files: whether one declares a promise is looked for in the
/// bytes the checker reads anyway (``declaresPromise(path:read:)``), so each file is read once.
struct FileDiscovery {
    static let yamlExtensions = ["yaml", "yml"]
    static let textExtensions = ["txt", "md", "markdown"]
    /// File names (without extension, any case) of documentation that sits beside promises.
    static let documentationNames: Set<String> = ["readme", "changelog", "contributing", "license", "code_of_conduct"]

    struct Result {
        var files: [String] = []
        /// For each of `files`, whether it is checked only when it declares a promise (a YAML
        /// file found in a folder), which is not looked for yet.
        var mustDeclare: [Bool] = []
        var diagnostics: [Diagnostic] = []
        /// The files named on the command line themselves, not found in a folder.
        var named: Set<String> = []
    }

    static func discover(_ paths: [String]) -> Result {
        var result = Result()
        // Where each file is in `result.files`.
        var seen: [String: Int] = [:]
        var dropped: Set<Int> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.diagnostics.append(
                    Diagnostic(.error, "no such file or folder", path: path, code: "input.not-found"))
                continue
            }
            if isDirectory.boolValue {
                var found: [Found] = []
                walk(path, into: &found)
                for file in found where seen[file.path] == nil {
                    seen[file.path] = result.files.count
                    result.files.append(file.path)
                    result.mustDeclare.append(file.mustDeclare)
                }
            } else {
                if let place = seen[path] {
                    // Found in a folder before: kept there when it declares a promise, and
                    // otherwise here, where it is named (it is named, so it is checked).
                    if result.mustDeclare[place] {
                        result.mustDeclare[place] = false
                        if !isPromiseFile(path) {
                            dropped.insert(place)
                            seen[path] = result.files.count
                            result.files.append(path)
                            result.mustDeclare.append(false)
                        }
                    }
                } else {
                    seen[path] = result.files.count
                    result.files.append(path)
                    result.mustDeclare.append(false)
                }
                result.named.insert(path)
            }
        }
        if !dropped.isEmpty {
            let kept = result.files.indices.filter { !dropped.contains($0) }
            result.files = kept.map { result.files[$0] }
            result.mustDeclare = kept.map { result.mustDeclare[$0] }
        }
        return result
    }

    /// A file the walk found, and whether it is kept only when it declares itself a promise.
    private struct Found {
        var path: String
        var mustDeclare: Bool
    }

    private static func walk(_ folder: String, into files: inout [Found]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var entry = stat()
            guard lstat(path, &entry) == 0 else { continue }
            let isLink = entry.st_mode & S_IFMT == S_IFLNK
            var target = entry
            if isLink, stat(path, &target) != 0 {
                // A link that leads nowhere (dangling, or a loop): the reader reports why.
                if hasPromiseName(name) { files.append(Found(path: path, mustDeclare: false)) }
                continue
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR:
                if !isLink { walk(path, into: &files) }
            case S_IFREG:
                let candidacy = candidacy(name: name)
                if candidacy != .no { files.append(Found(path: path, mustDeclare: candidacy == .ifDeclared)) }
            default:
                // Pipes, devices and sockets are no promises, and opening one could block.
                continue
            }
        }
    }

    /// Whether a name is one a promise file has, before looking inside.
    static func hasPromiseName(_ name: String) -> Bool {
        let (stem, pathExtension) = split(name)
        return yamlExtensions.contains(pathExtension)
            || (textExtensions.contains(pathExtension) && !documentationNames.contains(stem))
    }

    /// Whether a file is a promise to check, as far as its name tells.
    enum Candidacy {
        /// Its name is no promise file's.
        case no
        /// Published text or a Markdown draft.
        case yes
        /// A YAML file: a promise when it declares itself one (``isPromiseFile(_:)``).
        case ifDeclared
    }

    static func candidacy(name: String) -> Candidacy {
        guard hasPromiseName(name) else { return .no }
        return yamlExtensions.contains(split(name).pathExtension) ? .ifDeclared : .yes
    }

    /// A name's stem and extension as ``PathNames`` splits them (as `NSString` does), lower-cased.
    ///
    /// A name of ASCII letters, digits, `-` and `_` around one dot (what promise files are
    /// mostly called) is split at the dot here, without making arrays of its bytes; any other
    /// name is left to ``PathNames``. A test compares the two on random names.
    static func split(_ name: String) -> (stem: String, pathExtension: String) {
        if let dot = simpleDot(in: name) {
            return (String(name[..<dot]).lowercased(), String(name[name.utf8.index(after: dot)...]).lowercased())
        }
        return splitByPathNames(name)
    }

    /// ``split(_:)`` by ``PathNames`` alone.
    static func splitByPathNames(_ name: String) -> (stem: String, pathExtension: String) {
        (PathNames.deletingPathExtension(ofName: name).lowercased(), PathNames.pathExtension(of: name).lowercased())
    }

    /// The only dot of a name made of ASCII letters, digits, `-` and `_` on both sides of it.
    private static func simpleDot(in name: String) -> String.Index? {
        var dot: String.Index?
        var index = name.utf8.startIndex
        while index < name.utf8.endIndex {
            let byte = name.utf8[index]
            switch byte {
            case UInt8(ascii: "."):
                guard dot == nil else { return nil }
                dot = index
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                break
            default:
                return nil
            }
            index = name.utf8.index(after: index)
        }
        guard let dot, dot > name.utf8.startIndex, name.utf8.index(after: dot) < name.utf8.endIndex else {
            return nil
        }
        return dot
    }

    /// How many bytes of a YAML file are looked at for its `promise:` key.
    static let declarationWindow = 64 * 1024

    /// Whether a YAML file declares itself a promise (``isPromiseFile(_:)``), from what the
    /// checker read of it: the bytes of a regular file read whole, or nil, when the file is
    /// asked (it is no regular file, or could not be read whole: larger than the checker reads).
    static func declaresPromise(path: String, read bytes: [UInt8]?) -> Bool {
        guard let bytes else { return isPromiseFile(path) }
        return declaresPromise(bytes.count <= declarationWindow ? bytes : Array(bytes[..<declarationWindow]))
    }

    /// Whether a YAML file declares itself a promise with a top-level `promise:` key in its
    /// first ``declarationWindow`` bytes. A file that cannot be opened or read, or is not a
    /// regular file, counts as one, so that the reader says why it cannot be checked; an empty
    /// file is none.
    static func isPromiseFile(_ path: String) -> Bool {
        // Non-blocking: a pipe named on the command line must not hang the run.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return true }
        // Room for the whole file and one byte more (to see its end), up to the window.
        let capacity = Int(min(max(Int64(info.st_size), 0) + 1, Int64(declarationWindow)))
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while count < buffer.count {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read == 0 { return }
                if read < 0 {
                    if errno == EINTR { continue }
                    complete = false
                    return
                }
                count += read
            }
        }
        guard complete else { return true }
        return declaresPromise(bytes)
    }

    /// Whether a line of `bytes` starts with `promise:` (or a byte-order mark and `promise:`),
    /// lines ending where `Character.isNewline` ends them: LF, VT, FF, CR, NEL, U+2028, U+2029.
    ///
    /// The same answer as splitting the UTF-8 text into lines of `Character`s and comparing, on
    /// the bytes: separators and `promise:` are valid UTF-8 wherever they appear, so invalid bytes
    /// around them cannot change where they are.
    static func declaresPromise(_ bytes: [UInt8]) -> Bool {
        var lineStart = 0
        var index = 0
        while index <= bytes.count {
            if index == lineStart, startsPromise(bytes, at: index) { return true }
            guard index < bytes.count else { return false }
            let separator = newlineLength(bytes, at: index)
            if separator > 0 {
                index += separator
                lineStart = index
            } else {
                index += 1
            }
        }
        return false
    }

    private static let promiseKey = Array("promise:".utf8)
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// How many bytes the line separator at `index` has, or 0.
    private static func newlineLength(_ bytes: [UInt8], at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A...0x0D: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return 2
        case 0xE2
        where index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return 3
        default: return 0
        }
    }

    private static func startsPromise(_ bytes: [UInt8], at start: Int) -> Bool {
        var start = start
        if bytes[start...].starts(with: byteOrderMark) { start += byteOrderMark.count }
        guard bytes[start...].starts(with: promiseKey) else { return false }
        // A combining mark after the colon makes one character of them, which is no colon.
        let next = bytes[(start + promiseKey.count)...].prefix(4)
        guard let scalar = String(decoding: next, as: UTF8.self).unicodeScalars.first else { return true }
        var colon = ":"
        colon.unicodeScalars.append(scalar)
        return colon.count == 2
    }
}
