import { Expr, tsLiteral, withReferences } from "./ts-literal";

describe("tsLiteral", () => {
  it("prints objects and arrays one entry per line, identifier keys unquoted, others quoted", () => {
    expect(tsLiteral({ a: 1, "b-c": ["x", true], d: {}, e: [], skipped: undefined, f: null })).toBe(
      [
        "{",
        "    a: 1,",
        '    "b-c": [',
        '        "x",',
        "        true,",
        "    ],",
        "    d: {},",
        "    e: [],",
        "    f: null,",
        "}",
      ].join("\n"),
    );
  });

  it("prints expressions as code, also where references replaced known strings", () => {
    const refs = new Map([["urn:fn", new Expr("fn.funcUrn")]]);
    const value = withReferences({ functions: [{ name: "f", functionUrn: "urn:fn" }], other: "urn:x" }, refs);
    expect(tsLiteral(value, "", "  ")).toBe(
      [
        "{",
        "  functions: [",
        "    {",
        '      name: "f",',
        "      functionUrn: fn.funcUrn,",
        "    },",
        "  ],",
        '  other: "urn:x",',
        "}",
      ].join("\n"),
    );
  });
});
