/**
 * Builders for LeanCloud's typed JSON (the `/1.1/call` RPC encoding), for `Invocation.params`
 * with `rpc: true`. Pulumi inputs cannot carry JS Dates or SDK objects, so these produce the
 * wire form the engine decodes (a Date arrives in the function as a JS Date, an Object as an
 * AV.Object).
 */

export const date = (d: Date | string) => ({ __type: "Date", iso: new Date(d).toISOString() });
export const pointer = (className: string, objectId: string) => ({ __type: "Pointer", className, objectId });
export const object = (className: string, fields: Record<string, unknown>, objectId?: string) => ({
  __type: "Object",
  className,
  ...(objectId ? { objectId } : {}),
  ...fields,
});
export const geoPoint = (latitude: number, longitude: number) => ({ __type: "GeoPoint", latitude, longitude });
export const bytes = (data: Uint8Array | string) => ({
  __type: "Bytes",
  base64: typeof data === "string" ? data : Buffer.from(data).toString("base64"),
});
