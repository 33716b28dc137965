import Foundation
import Testing

/// When the answers leave a decision without any possible option, the review names the smallest colliding set and
/// still chooses every other decision (excluding every CI/CD option used to blank its whole component, architecture
/// and framework included).
@Suite struct InfeasibleCoreEndToEndTests {
    @Test func excludingEveryCIOptionBlanksOnlyCI() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let overlay = folder.appendingPathComponent("overlay")
        try FileManager.default.createDirectory(at: overlay, withIntermediateDirectories: true)
        try """
        rules:
          - id: test.no-ci
            when: "true"
            because: Nothing is allowed for CI.
            exclude: [ci_cd.github-actions, ci_cd.gitlab-ci, ci_cd.gitops-argocd, ci_cd.cloud-native-ci, ci_cd.paas-autodeploy]
        """.write(to: overlay.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run([
            "review", "--kb", overlay.path, "--set", "service.kind=crud_api", "--set", "team.size=small",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let decisions = try #require(document["decisions"] as? [[String: Any]])
        let infeasible = decisions.filter { $0["status"] as? String == "infeasible" }.compactMap { $0["id"] as? String }
        #expect(infeasible == ["ci_cd"])
        for id in ["architecture", "framework", "deployment"] {
            #expect(decisions.first { $0["id"] as? String == id }?["status"] as? String == "chosen", "\(id)")
        }
        let conflicts = try #require(document["conflicts"] as? [[String: Any]])
        #expect(conflicts.count == 1)
        #expect(conflicts.first?["decisions"] as? [String] == ["ci_cd"])
    }
}
