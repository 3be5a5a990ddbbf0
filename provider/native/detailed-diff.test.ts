import { changedNames, detailedDiff } from "./detailed-diff";

describe("detailedDiff: a dynamic DiffResult as the engine's detailed diff", () => {
  const olds = { name: "a", memorySize: 128, description: "old", environment: { A: "1" } };

  it("no changes: DIFF_NONE and no property entries, whatever the inputs say", () => {
    expect(detailedDiff({ changes: false }, olds, { ...olds, adopt: true })).toEqual({
      changes: "NONE",
      replaces: [],
      deleteBeforeReplace: false,
      detailed: {},
    });
  });

  it("names each changed input as ADD, UPDATE or DELETE", () => {
    const news = { name: "a", memorySize: 256, environment: { A: "1" }, timeout: 30 };
    expect(detailedDiff({ changes: true }, olds, news).detailed).toEqual({
      memorySize: "UPDATE",
      description: "DELETE",
      timeout: "ADD",
    });
  });

  it("marks replaced properties *_REPLACE and passes deleteBeforeReplace only with a replace", () => {
    const d = detailedDiff({ changes: true, replaces: ["name"], deleteBeforeReplace: true }, olds, {
      ...olds,
      name: "b",
    });
    expect(d).toEqual({
      changes: "SOME",
      replaces: ["name"],
      deleteBeforeReplace: true,
      detailed: { name: "UPDATE_REPLACE" },
    });
    expect(detailedDiff({ changes: true, deleteBeforeReplace: true }, olds, olds).deleteBeforeReplace).toBe(false);
  });

  it("a replace of a property that is new or removed keeps its direction", () => {
    const d = detailedDiff({ changes: true, replaces: ["package", "runtime"] }, { runtime: "x" }, { package: "p" });
    expect(d.detailed).toEqual({ package: "ADD_REPLACE", runtime: "DELETE_REPLACE" });
  });

  it("undefined changes leave the decision to the engine", () => {
    expect(detailedDiff({}, olds, olds).changes).toBe("UNKNOWN");
  });

  it("ignores per-run flags, internal keys, key order and null-vs-missing", () => {
    expect(
      changedNames({ e: { a: 1, b: 2 }, x: null }, { e: { b: 2, a: 1 }, adopt: true }, new Set(["adopt"])),
    ).toEqual([]);
  });
});
