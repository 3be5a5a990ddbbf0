import { main } from "../index";
import type { Io } from "../io";
import { parseDriftArgs } from "./drift";

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

describe("cloudfn drift options", () => {
  it("reads --cwd, --stack, --format and --prefix; markdown by default", () => {
    expect(parseDriftArgs([])).toEqual({ format: "markdown" });
    expect(parseDriftArgs(["--cwd", "p", "--stack", "prod", "--format", "json", "--prefix", "shop-"])).toEqual({
      cwd: "p",
      stack: "prod",
      format: "json",
      prefix: "shop-",
    });
    expect(parseDriftArgs(["--prefix", "shop-", "--profile", "south"])).toEqual({
      format: "markdown",
      prefix: "shop-",
      profile: "south",
    });
  });

  it("refuses unknown options, missing values and unknown formats with exit code 2 and the usage", async () => {
    for (const [args, message] of [
      [["--yes"], /unknown option "--yes"/],
      [["--stack"], /--stack needs a value/],
      [["--format", "yaml"], /--format must be markdown or json; got "yaml"/],
      [
        ["--profile", "9lives"],
        /--profile must be 1-63 letters, digits, '-' and '_', starting with a letter; got "9lives"/,
      ],
    ] as const) {
      const io = capture();
      expect(await main(["drift", ...args], io)).toBe(2);
      expect(io.stderr).toMatch(message);
      expect(io.stderr).toContain("usage: cloudfn drift");
    }
  });

  it("is listed by cloudfn --help and explains itself with --help", async () => {
    const io = capture();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.stdout).toMatch(/cloudfn drift +Report what changed outside Pulumi/);
    const help = capture();
    expect(await main(["drift", "--help"], help)).toBe(0);
    expect(help.stdout).toContain("--prefix");
    expect(help.stdout).toContain("--profile  a named provider profile");
  });

  it("fails with exit code 2 when the Pulumi project cannot be previewed", async () => {
    const io = capture();
    io.env = { PATH: "/nonexistent" };
    expect(await main(["drift", "--cwd", "/"], io)).toBe(2);
    expect(io.stderr).toMatch(/^cloudfn drift: cannot run pulumi/m);
  });
});
