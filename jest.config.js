// Three tiers, selected with `--selectProjects`: unit (colocated *.test.ts), integration
// (provider and emulator against an in-process emulator) and e2e (the real Pulumi CLI).
const tsJest = { "^.+\\.ts$": ["ts-jest", {}] };
// Under scripts/check-tmp-clean.sh TMPDIR is a throwaway per-run folder; jest's transform cache
// stays where it usually is (the host temp folder) so it survives between runs and is no leftover.
const hostTmp = process.env.CLOUDFN_HOST_TMPDIR;
const cache = hostTmp
  ? { cacheDirectory: require("path").join(hostTmp, `jest_${process.getuid?.().toString(36) ?? "cloudfn"}`) }
  : {};
const common = {
  preset: undefined,
  testEnvironment: "node",
  transform: tsJest,
  moduleFileExtensions: ["ts", "js", "json"],
  setupFilesAfterEnv: ["<rootDir>/tests/setup/remove-temp-dirs.ts"],
  ...cache,
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/{platform,provider,sdk,emulator,scripts,cli}/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/tests/integration/**/*.test.ts"],
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, "<rootDir>/tests/setup/integration-timeout.ts"],
    },
    { ...common, displayName: "e2e", testMatch: ["<rootDir>/tests/e2e/**/*.e2e.test.ts"] },
  ],
};
