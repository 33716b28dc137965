import Foundation
import KnowledgeModel
import StackScanner
import Testing

/// Realistic repository layouts and the stack a reviewer would read from them.
@Suite struct RealisticLayoutTests {
    @Test func expressMongooseBoilerplate() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(
                name: "express-mongoose-api",
                dependencies: [
                    "express": "^4.18.2", "mongoose": "^8.0.0", "helmet": "^7.1.0", "cors": "^2.8.5",
                    "express-rate-limit": "^7.1.0", "jsonwebtoken": "^9.0.2", "joi": "^17.11.0", "winston": "^3.11.0",
                    "ioredis": "^5.3.2",
                ],
                dev: ["jest": "^29.7.0", "supertest": "^6.3.3", "nodemon": "^3.0.2"],
                extra: #""engines": { "node": ">=18" }"#),
            "package-lock.json": "{}",
            "src/app.js": """
            const express = require('express');
            const helmet = require("helmet");
            const cors = require('cors');
            const rateLimit = require('express-rate-limit');
            const mongoose = require('mongoose');
            """,
            "src/auth/jwt.js": "import jwt from 'jsonwebtoken';\nimport Joi from \"joi\";\n",
            "src/logger.js": "const { createLogger } = require('winston')\n",
            "test/app.test.js": "const request = require('supertest');\n",
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(report.names(in: .framework) == ["express"])
        #expect(report.detection("express")?.major == 4)
        #expect(report.names(in: .databases) == ["mongodb"])
        #expect(report.names(in: .dataAccess) == ["mongoose"])
        #expect(report.names(in: .language) == ["javascript"])
        #expect(report.names(in: .apiStyle) == ["rest"])
        #expect(Set(report.names(in: .securityMiddleware)) == ["helmet", "cors", "rate-limit"])
        #expect(report.names(in: .auth) == ["jwt"])
        #expect(report.names(in: .validation) == ["joi"])
        #expect(report.names(in: .logging) == ["winston"])
        #expect(Set(report.names(in: .testing)) == ["jest", "supertest"])
        #expect(report.packageManager == "npm")
        #expect(report.nodeVersion?.major == 18)
        // ioredis is declared but no file imports it.
        #expect(report.detection("redis")?.status == .declared)
        #expect(report.names(in: .cache).isEmpty)
        let express = try #require(report.detection("express"))
        #expect(express.confidence == .high)
        #expect(express.evidence.contains { $0.file == "package.json" && $0.package == "express" })
        #expect(express.evidence.contains { $0.file == "src/app.js" })
    }

