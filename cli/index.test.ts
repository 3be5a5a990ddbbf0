import { readFileSync } from "fs";
import * as path from "path";
import { main } from "./index";
import type { Io } from "./io";

function capture(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    env: {},
    cwd: "/",
    out: (t: string) => (io.stdout += t),
    err: (t: string) => (io.stderr += t),
  };
  return io;
}

describe("cloudfn", () => {
  it("prints usage and exits 2 without a command, 0 for --help", async () => {
    const io = capture();
    expect(await main([], io)).toBe(2);
    expect(io.stdout).toMatch(/^usage: cloudfn <command>/);
    expect(await main(["--help"], capture())).toBe(0);
  });

  it("prints the package's version for --version", async () => {
    const { version } = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
    const io = capture();
    expect(await main(["--version"], io)).toBe(0);
    expect(io.stdout).toBe(`${version}\n`);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const io = capture();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
