import { handlerProblem, handlerSourceFile, splitHandler } from "./handler";

describe("the FunctionGraph handler rule", () => {
  it.each<[string, string]>([
    ["index.handler", "Node.js18.15"],
    ["index.x.handler", "Node.js18.15"],
    ["main.handler", "Python3.9"],
    ["com.example.Main.handle", "Java11"],
    ["handler", "Go1.x"],
    ["-", "Custom Image"],
    ["bootstrap", "Custom"],
  ])("accepts %j for %s", (handler, runtime) => expect(handlerProblem(handler, runtime)).toBeUndefined());

  it.each<[string, string, string]>([
    ["ab", "Custom", "handler must be 3-128 characters; got 2"],
    ["-", "Node.js18.15", 'handler "-" is for Custom Image functions only; Node.js18.15 needs 3-128 characters'],
    [
      "index.handler.",
      "Node.js18.15",
      'handler must have the form "file.function" (e.g. "index.handler") for Node.js18.15; got "index.handler."',
    ],
    [
      ".handler",
      "Python3.9",
      'handler must have the form "file.function" (e.g. "index.handler") for Python3.9; got ".handler"',
    ],
    [
      "index.x/../../dir/outside.handler",
      "Node.js18.15",
      'handler must not contain path segments such as ".." or a leading "/"; got "index.x/../../dir/outside.handler"',
    ],
    ["/bin/sh", "Custom", 'handler must not contain path segments such as ".." or a leading "/"; got "/bin/sh"'],
    [
      "src/index.handler",
      "Node.js18.15",
      'handler must name a file at the top level of the code, without "/" or "\\"; got "src/index.handler"',
    ],
  ])("rejects %j for %s", (handler, runtime, problem) => expect(handlerProblem(handler, runtime)).toBe(problem));

  it("names the file a handler loads, for the runtimes whose file is known", () => {
    expect(splitHandler("index.x.handler")).toEqual({ file: "index.x", fn: "handler" });
    expect(handlerSourceFile("main.handler", "Node.js18.15")).toEqual({ path: "main.js", family: "Node.js" });
    expect(handlerSourceFile("main.handler", "Python3.10")).toEqual({ path: "main.py", family: "Python" });
    expect(handlerSourceFile("com.example.Main.handle", "Java11")).toBeUndefined();
  });
});
