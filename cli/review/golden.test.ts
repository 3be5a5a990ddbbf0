/**
 * The Markdown report of saved `pulumi preview --json` outputs, held against golden files
 * (tests/golden/review-*.md) byte for byte. preview-code-edit.json is a real preview (code edit
 * of the e2e program, `__provider` text trimmed); the other two are derived from it by hand.
 * Regenerate after a deliberate format change with CLOUDFN_UPDATE_GOLDEN=1, then read the diff.
 */
import * as fs from "fs";
import * as path from "path";
import { renderMarkdown } from "./markdown";
import { buildReview } from "./report";

const ROOT = path.resolve(__dirname, "../..");
const CASES = ["code-edit", "replace-create-delete", "no-changes"];

describe.each(CASES)("review of preview-%s.json", (name) => {
  it("renders exactly the golden Markdown", () => {
    const digest = JSON.parse(fs.readFileSync(path.join(ROOT, `tests/fixtures/review/preview-${name}.json`), "utf8"));
    const markdown = renderMarkdown(buildReview(digest), "e2e");
    const golden = path.join(ROOT, `tests/golden/review-${name}.md`);
    if (process.env.CLOUDFN_UPDATE_GOLDEN) fs.writeFileSync(golden, markdown);
    expect(markdown).toBe(fs.readFileSync(golden, "utf8"));
  });
});
