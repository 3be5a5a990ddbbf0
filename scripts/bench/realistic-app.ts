/**
 * A generated stand-in for a real function's code folder: a handler and a few modules of the
 * user's own, a package.json and lockfile, and node_modules with a handful of packages, about
 * 550 KB in 76 files. Deterministic (a seeded generator), so every run measures the same bytes.
 */
import * as fs from "fs";
import * as path from "path";

/** Small, seeded PRNG (mulberry32): the same sequence on every machine and run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["value", "result", "options", "request", "buffer", "index", "config", "handler", "state", "token"];

/** JavaScript-looking text of about `bytes` bytes (compresses like real code, not like noise). */
function jsText(rand: () => number, bytes: number): string {
  const lines = ["'use strict';"];
  let size = lines[0].length;
  for (let i = 0; size < bytes; i++) {
    const a = WORDS[Math.floor(rand() * WORDS.length)];
    const b = WORDS[Math.floor(rand() * WORDS.length)];
    const line = `function ${a}${i}(${b}) { return ${b} === undefined ? ${Math.floor(rand() * 1e6)} : ${a}${i}.call(this, ${b}); }`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n") + "\n";
}

const PACKAGES = ["axios-lite", "date-utils", "json-schema-mini", "@acme/logger", "uuid-small", "qs-mini"];

/** Path → contents of the app. */
export function realisticAppFiles(): Map<string, string> {
  const rand = random(14);
  const files = new Map<string, string>();
  files.set("index.js", `const lib = require("./lib/main");\nexports.handler = async (event) => lib.run(event);\n`);
  for (let i = 0; i < 5; i++) files.set(`lib/module-${i}.js`, jsText(rand, 3000));
  files.set("lib/main.js", `exports.run = async (event) => ({ ok: true, event });\n`);
  const deps = Object.fromEntries(PACKAGES.map((p) => [p, "1.0.0"]));
  files.set("package.json", JSON.stringify({ name: "app", version: "1.0.0", dependencies: deps }, null, 2) + "\n");
  const lock = Object.fromEntries(PACKAGES.map((p) => [`node_modules/${p}`, { version: "1.0.0" }]));
  files.set("package-lock.json", JSON.stringify({ name: "app", lockfileVersion: 3, packages: lock }, null, 2) + "\n");
  // 6 packages × 11 files + the 9 above + 1 README = 76 files.
  for (const p of PACKAGES) {
    const dir = `node_modules/${p}`;
    files.set(`${dir}/package.json`, JSON.stringify({ name: p, version: "1.0.0", main: "index.js" }) + "\n");
    files.set(`${dir}/index.js`, `module.exports = require("./lib/part-0");\n`);
    for (let i = 0; i < 9; i++) files.set(`${dir}/lib/part-${i}.js`, jsText(rand, 9850));
  }
  files.set("README.md", "# app\n");
  return files;
}

/** Writes the app under `dir` (created). */
export function writeRealisticApp(dir: string): { files: number; bytes: number } {
  let bytes = 0;
  const files = realisticAppFiles();
  for (const [rel, text] of files) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes };
}
