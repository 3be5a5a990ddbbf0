#!/usr/bin/env node
/**
 * Points every citation of the platform fact documents at their home in docs/reference/.
 *
 * Comments and docs cite sections like `functiongraph-api.md §3.1`, `digest §8` or a bare
 * `§4.6`. This rewrites, idempotently and in comment/doc text only:
 *   - `xxx-api.md §N` (any mention of a known document name) → `docs/reference/xxx-api.md §N`;
 *   - `digest §N` and `§N of the digest` → `§N` (the old name of the documents);
 *   - a file whose citations are all bare gets its first one prefixed with the document path,
 *     so every file names the document its bare `§` refer to.
 * The document of a bare citation is the nearest known document named earlier in the file,
 * else the one its path names (functiongraph / minapp / leancloud), else the one its header
 * talks about. Then every citation is checked against the `§` headings of docs/reference.
 *
 * Usage: node scripts/cite-reference.mjs [--check] [--root <repo>]
 *   --check  change nothing; list what would change. Exit status 1 when a citation cannot be
 *            mapped to a document or names a section missing from docs/reference.
 */
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const DOCS = ["functiongraph-api.md", "minapp-api.md", "leancloud-api.md", "pulumi-facts.md"];
const PLATFORM_DOC = { functiongraph: "functiongraph-api.md", minapp: "minapp-api.md", leancloud: "leancloud-api.md" };
const REFERENCE_DIR = "docs/reference";
const SCAN = ["provider", "emulator", "cli", "sdk", "scripts", "tests", "docs", "README.md"];
const EXTENSIONS = /\.(ts|js|mjs|md)$/;
const SECTION = "§([0-9A-Z][0-9A-Za-z.]*)";
const NAME_ALT = DOCS.map((d) => d.replace(/[.-]/g, "\\$&")).join("|");

const args = process.argv.slice(2);
const checkOnly = args.includes("--check");
const rootFlag = args.indexOf("--root");
const root = rootFlag >= 0 ? args[rootFlag + 1] : join(dirname(fileURLToPath(import.meta.url)), "..");
const self = relative(root, fileURLToPath(import.meta.url));

function listFiles(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return EXTENSIONS.test(path) ? [path] : [];
  return readdirSync(full).flatMap((name) =>
    name === "node_modules" || name.startsWith(".") ? [] : listFiles(join(path, name)),
  );
}

/** Section ids present as `§` headings in each reference document (absent file → empty set). */
function sectionsOf(doc) {
  const file = join(root, REFERENCE_DIR, doc);
  if (!existsSync(file)) return new Set();
  const ids = [...readFileSync(file, "utf8").matchAll(new RegExp(`^#{1,6} ${SECTION}`, "gm"))].map((m) => clean(m[1]));
  return new Set(ids);
}

const clean = (id) => id.replace(/\.+$/, "");

/** The document a file's bare citations default to, from its path or else its header. */
function defaultDoc(path, text) {
  const fromPath = Object.keys(PLATFORM_DOC).filter((p) => path.toLowerCase().includes(p));
  if (fromPath.length === 1) return PLATFORM_DOC[fromPath[0]];
  const header = text.slice(0, 600).toLowerCase();
  const fromHeader = Object.keys(PLATFORM_DOC).filter((p) => header.includes(p));
  return fromHeader.length === 1 ? PLATFORM_DOC[fromHeader[0]] : undefined;
}

function rewrite(path, text) {
  let out = text.replace(new RegExp(`(?<![\\w/.-])(${NAME_ALT})`, "g"), `${REFERENCE_DIR}/$1`);
  out = out.replace(new RegExp(`\\bdigest ${SECTION}`, "g"), "§$1");
  out = out.replace(new RegExp(`${SECTION} of the(\\s*(?:\\*|//)?\\s*)digest\\b`, "g"), "§$1");
  const doc = defaultDoc(path, text);
  const first = out.search(new RegExp(SECTION));
  const namesADoc = DOCS.some((d) => out.includes(`${REFERENCE_DIR}/${d}`));
  if (first >= 0 && doc && !namesADoc) out = `${out.slice(0, first)}${REFERENCE_DIR}/${doc} ${out.slice(first)}`;
  return out;
}

/** Every citation of the text with the document it resolves to (undefined when unmappable). */
function citations(path, text) {
  const fallback = defaultDoc(path, text);
  const pattern = new RegExp(`(?:(${NAME_ALT}) ?)?${SECTION}`, "g");
  let current;
  return [...text.matchAll(pattern)].map((m) => {
    if (m[1]) current = m[1];
    const line = text.slice(0, m.index).split("\n").length;
    return { line, id: clean(m[2]), doc: current ?? fallback };
  });
}

const sections = Object.fromEntries(DOCS.map((d) => [d, sectionsOf(d)]));
const problems = [];
const changed = [];
let count = 0;
for (const path of SCAN.flatMap(listFiles)) {
  if (path === self || path.startsWith(REFERENCE_DIR + "/")) continue;
  const text = readFileSync(join(root, path), "utf8");
  const next = rewrite(path, text);
  for (const c of citations(path, next)) {
    count++;
    if (!c.doc) problems.push(`${path}:${c.line}: §${c.id} names no document`);
    else if (!sections[c.doc].has(c.id))
      problems.push(`${path}:${c.line}: §${c.id} missing from ${REFERENCE_DIR}/${c.doc}`);
  }
  if (next === text) continue;
  changed.push(path);
  if (!checkOnly) writeFileSync(join(root, path), next);
}
console.log(
  `${count} citations, ${changed.length} file(s) ${checkOnly ? "to rewrite" : "rewritten"}${checkOnly && changed.length ? ":\n  " + changed.join("\n  ") : ""}`,
);
for (const p of problems) console.log(`problem: ${p}`);
console.log(`${problems.length} problem(s)`);
process.exitCode = problems.length ? 1 : 0;
