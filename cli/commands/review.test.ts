import * as path from "path";
import { main } from "../index";
import type { Io } from "../io";

const FIXTURES = path.resolve(__dirname, "../../tests/fixtures/review");

function capture(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    env: { PATH: "/nonexistent" },
    cwd: FIXTURES,
    out: (t: string) => (io.stdout += t),
    err: (t: string) => (io.stderr += t),
  };
  return io;
}

describe("cloudfn review (saved previews)", () => {
  it("exits 1 with changes and 0 without; JSON names the stack from the URNs", async () => {
    const changed = capture();
    expect(await main(["review", "--preview-json", "preview-code-edit.json", "--format", "json"], changed)).toBe(1);
    const report = JSON.parse(changed.stdout);
    expect(report.stack).toBe("e2e");
    expect(report.resources.map((r: { name: string; operation: string }) => [r.name, r.operation])).toEqual([
      ["greeter", "update"],
      ["api", "update"],
    ]);
    const clean = capture();
    expect(await main(["review", "--preview-json=preview-no-changes.json"], clean)).toBe(0);
    expect(clean.stdout).toContain("No changes");
  });

  it("exits 2 on a bad option, an unreadable file, or when pulumi cannot run", async () => {
    const bad = capture();
    expect(await main(["review", "--format", "html"], bad)).toBe(2);
    expect(bad.stderr).toMatch(/--format must be markdown or json; got "html"/);
    expect(bad.stderr).toMatch(/usage: cloudfn review/);
    expect(await main(["review", "--preview-json", "missing.json"], capture())).toBe(2);
    const noPulumi = capture();
    expect(await main(["review"], noPulumi)).toBe(2);
    expect(noPulumi.stderr).toMatch(/cannot run pulumi/);
  });
});
