import Foundation
import Testing

@Suite("import command")
struct ImportCommandTests {
    static let text = """
        Ekby – medborgarlöften

        Situationen idag

        Lägesbilden bygger på brottsstatistik och trygghetsmätningen 2024.

        Det här ska vi göra

        • Polisen genomför minst fyra trygghetsvandringar per år.
        • Kommunen byter belysningen i gångtunneln vid stationen.

        """

    @Test("writes the promise to standard output, and the result checks as a promise file")
    func toStandardOutput() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("ekby.txt", Self.text)
        let run = runPromiseCheck(["import", "ekby.txt"], cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let output = lines(run.stdout)
        #expect(output.contains("promise: 1"))
        #expect(output.contains("area: Ekby  # line 1 (from the title)"))
        #expect(output.contains("  - by: [polis]"))
        #expect(output.contains("      - Polisen genomför minst fyra trygghetsvandringar per år."))
        _ = try folder.write("ekby.yaml", run.stdout)
        let check = runPromiseCheck(["check", "--fail-on", "never", "ekby.yaml"], cwd: folder.path)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("ekby.yaml: score "))
    }

    @Test("--output writes the file, and refuses to replace it without --force")
    func outputAndForce() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("ekby.txt", Self.text)
        let first = runPromiseCheck(["import", "ekby.txt", "-o", "ekby.yaml"], cwd: folder.path)
        #expect(first.status == 0)
        #expect(first.stdout == "")
        #expect(first.stderr == "wrote ekby.yaml\n")
        let written = try String(contentsOfFile: folder.path + "/ekby.yaml", encoding: .utf8)
        _ = try folder.write("ekby.yaml", "# mine\n")
        let refused = runPromiseCheck(["import", "ekby.txt", "--output", "ekby.yaml"], cwd: folder.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("ekby.yaml: already exists; use --force to overwrite it"))
        #expect(try String(contentsOfFile: folder.path + "/ekby.yaml", encoding: .utf8) == "# mine\n")
        let forced = runPromiseCheck(["import", "ekby.txt", "--output", "ekby.yaml", "--force"], cwd: folder.path)
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: folder.path + "/ekby.yaml", encoding: .utf8) == written)
    }

    @Test("a YAML promise file, a missing file and a binary file are refused with exit 2")
    func badInput() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("klar.yaml", "promise: 1\n")
        _ = try folder.write("binar.txt", Data([0x45, 0x6B, 0x00, 0x62, 0x79]))
        let yaml = runPromiseCheck(["import", "klar.yaml"], cwd: folder.path)
        #expect(yaml.status == 2)
        #expect(yaml.stderr.contains("'klar.yaml' is already a promise file"))
        let missing = runPromiseCheck(["import", "saknas.txt"], cwd: folder.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("saknas.txt: error: no such file [input.not-found]"))
        let binary = runPromiseCheck(["import", "binar.txt"], cwd: folder.path)
        #expect(binary.status == 2)
        #expect(binary.stderr.contains("binar.txt:1:3: error:"))
        #expect(binary.stdout == "")
    }
}
