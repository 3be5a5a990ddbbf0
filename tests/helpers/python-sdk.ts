/**
 * A virtualenv with the `pulumi` Python package and the cloudfn Python SDK that
 * `pulumi package gen-sdk schema.json --language python` generates (with the host
 * scripts/provision-pulumi-python.sh provisions). Built once under .cache/, keyed by what it is
 * made of (the schema, the pulumi version, the host's binary), so later runs only reuse it; a
 * new key replaces the old folders.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { PULUMI_BIN } from "./pulumi-cli";

const ROOT = path.resolve(PULUMI_BIN, "../../..");
const CACHE = path.join(ROOT, ".cache/e2e-python");
/** The `pulumi` Python package matching the CLI the e2e runs (tools/pulumi/bin). */
export const PULUMI_PYTHON_VERSION = "3.248.0";

function digest(): string {
  const hash = createHash("sha256").update(PULUMI_PYTHON_VERSION);
  hash.update(fs.readFileSync(path.join(ROOT, "schema.json")));
  hash.update(fs.readFileSync(path.join(PULUMI_BIN, "pulumi-language-python")));
  return hash.digest("hex").slice(0, 16);
}

/** Runs one build step; its temp files stay in the folder being built, not the temp folder. */
function step(cmd: string, args: string[], dir: string): void {
  const env = {
    ...process.env,
    PATH: `${PULUMI_BIN}:${process.env.PATH}`,
    TMPDIR: path.join(dir, "tmp"),
    PULUMI_HOME: path.join(dir, "pulumi-home"),
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  const res = spawnSync(cmd, args, { cwd: dir, env, encoding: "utf8" });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${res.stdout}\n${res.stderr}`);
}

/** The virtualenv's bin folder (put it first on PATH: the host runs `python3` from there). */
export function ensurePythonSdk(): string {
  const dir = path.join(CACHE, digest());
  const bin = path.join(dir, "venv/bin");
  if (fs.existsSync(path.join(dir, ".complete"))) return bin;
  fs.rmSync(CACHE, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "tmp"), { recursive: true });
  step("python3", ["-m", "venv", "venv"], dir);
  step(path.join(bin, "pip"), ["install", "--quiet", `pulumi==${PULUMI_PYTHON_VERSION}`], dir);
  step("pulumi", ["package", "gen-sdk", path.join(ROOT, "schema.json"), "--language", "python", "--out", "sdk"], dir);
  step(path.join(bin, "pip"), ["install", "--quiet", "./sdk/python"], dir);
  fs.writeFileSync(path.join(dir, ".complete"), "");
  return bin;
}
