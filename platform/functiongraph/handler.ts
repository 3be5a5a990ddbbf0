/**
 * The handler rule of FunctionGraph (docs/reference/functiongraph-api.md §3.1: 3-128 characters,
 * `file.function`), shared so the provider's `check` and the emulator's 400 can never disagree
 * again. `file` is everything before the last dot and names a file at the top level of the
 * code: a path would let a handler reach outside the package.
 */
import { HANDLER_MAX_LENGTH, HANDLER_MIN_LENGTH } from "./limits";

/** Runtimes whose handler is `file.function` (Go, C#, Custom and image runtimes name something else). */
const DOTTED_HANDLER = /^(Node\.js|Python|PHP|Java|Cangjie)/;
const FILE_FUNCTION = /^[^.][^/\\]*\.[^.]+$/;

export function hasDottedHandler(runtime: string): boolean {
  return DOTTED_HANDLER.test(runtime);
}

/** What container-image functions give as their handler (§3.1: "image functions use `-`"). */
export const IMAGE_HANDLER = "-";
const IMAGE_RUNTIME = "Custom Image";

/** The length rule alone (it does not depend on the runtime; the image placeholder is checked by shape). */
export function handlerLengthProblem(handler: string): string | undefined {
  if (handler === IMAGE_HANDLER) return undefined;
  if (handler.length >= HANDLER_MIN_LENGTH && handler.length <= HANDLER_MAX_LENGTH) return undefined;
  return `handler must be ${HANDLER_MIN_LENGTH}-${HANDLER_MAX_LENGTH} characters; got ${handler.length}`;
}

/** The shape rule of the runtime, for a handler of valid length. */
export function handlerShapeProblem(handler: string, runtime: string): string | undefined {
  if (handler === IMAGE_HANDLER)
    return runtime === IMAGE_RUNTIME
      ? undefined
      : `handler "${IMAGE_HANDLER}" is for ${IMAGE_RUNTIME} functions only; ${runtime} needs ${HANDLER_MIN_LENGTH}-${HANDLER_MAX_LENGTH} characters`;
  if (/[/\\]/.test(handler) && handler.split(/[/\\]/).some((part) => part === ".." || part === ""))
    return `handler must not contain path segments such as ".." or a leading "/"; got ${JSON.stringify(handler)}`;
  if (!hasDottedHandler(runtime)) return undefined;
  if (/[/\\]/.test(handler))
    return `handler must name a file at the top level of the code, without "/" or "\\"; got ${JSON.stringify(handler)}`;
  if (!FILE_FUNCTION.test(handler))
    return `handler must have the form "file.function" (e.g. "index.handler") for ${runtime}; got ${JSON.stringify(handler)}`;
  return undefined;
}

/** Everything wrong with a handler for the runtime, or undefined when the platform accepts it. */
export function handlerProblem(handler: string, runtime: string): string | undefined {
  return handlerLengthProblem(handler) ?? handlerShapeProblem(handler, runtime);
}

/** `index.handler` → `{ file: "index", fn: "handler" }` (the file is what comes before the last dot). */
export function splitHandler(handler: string): { file: string; fn: string } {
  const dot = handler.lastIndexOf(".");
  return { file: handler.slice(0, dot), fn: handler.slice(dot + 1) };
}

/** The source file a valid handler loads, for the runtimes whose file we know: `index.js`, `main.py`. */
export function handlerSourceFile(handler: string, runtime: string): { path: string; family: string } | undefined {
  const { file } = splitHandler(handler);
  if (runtime.startsWith("Node.js")) return { path: `${file}.js`, family: "Node.js" };
  if (runtime.startsWith("Python")) return { path: `${file}.py`, family: "Python" };
  return undefined;
}
