/** LeanEngine project folders for tests: written to a temp dir from a map of file → source. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

const written: string[] = [];

export function writeProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cloudfn-lc-project-"));
  written.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Removes every folder writeProject made (the test setup calls it after each test file). */
export function removeWrittenProjects(): void {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A project exercising every outcome of the engine SDK (docs/reference/leancloud-api.md §5.2). */
export const SAMPLE_CLOUD_JS = `
const AV = require('leanengine');
AV.Cloud.define('hello', (request) => 'hello ' + (request.params.name || 'world'));
AV.Cloud.define('echo', (request) => ({ params: request.params, remote: request.meta.remoteAddress, env: process.env.GREETING || null, user: request.currentUser ? request.currentUser.get('username') : null, token: request.sessionToken || null }));
AV.Cloud.define('nothing', () => undefined);
AV.Cloud.define('number', () => 42);
AV.Cloud.define('list', () => [1, 'a', { x: 1 }]);
AV.Cloud.define('cloudError', () => { throw new AV.Cloud.Error('bad input', { code: 142 }); });
AV.Cloud.define('teapot', () => { throw new AV.Cloud.Error('short and stout', { status: 418, code: 7 }); });
AV.Cloud.define('typeError', () => null.x);
AV.Cloud.define('rejectString', () => Promise.reject('plain failure'));
AV.Cloud.define('legacy', (request, response) => response.success('old style ' + request.params.n));
AV.Cloud.define('secret', { internal: true }, () => 'internal only');
AV.Cloud.define('slow', (request) => new Promise((r) => setTimeout(() => r('late'), request.params.ms)));
AV.Cloud.define('rpcTypes', (request) => {
  const p = request.params;
  const todo = AV.Object.createWithoutData('Todo', 't1');
  todo.set('title', 'x');
  return { isDate: p.when instanceof Date, iso: p.when && p.when.toISOString(), geo: p.where instanceof AV.GeoPoint, ptrClass: p.owner && p.owner.className, bytes: p.blob, file: p.pic instanceof AV.File ? p.pic.url() : null, back: new Date('2024-05-01T08:00:00.000Z'), point: new AV.GeoPoint(39.9, 116.4), todo };
});
AV.Cloud.define('makeTodo', (request) => {
  const todo = AV.Object.createWithoutData('Todo', 'p9');
  todo.set('title', request.params.title);
  todo.set('due', new Date('2024-05-01T08:00:00.000Z'));
  return todo;
});
`;
