/**
 * LeanEngine projects the LeanCloud provider tests deploy: answers differ per environment
 * (LEANCLOUD_APP_ENV is "production" or "stage") and show a group variable, so a test can tell
 * which code, environment and variables served a call.
 */
export const cloudJs = (version: string) => `
const AV = require('leanengine');
AV.Cloud.define('hello', (req) => (process.env.GREETING || 'Hello') + ', ' + (req.params.name || 'world') + ' from ' + process.env.LEANCLOUD_APP_ENV + ' ${version}');
AV.Cloud.define('describe', (req) => ({ isDate: req.params.when instanceof Date, iso: req.params.when ? req.params.when.toISOString() : null,
  className: req.params.todo ? req.params.todo.className : null, title: req.params.todo ? req.params.todo.get('title') : null }));
AV.Cloud.define('makeTodo', (req) => {
  const todo = AV.Object.createWithoutData('Todo', 't1');
  todo.set('title', req.params.title);
  todo.set('due', new Date('2024-05-01T08:00:00.000Z'));
  return todo;
});
AV.Cloud.define('fail', () => { throw new AV.Cloud.Error('bad input', { code: 4242 }); });
AV.Cloud.define('slow', () => new Promise((resolve) => setTimeout(() => resolve('late'), 5000)));
`;

export const PACKAGE_JSON = JSON.stringify(
  { name: "cloudfn-leanengine-demo", private: true, main: "cloud.js", dependencies: { leanengine: "^3.8.0" } },
  null,
  2,
);
