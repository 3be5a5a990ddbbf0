// The LeanEngine project: cloud functions are declared here and deployed as one unit.
const AV = require("leanengine");

// LEANCLOUD_APP_ENV is "production" or "stage", so each environment answers differently.
AV.Cloud.define("hello", (request) => {
  const greeting = process.env.GREETING || "Hello";
  return `${greeting}, ${request.params.name || "world"} (${process.env.LEANCLOUD_APP_ENV})`;
});

// RPC (/1.1/call): typed params arrive as a JS Date and an AV.Object.
AV.Cloud.define("planTodo", (request) => {
  const { todo, due } = request.params;
  const planned = AV.Object.createWithoutData("Todo", "planned-1");
  planned.set("title", todo.get("title"));
  planned.set("due", due);
  planned.set("dueIsDate", due instanceof Date);
  return planned;
});

AV.Cloud.define("fail", () => {
  throw new AV.Cloud.Error("the order is not valid", { code: 4242 });
});

AV.Cloud.define("slow", () => new Promise((resolve) => setTimeout(() => resolve("late"), 20000)));
