/**
 * The packed tarball of an earlier cloudfn release, built from git history: the upgrade e2e
 * creates a stack with it, then moves to the current package.
 *
 * Built rather than committed: the tarball is about 450 KB, and every release would add another.
 * The commit is in the history of any clone CI makes, and the build is the one the release had
 * (`git archive` of that commit, its own tsconfig.build.json, `npm pack`), compiled with this
 * checkout's node_modules, so it needs no network. Cached under ~/.cache/cloudfn by commit, so
 * it is built once per machine.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

function run(cmd: string, args: string[], cwd: string): string {
  const res = spawnSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

/** Path of pulumi-cloudfn packed at `commit` of the repository at `root`, built on first use. */
export function releaseTarball(root: string, commit: string): string {
  const cacheDir = path.join(os.homedir(), ".cache/cloudfn");
  const tarball = path.join(cacheDir, `pulumi-cloudfn-${commit}.tgz`);
  if (fs.existsSync(tarball)) return tarball;
  fs.mkdirSync(cacheDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudfn-release-"));
  try {
    const archive = path.join(work, "source.tar");
    run("git", ["archive", "--format=tar", "-o", archive, commit], root);
    const src = path.join(work, "src");
    fs.mkdirSync(src);
    run("tar", ["-xf", archive, "-C", src], work);
    fs.symlinkSync(path.join(root, "node_modules"), path.join(src, "node_modules"));
    run(path.join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], src);
    const packed = run("npm", ["pack", "--silent", "--pack-destination", work], src).trim().split("\n").pop()!;
    // Renamed into place last, so an interrupted build never leaves a cached half.
    fs.copyFileSync(path.join(work, packed), `${tarball}.partial`);
    fs.renameSync(`${tarball}.partial`, tarball);
    return tarball;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
