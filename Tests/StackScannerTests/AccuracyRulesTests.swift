import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import StackScanner
import Testing

/// The judgement rules the labelled set (Benchmarks/ScanAccuracy) drove, one behaviour each.
@Suite struct AccuracyRulesTests {
    func scan(_ files: [String: String]) throws -> ScanReport {
        let fixture = try ScanFixture(files)
        defer { fixture.remove() }
        return try fixture.scan()
    }

    @Test func withoutTsconfigOrTypeScriptTheLanguageIsJavaScript() throws {
        let report = try scan(["package.json": manifest(dependencies: ["express": "^4.19.0"])])
        #expect(report.names(in: .language) == ["javascript"])
        let typed = try scan([
            "package.json": manifest(dependencies: ["express": "^4.19.0"], dev: ["typescript": "^5.4.0"])
        ])
        #expect(!typed.names(in: .language).contains("javascript"))
    }

    @Test func aTsconfigBesideAPlainJavaScriptStartIsStillJavaScript() throws {
        let report = try scan([
            "package.json": manifest(
                dependencies: ["express": "^4.19.0"], dev: ["typescript": "^5.4.0"],
                extra: #""scripts": { "start": "npm run start-server", "start-server": "node server/server.js" }"#),
            "tsconfig.json": "{}",
        ])
        #expect(report.names(in: .language) == ["javascript"])
        let built = try scan([
            "package.json": manifest(
                dependencies: ["express": "^4.19.0"], dev: ["typescript": "^5.4.0"],
                extra: #""scripts": { "start": "node dist/server.js" }"#),
            "tsconfig.json": "{}",
        ])
        #expect(built.names(in: .language) == ["typescript"])
    }

    @Test func nodeTestInAScriptIsTheTestRunner() throws {
        let report = try scan([
            "package.json": manifest(
                dependencies: ["express": "^4.19.0"],
                extra: #""scripts": { "test": "cross-env NODE_ENV=test node --test --test-reporter=spec test/" }"#)
        ])
        #expect(report.names(in: .testing) == ["node-test"])
    }

    @Test func strategyPackagesNameTheirKindOfAuthentication() throws {
        let report = try scan([
            "package.json": manifest(dependencies: [
                "express": "^4.19.0", "passport": "^0.7.0", "passport-github2": "^0.1.12",
                "@node-saml/passport-saml": "^5.0.0",
                "ldapjs": "^3.0.0", "otplib": "^12.0.0", "express-basic-auth": "^1.2.1",
                "passport-http-bearer": "^1.0.1",
                "@simplewebauthn/server": "^10.0.0",
            ])
        ])
        #expect(
            Set(report.names(in: .auth))
                == ["passport", "oauth2", "saml", "ldap", "mfa", "basic-auth", "api-keys", "webauthn"])
    }

    @Test func nestOnExpressIsOneFramework() throws {
        let report = try scan([
            "package.json": manifest(dependencies: [
                "@nestjs/core": "^10.0.0", "@nestjs/common": "^10.0.0", "@nestjs/platform-express": "^10.0.0",
                "express": "^4.19.0",
            ])
        ])
        #expect(report.names(in: .framework) == ["nestjs"])
    }

    @Test func redisUnderAQueueIsNotTheCache() throws {
        let queue = try scan(["package.json": manifest(dependencies: ["express": "^4.19.0", "bullmq": "^5.0.0"])])
        #expect(queue.names(in: .cache).isEmpty)
        #expect(queue.names(in: .jobs) == ["bullmq"])
        #expect(queue.detection("redis")?.isInUse == true)
        let cache = try scan([
            "package.json": manifest(dependencies: ["express": "^4.19.0", "bullmq": "^5.0.0", "ioredis": "^5.4.0"])
        ])
        #expect(cache.names(in: .cache) == ["redis"])
    }

    @Test func graphqlSubscriptionsAreRealtime() throws {
        let report = try scan([
            "package.json": manifest(dependencies: [
                "@apollo/server": "^4.0.0", "graphql": "^16.0.0", "graphql-ws": "^5.16.0", "express": "^4.19.0",
            ])
        ])
        #expect(report.names(in: .realtime) == ["graphql-subscriptions"])
    }

    @Test func aWarehouseClientsDriversAreSystemsItTalksTo() throws {
        let report = try scan([
            "package.json": manifest(dependencies: [
                "express": "^4.19.0", "mongoose": "^8.0.0", "pg": "^8.11.0", "mysql2": "^3.9.0",
                "@clickhouse/client": "^1.0.0", "snowflake-sdk": "^1.10.0",
            ])
        ])
        #expect(report.names(in: .databases) == ["mongodb"])
        #expect(report.talksTo.contains("postgresql"))
    }

    @Test func aToolWithClientsForManyDatabasesAndBrokersTalksToThem() throws {
        let monitor = [
            "express": "^4.19.0", "socket.io": "^4.8.0", "ws": "^8.18.0", "knex": "^3.1.0", "sqlite3": "^5.1.0",
            "pg": "^8.11.0", "mongodb": "^6.0.0", "mssql": "^11.0.0", "redis": "^4.6.0", "kafkajs": "^2.2.0",
            "mqtt": "^5.0.0", "@grpc/grpc-js": "^1.10.0", "lru-cache": "^11.0.0",
        ]
        let report = try scan(["package.json": manifest(dependencies: monitor)])
        #expect(report.names(in: .databases) == ["sqlite"])
        #expect(report.names(in: .messaging).isEmpty)
        #expect(report.names(in: .cache) == ["in-memory-cache"])
        #expect(report.names(in: .realtime) == ["socketio"])
        #expect(report.names(in: .apiStyle) == ["rest"])
        for name in ["postgresql", "mongodb", "sqlserver", "redis", "kafka", "mqtt", "ws", "grpc"] {
            #expect(report.talksTo.contains(name), "\(name)")
        }
        // One broker is a service's own messaging, not a sign of a connector tool.
        var service = monitor
        service["mqtt"] = nil
        let own = try scan(["package.json": manifest(dependencies: service)])
        #expect(own.names(in: .messaging) == ["kafka"])
        #expect(own.names(in: .databases).contains("postgresql"))
        #expect(own.names(in: .realtime).contains("ws"))
    }

    @Test func anOIDCClientInAConnectorToolIsASystemItAuthenticatesTo() throws {
        // A monitor fetches client-credentials tokens for the endpoints it checks: not its own sign-in.
        let monitor = [
            "express": "^4.19.0", "sqlite3": "^5.1.0", "pg": "^8.11.0", "mongodb": "^6.0.0", "mssql": "^11.0.0",
            "kafkajs": "^2.2.0", "mqtt": "^5.0.0", "openid-client": "^5.7.0", "jsonwebtoken": "^9.0.0",
            "express-basic-auth": "^1.2.1",
        ]
        let tool = try scan(["package.json": manifest(dependencies: monitor)])
        #expect(Set(tool.names(in: .auth)) == ["jwt", "basic-auth"])
        #expect(tool.talksTo.contains("oidc"))
        // In a service (one database, no brokers) the same client is its OpenID Connect sign-in.
        let service = try scan([
            "package.json": manifest(dependencies: [
                "express": "^4.19.0", "pg": "^8.11.0", "openid-client": "^5.7.0",
            ])
        ])
        #expect(service.names(in: .auth) == ["oidc"])
        // A connector tool whose logins a session or a JWT middleware keeps signs its own users in with OIDC.
        for keeper in [["express-session": "^1.18.0"], ["express-jwt": "^8.4.0"]] {
            let signIn = try scan(["package.json": manifest(dependencies: monitor.merging(keeper) { $1 })])
            #expect(signIn.names(in: .auth).contains("oidc"), "\(keeper)")
        }
    }

    @Test func aBearerStrategyBesidePassportJWTTakesProviderTokensNotAPIKeys() throws {
        let exchange = try scan([
            "package.json": manifest(dependencies: [
                "express": "^4.19.0", "passport": "^0.7.0", "passport-jwt": "^4.0.0",
                "passport-http-bearer": "^1.0.1",
            ])
        ])
        #expect(Set(exchange.names(in: .auth)) == ["passport", "jwt", "oauth2"])
        let oauth = try #require(exchange.detection("oauth2"))
        #expect(oauth.evidence.contains { $0.package == "passport-http-bearer" && $0.detail.contains("passport-jwt") })
        // Without a JWT strategy the bearer tokens are the service's own API tokens.
        let tokens = try scan([
            "package.json": manifest(dependencies: [
                "express": "^4.19.0", "passport": "^0.7.0", "passport-http-bearer": "^1.0.1",
                "jsonwebtoken": "^9.0.0",
            ])
        ])
        #expect(Set(tokens.names(in: .auth)) == ["passport", "api-keys", "jwt"])
    }

    @Test func pugBesideEmailTemplatesRendersEmailsNotPages() throws {
        let emails = try scan([
            "package.json": manifest(dependencies: [
                "express": "^4.19.0", "pug": "^3.0.0", "email-templates": "^12.0.0", "nodemailer": "^6.9.0",
            ])
        ])
        #expect(emails.names(in: .apiStyle) == ["rest"])
        #expect(emails.ignored.contains { $0.package == "pug" && $0.detail.contains("email templates") })
        let pages = try scan(["package.json": manifest(dependencies: ["express": "^4.19.0", "pug": "^3.0.0"])])
        #expect(pages.names(in: .apiStyle) == ["server-rendered"])
    }

    @Test func restIsInferredFromWhatTheFrameworkServes() throws {
        // Rendered pages with a realtime channel: the page's script also calls JSON endpoints.
        let live = try scan([
            "package.json": manifest(dependencies: ["express": "^4.19.0", "ejs": "^3.1.0", "ws": "^8.0.0"])
        ])
        #expect(Set(live.names(in: .apiStyle)) == ["server-rendered", "rest"])
        // GraphQL and pages beside CORS and JWT: GraphQL is the data API, not REST.
        let graph = try scan([
            "package.json": manifest(dependencies: [
                "express": "^4.19.0", "pug": "^3.0.0", "graphql": "^16.0.0", "cors": "^2.8.5",
                "jsonwebtoken": "^9.0.0",
            ])
        ])
        #expect(Set(graph.names(in: .apiStyle)) == ["graphql", "server-rendered"])
        // A framework that only hosts a Socket.IO server exposes no API; with a store it does.
        let relay = try scan(["package.json": manifest(dependencies: ["express": "^4.19.0", "socket.io": "^4.8.0"])])
        #expect(relay.names(in: .apiStyle).isEmpty)
        let chat = try scan([
            "package.json": manifest(dependencies: ["express": "^4.19.0", "socket.io": "^4.8.0", "pg": "^8.11.0"])
        ])
        #expect(chat.names(in: .apiStyle) == ["rest"])
    }

    @Test func aServerRunFromDevDependenciesBesideABrowserAppIsTheService() throws {
        let report = try scan([
            "package.json": manifest(
                dependencies: ["react": "18.2.0", "react-dom": "18.2.0", "yup": "0.32.11"],
                dev: [
                    "express": "4.20.0", "express-validator": "6.15.0", "passport": "0.5.0", "morgan": "1.10.0",
                    "graphql": "16.8.1", "graphql-playground-middleware-express": "^1.7.23", "vitest": "^0.33.0",
                ],
                extra: #""scripts": { "start:api": "yarn tsnode --files backend/app.ts", "start:react": "vite" }"#)
        ])
        #expect(report.names(in: .framework) == ["express"])
        #expect(report.names(in: .validation) == ["express-validator"])
        #expect(report.names(in: .docs) == ["graphql-playground"])
        #expect(Set(report.names(in: .apiStyle)) == ["graphql"])
        let express = try #require(report.detections.first { $0.name == "express" })
        #expect(
            express.evidence.contains { $0.detail.contains("the server runs from devDependencies: scripts.start:api") })
        #expect(report.ignored.contains { $0.package == "yup" && $0.detail.contains("browser bundle") })
        // Without a script that runs a server file, a devDependency framework stays dev-only (a test helper).
        let library = try scan([
            "package.json": manifest(dependencies: ["yup": "0.32.11"], dev: ["express": "4.20.0"])
        ])
        #expect(library.names(in: .framework).isEmpty)
        #expect(library.names(in: .validation) == ["yup"])
    }

    @Test func disagreeingNodeVersionsAreFlagged() throws {
        let report = try scan([
            "package.json": manifest(dependencies: ["express": "^4.19.0"], extra: #""engines": { "node": ">=20" }"#),
            "Dockerfile": "FROM node:18-alpine\nCMD [\"node\", \"index.js\"]\n",
            ".nvmrc": "22\n",
        ])
        let messages = report.warnings.map(\.message)
        #expect(
            messages.contains { $0.hasPrefix("Node.js versions disagree") && $0.contains("18") && $0.contains("22") })
        #expect(messages.contains { $0.contains("uses Node.js 18") && $0.contains("below engines.node '>=20'") })
        let agreeing = try scan([
            "package.json": manifest(dependencies: ["express": "^4.19.0"], extra: #""engines": { "node": ">=20" }"#),
            "Dockerfile": "FROM node:22-alpine\n", ".nvmrc": "22\n",
        ])
        #expect(!agreeing.warnings.contains { $0.message.contains("Node.js") })
    }

    @Test func dependencyEvidenceCarriesItsPackageJSONLine() throws {
        let report = try scan([
            "package.json":
                "{\n  \"name\": \"a\",\n  \"dependencies\": {\n    \"express\": \"^4.19.0\",\n    \"pino\": \"^9.0.0\"\n  }\n}\n",
            "src/app.js": "// app\nconst pino = require('pino')\n",
        ])
        let pino = try #require(report.detection("pino"))
        #expect(pino.evidence.contains { $0.file == "package.json" && $0.line == 5 })
        #expect(pino.evidence.contains { $0.file == "src/app.js" && $0.line == 2 })
    }
}

/// The labelled set of real projects keeps its figures (see Benchmarks/ScanAccuracy/README.md).
@Suite struct LabelledSetTests {
    @Test func perCategoryRecallAndPrecisionStayAtTheirMeasuredLevel() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/ScanAccuracy")
        let set = try LabelledSet(folder: folder)
        #expect(set.entries.count >= 40)
        let scores = try set.score(catalog: StackwiseKnowledge.embedded.detection)
        for score in scores {
            #expect(score.recall >= 0.98, "\(score.category.rawValue) recall \(score.recall): \(score.misses)")
            #expect(
                score.precision >= 0.98, "\(score.category.rawValue) precision \(score.precision): \(score.extras)")
        }
        let found = scores.reduce(0) { $0 + $1.truePositives }
        let labels = scores.reduce(0) { $0 + $1.truePositives + $1.falseNegatives }
        let reported = scores.reduce(0) { $0 + $1.truePositives + $1.falsePositives }
        #expect(Double(found) / Double(labels) >= 0.998)
        #expect(Double(found) / Double(reported) >= 0.997)
    }
}
