/**
 * Well-known local credentials of the emulator. They live here because both sides need them:
 * the emulator accepts them, and the providers fall back to them when a stack is pointed at the
 * emulator with the switch below. Documented in README.md; the emulator's CLI flags and
 * environment variables override them (emulator/cli-args.ts). They grant nothing elsewhere.
 */
export const EMULATOR_DEFAULTS = {
  functiongraph: {
    region: "cn-north-4",
    /** 32 lowercase hex chars, like a real IAM project id. */
    projectId: "c0ffee0000000000000000000000c0de",
    domainId: "d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0",
    domainName: "cloudfn",
    accessKey: "CLOUDFNLOCALACCESSKEY",
    secretKey: "cloudfn-local-secret-key-not-for-production",
    userName: "cloudfn",
    password: "cloudfn-local-password",
  },
  leancloud: {
    appId: "cloudfnLocalAppId0000000-gzGzoHsz",
    appKey: "cloudfnLocalAppKey000000",
    masterKey: "cloudfnLocalMasterKey000",
    hookKey: "cloudfnLocalHookKey00000",
    /** Console access token (`Authorization: Token …`) for the lean-CLI console API subset. */
    consoleToken: "cloudfn-local-console-token-not-for-production",
    /** The engine group deployments go to by default. */
    group: "web",
  },
  minapp: {
    /** ClientID / ClientSecret of the emulated app (console 设置 → 应用). */
    clientId: "cloudfnlocalclientid0000",
    clientSecret: "cloudfn-local-client-secret-not-for-production",
    /** Numeric id of the emulated app; environments are extra namespaces beside production. */
    appId: 100000,
    /** Environment ids the emulator accepts in X-Hydrogen-Env-ID besides production. */
    environments: ["cloudfnstaging00"],
  },
} as const;

/**
 * The one switch that points a stack at the emulator: its base URL, in stack config or the
 * environment. The providers read it; the emulator prints it on start.
 */
export const EMULATOR_SWITCH = { key: "cloudfn:emulator", env: "CLOUDFN_EMULATOR" } as const;
