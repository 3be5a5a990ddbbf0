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
  before?: (emulator: RunningEmulator) => Promise<void>;
  /** The stack's name; PulumiProject's default otherwise. */
  stackName?: string;
  /** The installed packages the project links (an earlier release, say); called when the project is made. */
  nodeModules?: () => string;
  /** Turns the fresh project into the one the tests use, e.g. useNativePlugin. */
  wrap?: (project: PulumiProject) => PulumiProject;
  /** Added to project.extraEnv after `wrap`. */
  extraEnv?: NodeJS.ProcessEnv;
  /** initStack's extra config; a function reads the emulator or what `before` made. */
  config?: Record<string, string> | ((emulator: RunningEmulator) => Record<string, string>);
  /** Replaces initStack (and `config`), e.g. initMinAppStack or init plus more setup steps. */
  init?: (stack: E2eStack) => Promise<void>;
  /** Runs first in afterAll, e.g. clearing fault rules so destroy can succeed. */
  after?: (stack: E2eStack) => Promise<void>;
}

/** Call at describe (or file) level: registers the beforeAll/afterAll pair for `source`. */
export function e2eStack(source: string, options: E2eStackOptions = {}): E2eStack {
  const stack = {} as E2eStack;
  beforeAll(async () => {
    stack.emulator = await startEmulator({ ...options.emulator, port: 0 });
    await options.before?.(stack.emulator);
    stack.project = makeProject(source, options);
    if (options.init) return options.init(stack);
    const config = typeof options.config === "function" ? options.config(stack.emulator) : options.config;
    await stack.project.initStack(stack.emulator.url, config);
  });
  afterAll(async () => {
    try {
      await options.after?.(stack);
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
