import Foundation
import Testing

/// `check: exec` rules: run only with the user's permission, and a failing program is a
/// located error that leaves the rest of the run intact.
@Suite("plugins")
struct PluginCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let webAddressPack = repository.appendingPathComponent("examples/plugins/web-address").path
    static let placesPack = repository.appendingPathComponent("examples/plugins/places").path

    static let promise = """
        promise: 1
        area: Ekby
        follow_up:
          text: Vi redovisar resultaten på kommunens hemsida varje tertial.

        """

    /// A folder with a promise, and an empty home so the user's own configuration is absent.
    func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("ekby.yaml", Self.promise)
        _ = try folder.write("home/.keep", "")
        return folder
    }

    func environment(_ folder: TemporaryFolder) -> [String: String] {
        ["HOME": folder.path + "/home", "XDG_CONFIG_HOME": folder.path + "/home/.config"]
    }

    @Test("without permission a plugin rule is skipped, says why, and is left out of the score")
    func skippedWithoutPermission() throws {
        let folder = try folder()
        let run = runPromiseCheck(
            ["check", "--pack", Self.webAddressPack, "--format", "json", "ekby.yaml"], cwd: folder.path,
            environment: environment(folder))
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        let rule = try #require((file["rules"] as? [[String: Any]])?.first)
        #expect(
            rule["skipped"] as? String
                == "runs an external program (check-web-address.sh); not allowed without --allow-exec")
        #expect((rule["findings"] as? [Any])?.isEmpty == true)
        #expect(file["score"] as? Double == 100)
        let text = runPromiseCheck(
            ["check", "--pack", Self.webAddressPack, "ekby.yaml"], cwd: folder.path, environment: environment(folder))
        #expect(
            text.stdout.contains(
                "note: rule 'follow_up_web_address' skipped: runs an external program (check-web-address.sh); not allowed without --allow-exec"
            ))
    }

    @Test("--allow-exec runs the program and reports its findings at their place")
    func allowedByFlag() throws {
        let folder = try folder()
        let run = runPromiseCheck(
            ["check", "--allow-exec", "--pack", Self.webAddressPack, "ekby.yaml"], cwd: folder.path,
            environment: environment(folder))
        #expect(run.status == 0, "\(run.stderr)")
        // A section's finding points at the section.
        #expect(
            run.stdout.contains(
                "ekby.yaml:3:1: info: uppföljningen anger ingen webbadress där invånarna kan läsa om resultaten [follow_up_web_address]"
            ))
    }

    @Test("the user's own configuration may allow it; the repository's may not")
    func configurationPermission() throws {
        let folder = try folder()
        _ = try folder.write(".promisecheck.yaml", "version: 1\nallow_exec: true\n")
        let repository = runPromiseCheck(
            ["check", "--pack", Self.webAddressPack, "ekby.yaml"], cwd: folder.path, environment: environment(folder))
        #expect(repository.stdout.contains("skipped: runs an external program"))
        #expect(
            repository.stderr.contains("'allow_exec' is ignored here")
                || repository.stdout.contains("'allow_exec' is ignored here"))
        _ = try folder.write("home/.config/promisecheck/config.yaml", "allow_exec: true\n")
        let user = runPromiseCheck(
            ["check", "--pack", Self.webAddressPack, "ekby.yaml"], cwd: folder.path, environment: environment(folder))
        #expect(user.stdout.contains("[follow_up_web_address]"))
        #expect(!user.stdout.contains("skipped"))
    }

    @Test("a failing program is an error located at its rule; other rules and files are still checked")
    func failingProgram() throws {
        let folder = try folder()
        _ = try folder.write("other.yaml", Self.promise)
        _ = try folder.write(
            "pack/pack.yaml",
            """
            pack: trasig
            version: 1.0.0
            title: Trasig
            categories: {a: A}
            rules:
              - id: broken
                title: Ett program som inte svarar
                category: a
                severity: warning
                weight: 1
                check: exec
                with: {command: [./broken.sh], timeout: 2}
                message: "{message}"
              - id: has_area
                title: Området anges
                category: a
                severity: error
                weight: 1
                check: present
                with: {field: area}
                message: området saknas

            """)
        let script = try folder.write("pack/broken.sh", "#!/bin/sh\necho 'not json'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let run = runPromiseCheck(
            ["check", "--allow-exec", "--pack", "./pack", "ekby.yaml", "other.yaml"], cwd: folder.path,
            environment: environment(folder))
        #expect(run.status == 2)
        let expected =
            "pack/pack.yaml:6:5: error: rule 'broken' could not check ekby.yaml: plugin broken.sh: did not write one JSON object on standard output [plugin.failed]"
        #expect(run.stdout.contains(expected), "\(run.stdout)")
        #expect(run.stdout.contains("ekby.yaml: score 100"))
        #expect(run.stdout.contains("other.yaml: score 100"))
    }

    @Test("rules test runs the example plugins' examples with --allow-exec, and skips them without")
    func examplePlugins() throws {
        let folder = try folder()
        let allowed = runPromiseCheck(
            ["rules", "test", "--allow-exec", Self.placesPack, Self.webAddressPack], cwd: folder.path,
            environment: environment(folder))
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        #expect(lines(allowed.stdout).last == "8 passed, 0 failed")
        let skipped = runPromiseCheck(
            ["rules", "test", Self.placesPack, Self.webAddressPack], cwd: folder.path, environment: environment(folder))
        #expect(skipped.status == 0)
        #expect(lines(skipped.stdout).last == "0 passed, 0 failed, 8 skipped")
    }

    @Test("a user configuration that cannot be used is said, and allows nothing")
    func malformedUserConfiguration() throws {
        let folder = try folder()
        _ = try folder.write("home/.config/promisecheck/config.yaml", "allow_exec: [yes\n")
        let run = runPromiseCheck(
            ["check", "--pack", Self.webAddressPack, "ekby.yaml"], cwd: folder.path, environment: environment(folder))
        #expect(run.status == 0)
        #expect(run.stderr.contains("promisecheck/config.yaml: ignored, external programs stay off: 2:1: "))
        #expect(run.stdout.contains("skipped: runs an external program"))
        _ = try folder.write("home/.config/promisecheck/config.yaml", "allow_exec: yes\n")
        let notBoolean = runPromiseCheck(
            ["check", "--pack", Self.webAddressPack, "ekby.yaml"], cwd: folder.path, environment: environment(folder))
        #expect(notBoolean.stderr.contains("'allow_exec' must be true or false"))
        #expect(notBoolean.stdout.contains("skipped: runs an external program"))
    }
}
