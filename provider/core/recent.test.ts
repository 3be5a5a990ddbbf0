import { remember } from "./recent";

describe("remember", () => {
  it("keeps at most `max` entries, dropping the least recently stored", () => {
    const map = new Map<string, number>();
    expect(remember(map, "a", 1, 2)).toBe(1);
    remember(map, "b", 2, 2);
    remember(map, "a", 3, 2); // stored again: now the newest
    remember(map, "c", 4, 2);
    expect([...map]).toEqual([
      ["a", 3],
      ["c", 4],
    ]);
  });
});
