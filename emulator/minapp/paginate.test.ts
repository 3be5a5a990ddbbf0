import { paginate } from "./paginate";

const items = Array.from({ length: 45 }, (_, i) => i);
const P = "/oserve/v1.3/cloud-function/";

describe("paginate", () => {
  it("defaults to the first 20 with a relative next link and no previous", () => {
    const page = paginate(items, P, {});
    expect(page.objects).toEqual(items.slice(0, 20));
    expect(page.meta).toEqual({
      limit: 20,
      offset: 0,
      total_count: 45,
      previous: null,
      next: `${P}?limit=20&offset=20`,
    });
  });

  it("links both ways in the middle and stops at the end", () => {
    expect(paginate(items, P, { limit: "20", offset: "20" }).meta).toMatchObject({
      previous: `${P}?limit=20&offset=0`,
      next: `${P}?limit=20&offset=40`,
    });
    const last = paginate(items, P, { limit: "20", offset: "40" });
    expect(last.objects).toEqual([40, 41, 42, 43, 44]);
    expect(last.meta.next).toBeNull();
    expect(paginate(items, P, { limit: "10", offset: "5" }).meta.previous).toBe(`${P}?limit=10&offset=0`);
  });

  it("keeps filters in the links and clamps or expands the limit", () => {
    expect(paginate(items, P, { limit: "5" }, { status: "fulfilled" }).meta.next).toBe(
      `${P}?status=fulfilled&limit=5&offset=5`,
    );
    expect(paginate(items, P, { limit: "5000" }).meta.limit).toBe(1000);
    expect(paginate(items, P, { limit: "0" }).objects).toHaveLength(45);
  });

  it("rejects malformed numbers with a 400", () => {
    expect(() => paginate(items, P, { limit: "-1" })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => paginate(items, P, { offset: "x" })).toThrow(/offset must be a non-negative integer/);
  });
});
