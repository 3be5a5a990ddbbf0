// Three tiers, selected with `--selectProjects`: unit (colocated *.test.ts), integration
// (provider and emulator against an in-process emulator) and e2e (the real Pulumi CLI).
const tsJest = { "^.+\\.ts$": ["ts-jest", {}] };
const common = { preset: undefined, testEnvironment: "node", transform: tsJest, moduleFileExtensions: ["ts", "js", "json"] };
module.exports = {
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/{platform,provider,sdk,emulator,scripts,cli}/**/*.test.ts"] },
    { ...common, displayName: "integration", testMatch: ["<rootDir>/tests/integration/**/*.test.ts"] },
    { ...common, displayName: "e2e", testMatch: ["<rootDir>/tests/e2e/**/*.e2e.test.ts"] },
  ],
};