    @Test func nestjsTypeormMonorepo() throws {
        let fixture = try ScanFixture([
            "package.json":
                #"{ "name": "acme", "private": true, "workspaces": ["apps/*", "packages/*"], "devDependencies": { "typescript": "^5.4.0", "jest": "^29.0.0" } }"#,
            "yarn.lock": "",
            "apps/api/package.json": manifest(
                name: "@acme/api",
                dependencies: [
                    "@nestjs/core": "^10.3.0", "@nestjs/common": "^10.3.0", "@nestjs/platform-express": "^10.3.0",
                    "@nestjs/typeorm": "^10.0.0", "typeorm": "^0.3.20", "pg": "^8.11.0", "@nestjs/throttler": "^5.1.0",
                    "@nestjs/swagger": "^7.3.0", "@nestjs/passport": "^10.0.0", "passport-jwt": "^4.0.1",
                    "@acme/shared": "workspace:*",
                ],
                dev: ["@nestjs/testing": "^10.3.0", "supertest": "^6.3.0"]),
            "apps/api/tsconfig.json": "{ // comments are fine here\n \"compilerOptions\": { \"strict\": true, },\n}",
            "apps/api/src/main.ts":
                "import { NestFactory } from '@nestjs/core';\nimport { SwaggerModule } from '@nestjs/swagger';\n",
            "apps/api/src/app.module.ts": """
            import { Module } from '@nestjs/common';
            import { TypeOrmModule } from '@nestjs/typeorm';
            import { ThrottlerModule } from '@nestjs/throttler';
            import { PassportModule } from '@nestjs/passport';
            import { Repository } from 'typeorm';
            import { ExtractJwt } from 'passport-jwt';
            """,
            "apps/web/package.json": manifest(name: "@acme/web", dependencies: ["next": "14.1.0", "react": "18.2.0"]),
            "apps/web/pages/index.tsx": "import React from 'react';\n",
            "packages/shared/package.json": manifest(
                name: "@acme/shared", dependencies: ["class-validator": "^0.14.0"]),
            "packages/shared/src/dto.ts": "import { IsString } from 'class-validator';\n",
            "apps/api/Dockerfile":
                "FROM node:22-alpine AS build\nRUN npm ci\nFROM node:22-alpine\nCMD npm run start:prod\n",
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(report.servicePackages == ["apps/api"])
        #expect(Set(report.workspacePackages) == ["apps/api", "apps/web", "packages/shared"])
        #expect(report.names(in: .framework).contains("nestjs"))
        #expect(report.names(in: .dataAccess) == ["typeorm"])
        #expect(report.detection("pg")?.listed == false)
        #expect(report.names(in: .databases) == ["postgresql"])
        #expect(report.names(in: .securityMiddleware) == ["rate-limit"])
        #expect(report.detection("rate-limit")?.via == ["@nestjs/throttler"])
        #expect(report.names(in: .docs) == ["swagger"])
        #expect(Set(report.names(in: .auth)) == ["passport", "jwt"])
        #expect(report.names(in: .validation) == ["class-validator"])
        #expect(report.names(in: .language) == ["typescript"])
        #expect(report.packageManager == "yarn")
        #expect(report.nodeVersion?.major == 22)
        // The shell form of CMD runs under sh -c.
        #expect(report.names(in: .practice).contains("npm-start"))
    }

    @Test func fastifyDrizzleInJavaScriptWithJSDocTypes() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(
                name: "fastify-drizzle",
                dependencies: [
                    "fastify": "^4.26.0", "@fastify/helmet": "^11.1.0", "@fastify/rate-limit": "^9.1.0",
                    "drizzle-orm": "^0.30.0", "postgres": "^3.4.0", "pino": "^8.19.0", "zod": "^3.22.0",
                ],
                dev: ["typescript": "^5.4.0", "drizzle-kit": "^0.20.0", "vitest": "^1.3.0"],
                extra: #""type": "module""#),
            "pnpm-lock.yaml": "",
            ".nvmrc": "v20.11.1\n",
            "jsconfig.json": #"{ "compilerOptions": { "checkJs": true, "strict": true } }"#,
            "drizzle.config.js": "export default {\n  schema: './src/db/schema.js',\n  dialect: 'postgresql',\n};\n",
            "src/server.js": """
            // @ts-check
            import Fastify from 'fastify';
            import helmet from '@fastify/helmet';
            import rateLimit from '@fastify/rate-limit';
            import { z } from 'zod';
            /** @type {import('fastify').FastifyInstance} */
            """,
            "src/db/index.js":
                "import { drizzle } from 'drizzle-orm/postgres-js';\nimport postgres from 'postgres';\nimport pino from 'pino';\n",
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(report.names(in: .language) == ["javascript"])
        #expect(report.detection("javascript")?.evidence.first?.detail.contains("JSDoc") == true)
        #expect(report.names(in: .framework) == ["fastify"])
        #expect(report.names(in: .dataAccess) == ["drizzle"])
        #expect(report.names(in: .databases) == ["postgresql"])
        #expect(
            report.detection("postgresql")?.evidence.contains { $0.file == "drizzle.config.js" && $0.line == 3 } == true
        )
        #expect(Set(report.names(in: .securityMiddleware)) == ["helmet", "rate-limit"])
        #expect(report.detection("helmet")?.via == ["@fastify/helmet"])
        #expect(report.names(in: .logging) == ["pino"])
        #expect(report.names(in: .testing) == ["vitest"])
        #expect(report.packageManager == "pnpm")
        #expect(report.nodeVersion?.major == 20)
    }

    @Test func koaKnex() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(
                name: "koa-knex",
                dependencies: [
                    "koa": "^2.15.0", "@koa/router": "^12.0.0", "koa-helmet": "^7.0.0", "@koa/cors": "^5.0.0",
                    "knex": "^3.1.0", "pg": "^8.11.0", "koa-ratelimit": "^5.1.0",
                ],
                dev: ["mocha": "^10.0.0", "chai": "^4.0.0"]),
            "knexfile.js":
                "module.exports = {\n  development: {\n    client: 'pg',\n    connection: process.env.DATABASE_URL,\n  },\n};\n",
            "src/index.js": """
            const Koa = require('koa');
            const Router = require('@koa/router');
            const helmet = require('koa-helmet');
            const cors = require('@koa/cors');
            const ratelimit = require('koa-ratelimit');
            const knex = require('knex')(require('../knexfile').development);
            """,
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(report.names(in: .framework) == ["koa"])
        #expect(report.names(in: .dataAccess) == ["knex"])
        #expect(report.names(in: .databases) == ["postgresql"])
        #expect(report.detection("postgresql")?.confidence == .high)
        #expect(Set(report.names(in: .securityMiddleware)) == ["helmet", "cors", "rate-limit"])
        #expect(report.detection("helmet")?.via == ["koa-helmet"])
        #expect(Set(report.names(in: .testing)) == ["mocha", "chai"])
    }

