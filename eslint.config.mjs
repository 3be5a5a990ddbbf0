// eslint flat config: typescript-eslint's strict + stylistic type-checked presets over the TypeScript
// that tsconfig.json covers, plain recommended rules for the few JavaScript files.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const TS_FILES = ["**/*.ts"];
const TEST_FILES = ["**/*.test.ts", "tests/**/*.ts", "**/testing/**/*.ts"];
// The JavaScript here runs under Node as CommonJS; these are the globals it touches.
const NODE_GLOBALS = Object.fromEntries(
  ["console", "process", "Buffer", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "URL"].map((name) => [
    name,
    "readonly",
  ]),
);

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "tools/",
      ".cache/",
      "coverage/",
      "**/node_modules/",
      "tests/e2e/programs/",
      "scripts/langhost/",
      // Compiled in e2e against the packed tarball, which is not installed here: no types to check with.
      "examples/*/index.ts",
    ],
  },
  {
    files: TS_FILES,
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked, ...tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Provider and handler methods are async to meet Promise-returning interfaces and so that a throw
      // becomes a rejection; many have nothing to await.
      "@typescript-eslint/require-await": "off",
      // Without noUncheckedIndexedAccess, record lookups look non-nullable, so this rule flags the very
      // checks that guard them (and the ?. on parsed JSON); fixing would remove real guards.
      "@typescript-eslint/no-unnecessary-condition": "off",
      // The emulator's stores are plain records used as maps; deleting a computed key is how they remove.
      "@typescript-eslint/no-dynamic-delete": "off",
      // Numbers, booleans and null/undefined read fine in messages; objects and any still need String().
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true, allowNullish: true },
      ],
      // `x || fallback` on strings and booleans deliberately treats "" and false as missing; `??` would not.
      "@typescript-eslint/prefer-nullish-coalescing": ["error", { ignorePrimitives: { string: true, boolean: true } }],
      // `"Rate" | "Cron" | string` lists the known values for editors and readers while accepting new ones.
      "@typescript-eslint/no-redundant-type-constituents": "off",
      // Its fix turns `x as T` into `x!`, which no-non-null-assertion (strict) then forbids: the two disagree.
      "@typescript-eslint/non-nullable-type-assertion-style": "off",
      // `(e) => reject(e)` callbacks are idiomatic; still flags void values used inside other expressions.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // A leading underscore marks a deliberately unused binding (omitted by destructuring, or unused args).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The shims must capture nothing and load the implementation lazily from the installed package,
    // so they require() a module the compiler cannot see: untyped by design.
    files: ["sdk/*/provider-shim.ts"],
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    files: TEST_FILES,
    rules: {
      // Tests read parsed JSON bodies and poke at fixtures; a wrong shape fails the assertion anyway,
      // so typing every response would be ceremony without a bug to catch.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      // A null where a test expects a value throws right there, which is the failure we want.
      "@typescript-eslint/no-non-null-assertion": "off",
      // `.catch((e) => e)` captures the error a test then asserts on; its type is the assertion's business.
      "@typescript-eslint/use-unknown-in-catch-callback-variable": "off",
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowAny: true, allowNumber: true, allowBoolean: true, allowNullish: true },
      ],
    },
  },
  {
    files: ["**/*.js"],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: "commonjs", globals: NODE_GLOBALS },
  },
);
