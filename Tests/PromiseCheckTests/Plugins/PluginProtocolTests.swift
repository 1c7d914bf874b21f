import Foundation
import Testing

@testable import PromiseCheck

@Suite struct PluginProtocolTests {
    func answer(_ json: String) -> Result<PluginProtocol.Answer, PluginProtocol.MalformedAnswer> {
        PluginProtocol.answer(from: Data(json.utf8))
    }

    @Test func aFullAnswer() throws {
        let result = try answer(
            #"{"protocol": 1, "findings": [{"message": "okänd plats", "line": 4, "column": 7, "excerpt": "Bergby"}], "fraction": 0.5, "reason": "1 av 2"}"#
        ).get()
        #expect(
            result.findings == [.init(message: "okänd plats", location: .init(line: 4, column: 7), excerpt: "Bergby")])
        #expect(result.fraction == 0.5)
        #expect(result.reason == "1 av 2")
    }

    @Test func fractionDefaultsFromTheFindings() throws {
        #expect(try answer(#"{"protocol": 1}"#).get().fraction == 1)
        #expect(try answer(#"{"protocol": 1, "findings": [{"message": "x"}]}"#).get().fraction == 0)
        #expect(
            try answer(#"{"protocol": 1, "findings": [{"message": "x", "line": 3}]}"#).get().findings[0].location
                == .init(line: 3, column: 1))
    }

    @Test(arguments: [
        ("", "wrote nothing on standard output"),
        ("not json", "did not write one JSON object on standard output"),
        ("[1, 2]", "did not write one JSON object on standard output"),
        (#"{"findings": []}"#, #"answer has no "protocol" number"#),
        (#"{"protocol": 2}"#, "answer uses protocol 2; this PromiseCheck speaks 1"),
        (#"{"protocol": 1, "score": 3}"#, #"answer has an unknown key "score""#),
        (#"{"protocol": 1, "findings": {}}"#, #""findings" must be a list"#),
        (#"{"protocol": 1, "findings": [{"line": 2}]}"#, #"finding 1 needs a non-empty "message" string"#),
        (#"{"protocol": 1, "findings": [{"message": "x", "line": 0}]}"#, #"finding 1 has no valid "line" (1 or more)"#),
        (
            #"{"protocol": 1, "findings": [{"message": "x", "line": 1, "column": 0}]}"#,
            #"finding 1 has a "column" below 1"#
        ),
        (#"{"protocol": 1, "fraction": 1.5}"#, #""fraction" must be a number from 0 to 1"#),
        (#"{"protocol": 1, "fraction": true}"#, #""fraction" must be a number from 0 to 1"#),
    ])
    func malformedAnswers(json: String, message: String) {
        guard case .failure(let error) = answer(json) else {
            Issue.record("accepted \(json)")
            return
        }
        #expect(error.description == message)
    }

    @Test func theRequestCarriesThePromiseWithLocations() throws {
        var document = Document(path: "lofte.yaml", format: .yaml)
        document.area = Span("Ekby", at: .init(line: 3, column: 7))
        document.sections = [
            Section(
                role: "situation", blocks: [Span("Brottsstatistik 2024.", at: .init(line: 6, column: 3))],
                location: .init(line: 5, column: 1))
        ]
        let item = ScopeItem.lines(["Polisen patrullerar i Norra Berga."])
        let data = PluginProtocol.request(
            ruleID: "known_places", options: .object(["districts": .string("d.txt")]), document: document, item: item)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["protocol"] as? Int == 1)
        let rule = try #require(object["rule"] as? [String: Any])
        #expect(rule["id"] as? String == "known_places")
        #expect((rule["options"] as? [String: Any])?["districts"] as? String == "d.txt")
        let promise = try #require(object["promise"] as? [String: Any])
        #expect((promise["area"] as? [String: Any])?["line"] as? Int == 3)
        let section = try #require((promise["sections"] as? [[String: Any]])?.first)
        #expect(section["role"] as? String == "situation")
        #expect(((section["blocks"] as? [[String: Any]])?.first)?["column"] as? Int == 3)
        let texts = try #require((object["item"] as? [String: Any])?["texts"] as? [[String: Any]])
        #expect(texts.first?["text"] as? String == "Polisen patrullerar i Norra Berga.")
    }
}

@Suite struct PluginProcessTests {
    func script(_ body: String) throws -> (folder: String, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plugin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("plugin.sh").path
        try ("#!/bin/sh\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return (folder.path, path)
    }

    @Test func runsWithoutAShellInItsFolderWithAMinimalEnvironment() throws {
        let (folder, path) = try script(
            #"cat >/dev/null; printf '%s|%s|%s|%s' "$(pwd)" "$LANG" "${SECRET:-unset}" "$1""#)
        setenv("SECRET", "do-not-pass", 1)
        // A generous limit: this is about what the program gets, not about speed on a busy machine.
        let process = PluginProcess(arguments: [path, "a b; rm -rf /"], workingDirectory: folder, timeout: 60)
        let output = try process.run(input: Data("{}".utf8)).get()
        let resolvedFolder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        let parts = String(decoding: output, as: UTF8.self).split(separator: "|").map(String.init)
        #expect(URL(fileURLWithPath: parts[0]).resolvingSymlinksInPath().path == resolvedFolder)
        #expect(parts[1] == "C.UTF-8")
        #expect(parts[2] == "unset")
        #expect(parts[3] == "a b; rm -rf /")  // one argument, never interpreted by a shell
    }

    @Test func aProgramPastItsTimeLimitIsStopped() throws {
        let (folder, path) = try script("sleep 30\n")
        let started = Date()
        let result = PluginProcess(arguments: [path], workingDirectory: folder, timeout: 0.5).run(input: Data())
        #expect(result == .failure(.timedOut(0.5)))
        #expect(Date().timeIntervalSince(started) < 20)
    }

    /// Whether process `pid` has ended (gone, or a zombie no one has reaped yet), waiting up to
    /// five seconds for it.
    func ends(_ pid: String) -> Bool {
        for _ in 0..<50 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            // The state follows the command name in parentheses: "PID (NAME) STATE …".
            if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "Z" { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    @Test(
        "at the time limit, processes the program started are stopped with it",
        arguments: [
            // Still running at the limit, with a child that holds its output open.
            "sleep 30 & echo $! > child.pid; sleep 30\n",
            // Ended at once, but its child holds the output open past the limit.
            "sleep 30 & echo $! > child.pid; exit 0\n",
        ])
    func childrenAreStoppedToo(_ body: String) throws {
        let (folder, path) = try script(body)
        let result = PluginProcess(arguments: [path], workingDirectory: folder, timeout: 0.5).run(input: Data())
        #expect(result == .failure(.timedOut(0.5)))
        let child = try String(contentsOfFile: folder + "/child.pid", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!child.isEmpty)
        #expect(ends(child), "process \(child), started by the plugin, is still running")
    }

    @Test func tooMuchOutputIsAnError() throws {
        let (folder, path) = try script("head -c 300000 /dev/zero\n")
        let result = PluginProcess(arguments: [path], workingDirectory: folder, maxOutputBytes: 100_000).run(
            input: Data())
        #expect(result == .failure(.outputTooLarge(100_000)))
    }

    @Test func aNonZeroExitSaysSoWithStandardError() throws {
        let (folder, path) = try script("echo 'kunde inte läsa listan' >&2; exit 3\n")
        let result = PluginProcess(arguments: [path], workingDirectory: folder).run(input: Data())
        #expect(result == .failure(.exited(3, stderr: "kunde inte läsa listan")))
    }

    @Test func aMissingProgramIsNotFound() {
        let result = PluginProcess(arguments: ["no-such-program-xyz"], workingDirectory: "/").run(input: Data())
        #expect(result == .failure(.notFound("no-such-program-xyz")))
    }

    @Test func aProgramThatIgnoresItsInputDoesNotBlock() throws {
        let (folder, path) = try script("printf '{\"protocol\": 1}'\n")
        let big = Data(repeating: 0x61, count: 4 << 20)
        // A generous limit: this is about not blocking, not about speed on a busy machine.
        let result = PluginProcess(arguments: [path], workingDirectory: folder, timeout: 60).run(input: big)
        #expect((try? result.get()).map { String(decoding: $0, as: UTF8.self) } == "{\"protocol\": 1}")
    }
}