    @Test func ormInAWorkspacePackage() throws {
        let fixture = try ScanFixture([
            "package.json": #"{ "name": "platform", "private": true, "packageManager": "pnpm@9.1.0" }"#,
            "pnpm-workspace.yaml": "packages:\n  - 'apps/*'\n  - 'packages/*'\n  - '!packages/legacy'\n",
            "apps/api/package.json": manifest(
                name: "@platform/api", dependencies: ["express": "5.0.1", "@platform/db": "workspace:*"]),
            "apps/api/src/index.ts": "import express from 'express';\nimport { db } from '@platform/db';\n",
            "packages/db/package.json": manifest(
                name: "@platform/db", dependencies: ["@prisma/client": "^5.10.0"], dev: ["prisma": "^5.10.0"]),
            "packages/db/prisma/schema.prisma": """
            generator client {
              provider = "prisma-client-js"
            }

            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            """,
            "packages/db/src/index.ts": "import { PrismaClient } from '@prisma/client';\n",
            "packages/legacy/package.json": manifest(name: "legacy", dependencies: ["mongoose": "^5.0.0"]),
            "packages/unused/package.json": manifest(name: "@platform/unused", dependencies: ["mysql2": "^3.0.0"]),
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(report.servicePackages == ["apps/api"])
        #expect(!report.workspacePackages.contains("packages/legacy"))
        #expect(report.names(in: .framework) == ["express"])
        #expect(report.detection("express")?.major == 5)
        #expect(report.names(in: .dataAccess) == ["prisma"])
        #expect(report.names(in: .databases) == ["postgresql"])
        let postgres = try #require(report.detection("postgresql"))
        #expect(postgres.evidence.contains { $0.file == "packages/db/prisma/schema.prisma" && $0.line == 6 })
        // Packages the service does not depend on are not its stack.
        #expect(report.detection("mysql") == nil)
        #expect(report.detection("mongodb") == nil)
        #expect(report.packageManager == "pnpm")
    }

    @Test func devOnlyAndTypesTraps() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(
                dependencies: ["express": "^4.19.0"],
                dev: [
                    "pg": "^8.11.0", "mongodb-memory-server": "^9.0.0", "@types/redis": "^4.0.0",
                    "@types/mongoose": "^5.11.0", "@types/express": "^4.17.0", "sqlite3": "^5.1.0",
                ]),
            "src/index.js": "const express = require('express')\n",
            "test/db.test.js":
                "const { Client } = require('pg')\nconst { MongoMemoryServer } = require('mongodb-memory-server')\n",
            "docker-compose.test.yml": "services:\n  db:\n    image: postgres:16\n",
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(report.names(in: .databases).isEmpty)
        #expect(report.names(in: .dataAccess).isEmpty)
        #expect(report.names(in: .cache).isEmpty)
        #expect(report.detection("postgresql")?.status == .devOnly)
        #expect(report.detection("sqlite")?.status == .devOnly)
        #expect(report.names(in: .testing) == ["mongodb-memory-server"])
        let ignored = report.ignored.compactMap(\.package)
        #expect(ignored.contains("@types/redis"))
        #expect(ignored.contains("@types/mongoose"))
        // @types/express sits next to express: nothing to report.
        #expect(!ignored.contains("@types/express"))
    }

    @Test func clientsOfExternalSystemsAreNotTheServicesStores() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(
                dependencies: [
                    "fastify": "^4.0.0", "winston": "^3.0.0", "winston-elasticsearch": "^0.17.0",
                    "@aws-sdk/client-s3": "^3.0.0", "stripe": "^14.0.0",
                ]),
            "src/index.js":
                "import Fastify from 'fastify'\nimport winston from 'winston'\nimport { ElasticsearchTransport } from 'winston-elasticsearch'\n",
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(report.names(in: .databases).isEmpty)
        #expect(Set(report.talksTo) == ["elasticsearch", "s3", "stripe"])
        #expect(report.names(in: .logging) == ["winston"])
    }

    @Test func containerKubernetesServerlessAndCI() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(dependencies: ["express": "^4.0.0", "serverless-http": "^3.0.0"]),
            "src/index.js": "require('express'); require('serverless-http')\n",
            "k8s/deployment.yaml":
                "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/api:1.0\n",
            "charts/api/Chart.yaml": "apiVersion: v2\nname: api\n",
            "serverless.yml": "service: api\nprovider:\n  name: aws\n  runtime: nodejs18.x\n",
            ".github/dependabot.yml": "version: 2\n",
            ".gitlab-ci.yml": "test:\n  script:\n    - npm audit --audit-level=high\n    - npm test\n",
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(
            Set(report.names(in: .deployment))
                == ["kubernetes", "helm", "serverless-framework", "aws-lambda", "gitlab-ci"])
        #expect(report.nodeVersion?.major == 18)
        #expect(Set(report.names(in: .practice)) == ["dependency-scanning", "ci-tests"])
    }
}
