/**
 * Every relative link in the shipped Markdown (README.md, docs/**) must point at a file that is
 * in the package, so the docs read from an installed copy have no dead links.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";

jest.setTimeout(120_000);
const root = path.join(__dirname, "../..");

function packedFiles(): Set<string> {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" });
  return new Set((JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path));
}

/** Relative link targets of a Markdown file, as package paths (anchors and absolute URLs dropped). */
function relativeLinks(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8").replace(/```[\s\S]*?```/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1].split("#")[0])
    .filter((target) => target && !/^[a-z]+:/i.test(target))
    .map((target) => path.posix.normalize(path.posix.join(path.posix.dirname(file), target)));
}

describe("the packed package's Markdown links", () => {
  it("every relative link in README.md and docs/** resolves to a file or folder in the package", () => {
    const files = packedFiles();
    const exists = (target: string) =>
      files.has(target) || [...files].some((f) => f.startsWith(`${target.replace(/\/$/, "")}/`));
    const markdown = [...files].filter((f) => f === "README.md" || (f.startsWith("docs/") && f.endsWith(".md")));
    expect(markdown).toContain("docs/getting-started.md");
    const dangling = markdown.flatMap((file) =>
      relativeLinks(file)
        .filter((t) => !exists(t))
        .map((t) => `${file} → ${t}`),
    );
    expect(dangling).toEqual([]);
  });
});
