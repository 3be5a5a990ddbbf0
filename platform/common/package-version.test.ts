import { readFileSync } from "fs";
import * as path from "path";
import { packageVersion } from "./package-version";

const ROOT = path.resolve(__dirname, "..", "..");
const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("packageVersion", () => {
  it("finds the package's version from the sources and from where dist/ puts the binaries", () => {
    expect(packageVersion()).toBe(version);
    expect(packageVersion(path.join(ROOT, "dist", "emulator"))).toBe(version);
  });

  it("fails when no pulumi-cloudfn package is above", () => {
    expect(() => packageVersion(path.parse(ROOT).root)).toThrow(/no package.json of pulumi-cloudfn/);
  });
});
