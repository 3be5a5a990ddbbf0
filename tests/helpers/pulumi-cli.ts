/**
 * Drives the real Pulumi CLI on a program folder: local file backend in a temp folder,
 * passphrase secrets, no update checks, no plugin downloads. The program's dependencies are
 * installed once per run from the packed tarball (the way a user installs cloudfn) and shared.
 */
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";

/** The repository root, found upward so this works from source and compiled (.cache/dev). */
function repoRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Makefile")) && fs.existsSync(path.join(dir, "examples"))) return dir;
  }
  throw new Error(`repository root not found above ${from}`);
}
const ROOT = repoRoot(__dirname);
export const PULUMI_BIN = path.join(ROOT, "tools/pulumi/bin");
const TARBALL = path.join(ROOT, ".cache/pulumi-cloudfn.tgz");
/** CLOUDFN_E2E_PULUMI_SDK installs another @pulumi/pulumi (the peer range's floor, say) for a compat run. */
const SDK_OVERRIDE = process.env.CLOUDFN_E2E_PULUMI_SDK;
const INSTALL_DIR = path.join(ROOT, SDK_OVERRIDE ? `.cache/e2e-install-${SDK_OVERRIDE}` : ".cache/e2e-install");
export const PASSPHRASE = "cloudfn-e2e-passphrase";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Installs @pulumi/pulumi and the packed pulumi-cloudfn once (re-installs when the tarball's
 * content changes); another tarball (an earlier release) goes to a folder of its own.
 */
export function ensureInstalled(tarball = TARBALL, installDir = INSTALL_DIR): string {
  const stamp = path.join(installDir, ".tarball-sha256");
  const digest = createHash("sha256").update(fs.readFileSync(tarball)).digest("hex");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === digest) return path.join(installDir, "node_modules");
  // npm treats an unchanged `file:` spec as up to date even when the tarball changed.
  fs.rmSync(path.join(installDir, "node_modules/pulumi-cloudfn"), { recursive: true, force: true });
  fs.rmSync(path.join(installDir, "package-lock.json"), { force: true });
  fs.mkdirSync(installDir, { recursive: true });
  const example = JSON.parse(fs.readFileSync(path.join(ROOT, "examples/functiongraph-basic/package.json"), "utf8"));
  example.dependencies["pulumi-cloudfn"] = `file:${tarball}`;
  if (SDK_OVERRIDE) example.dependencies["@pulumi/pulumi"] = SDK_OVERRIDE;
  fs.writeFileSync(path.join(installDir, "package.json"), JSON.stringify(example, null, 2));
  const res = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: installDir,
    encoding: "utf8",
  });
  if (res.status !== 0) throw new Error(`npm install failed:\n${res.stdout}\n${res.stderr}`);
  fs.writeFileSync(stamp, digest);
  return path.join(installDir, "node_modules");
}

export class PulumiProject {
  readonly dir: string;
  private readonly home: string;

  /** Copies `source` (an example or test program folder) into a fresh temp project. */
  /** Extra environment for every CLI run (the provider plugin inherits it). */
  extraEnv: NodeJS.ProcessEnv = {};

  constructor(
    source: string,
    private readonly stack = "e2e",
    nodeModules = ensureInstalled(),
  ) {
    this.home = fs.mkdtempSync(path.join(os.tmpdir(), "cloudfn-e2e-"));
    this.dir = path.join(this.home, "project");
    fs.cpSync(source, this.dir, { recursive: true, filter: (src) => !src.includes("node_modules") });
    fs.symlinkSync(nodeModules, path.join(this.dir, "node_modules"));
    fs.mkdirSync(path.join(this.home, "state"));
  }

  /** Points the project at other installed packages: what upgrading cloudfn does to a project. */
  useNodeModules(nodeModules: string): void {
    fs.rmSync(path.join(this.dir, "node_modules"));
    fs.symlinkSync(nodeModules, path.join(this.dir, "node_modules"));
  }

  env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith("HW_") || k.startsWith("PULUMI_")) delete env[k];
    return {
      ...env,
      PATH: `${PULUMI_BIN}:${process.env.PATH}`,
      PULUMI_HOME: path.join(this.home, "pulumi-home"),
      PULUMI_BACKEND_URL: `file://${path.join(this.home, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      // The language host's ts-node caches compiled programs in the temp folder by default;
      // inside the project's folder the cache goes with dispose().
      TS_NODE_CACHE_DIRECTORY: path.join(this.home, "ts-node-cache"),
      NO_COLOR: "1",
      ...this.extraEnv,
    };
  }

  /** Runs the CLI asynchronously: an in-process emulator must keep serving meanwhile. */
  async run(args: string[], opts: { allowFailure?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
    const child = spawn("pulumi", [...args, "--non-interactive"], {
      cwd: this.dir,
      env: { ...this.env(), ...opts.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (c) => resolve(c ?? -1));
    });
    if (code !== 0 && !opts.allowFailure) {
      throw new Error(`pulumi ${args.join(" ")} exited ${code}\n${stdout}\n${stderr}`);
    }
    return { code, stdout, stderr };
  }

  /** Creates the stack and points it at the emulator with its default local credentials. */
  async initStack(emulatorUrl: string, config: Record<string, string> = {}): Promise<void> {
    const fg = EMULATOR_DEFAULTS.functiongraph;
    await this.run(["stack", "init", this.stack]);
    await this.setConfig({
      "cloudfn:functiongraphEndpoint": emulatorUrl,
      "cloudfn:functiongraphIamEndpoint": emulatorUrl,
      "cloudfn:functiongraphRegion": fg.region,
      "cloudfn:functiongraphProjectId": fg.projectId,
      ...config,
    });
    await this.run(["config", "set", "--secret", "cloudfn:functiongraphAccessKey", fg.accessKey]);
    await this.run(["config", "set", "--secret", "cloudfn:functiongraphSecretKey", fg.secretKey]);
  }

  async setConfig(values: Record<string, string>): Promise<void> {
    for (const [k, v] of Object.entries(values)) await this.run(["config", "set", k, v]);
  }

  up(extra: string[] = []): Promise<RunResult> {
    return this.run(["up", "--yes", "--skip-preview", ...extra]);
  }

  async outputs(): Promise<Record<string, any>> {
    return JSON.parse((await this.run(["stack", "output", "--json", "--show-secrets"])).stdout);
  }

  async exportStack(): Promise<string> {
    return (await this.run(["stack", "export"])).stdout;
  }

  /** Destroys what is left and removes the temp folder; safe to call twice. */
  async dispose(): Promise<void> {
    if (!fs.existsSync(this.home)) return;
    try {
      await this.run(["destroy", "--yes", "--skip-preview"], { allowFailure: true });
    } finally {
      fs.rmSync(this.home, { recursive: true, force: true });
    }
  }
}
