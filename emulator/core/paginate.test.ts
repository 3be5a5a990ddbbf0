import { paginateByMarker, PaginationError } from "./paginate";

const items = ["a", "b", "c", "d", "e"];
const cfg = { maxLimit: 3, defaultLimit: 3 };

describe("paginateByMarker", () => {
  it.each([
    [undefined, "2", { items: ["a", "b"], nextMarker: 2, count: 5 }],
    ["2", "2", { items: ["c", "d"], nextMarker: 4, count: 5 }],
    ["4", "2", { items: ["e"], nextMarker: 5, count: 5 }],
    ["5", "2", { items: [], nextMarker: 5, count: 5 }],
    ["9", "2", { items: [], nextMarker: 9, count: 5 }],
    ["0", undefined, { items: ["a", "b", "c"], nextMarker: 3, count: 5 }],
    ["0", "0", { items: ["a", "b", "c"], nextMarker: 3, count: 5 }],
    ["0", "100", { items: ["a", "b", "c"], nextMarker: 3, count: 5 }],
    ["", "", { items: ["a", "b", "c"], nextMarker: 3, count: 5 }],
  ])("marker %j maxitems %j", (marker, limit, expected) => {
    expect(paginateByMarker(items, marker, limit, cfg)).toEqual(expected);
  });

  it.each([
    ["0", "-1", "invalid maxitems: -1"],
    ["0", "two", "invalid maxitems: two"],
    ["-1", "2", "invalid marker: -1"],
    ["x", "2", "invalid marker: x"],
  ])("rejects marker %j maxitems %j", (marker, limit, message) => {
    expect(() => paginateByMarker(items, marker, limit, cfg)).toThrow(new PaginationError(message));
  });
});
