/**
 * The setup almost every e2e file shares, in one place: an in-process emulator on a free port
 * and one Pulumi project whose stack points at it, made in beforeAll and removed in afterAll.
 * Files differ only in the options below; written once, a change to the shared order (emulator,
 * out-of-band objects, project, stack) reaches every file.
 */
import { EmulatorOptions, RunningEmulator, startEmulator } from "../../emulator/server";
import { PulumiProject } from "./pulumi-cli";

/** Both are set once beforeAll ran: read them only inside hooks and tests. */
export interface E2eStack {
  emulator: RunningEmulator;
  project: PulumiProject;
}

export interface E2eStackOptions {
  /** startEmulator's options; the port is always a free one. */
  emulator?: Omit<EmulatorOptions, "port">;
  /** Runs once the emulator serves, before the project exists: objects made "by someone else". */
  before?: () => Promise<unknown>;
  /** The stack's name; PulumiProject's default otherwise. */
  stackName?: string;
  /** The installed packages the project links (an earlier release, say); called when the project is made. */
  nodeModules?: () => string;
  /** Turns the fresh project into the one the tests use, e.g. useNativePlugin. */
  wrap?: (project: PulumiProject) => PulumiProject;
  /** Added to project.extraEnv after `wrap`. */
  extraEnv?: NodeJS.ProcessEnv;
  /** initStack's extra config; a function is read after `before`, so it can use what that made. */
  config?: Record<string, string> | (() => Record<string, string>);
  /** Replaces initStack (and `config`), e.g. initMinAppStack, or initStack followed by more steps. */
  init?: () => Promise<unknown>;
  /** Runs first in afterAll, e.g. clearing fault rules so destroy can succeed. */
  after?: () => Promise<unknown>;
}

/**
 * Call at describe (or file) level: registers the beforeAll/afterAll pair for `source`. The
 * callbacks read the returned object: `emulator` is set before `before` runs, `project` before `init`.
 */
export function e2eStack(source: string, options: E2eStackOptions = {}): E2eStack {
  const stack = {} as E2eStack;
  beforeAll(async () => {
    stack.emulator = await startEmulator({ ...options.emulator, port: 0 });
    await options.before?.();
    stack.project = makeProject(source, options);
    if (options.init) await options.init();
    else await stack.project.initStack(stack.emulator.url, configOf(options));
  });
  afterAll(async () => {
    try {
      await options.after?.();
    } finally {
      await stack.project?.dispose();
      await stack.emulator?.close();
    }
  });
  return stack;
}

function makeProject(source: string, options: E2eStackOptions): PulumiProject {
  const made = new PulumiProject(source, options.stackName, options.nodeModules?.());
  const project = options.wrap ? options.wrap(made) : made;
  if (options.extraEnv) project.extraEnv = { ...project.extraEnv, ...options.extraEnv };
  return project;
}

function configOf(options: E2eStackOptions): Record<string, string> | undefined {
  return typeof options.config === "function" ? options.config() : options.config;
}
