/**
 * Worker sources for the two baselines, run from a Blob URL in the app's origin:
 * (a) fetch with the body drained and thrown away — the ceiling;
 * (b) the naive way most apps do it — `arrayBuffer()`, then one OPFS write;
 * (d) streamed chunk by chunk into an OPFS sync access handle, no hashing — the storage ceiling.
 */
export const DRAIN_WORKER = `
self.onmessage = async ({ data: urls }) => {
  const started = performance.now();
  let bytes = 0;
  for (const url of urls) {
    const reader = (await fetch(url, { cache: 'no-store' })).body.getReader();
    for (;;) { const { done, value } = await reader.read(); if (done) break; bytes += value.byteLength; }
  }
  self.postMessage({ bytes, ms: performance.now() - started });
};`;

export const NAIVE_WORKER = `
self.onmessage = async ({ data: urls }) => {
  const started = performance.now();
  const dir = await navigator.storage.getDirectory();
  let bytes = 0;
  for (const [i, url] of urls.entries()) {
    const buffer = await (await fetch(url, { cache: 'no-store' })).arrayBuffer();
    const handle = await (await dir.getFileHandle('naive-' + i, { create: true })).createSyncAccessHandle();
    handle.write(new Uint8Array(buffer), { at: 0 });
    handle.flush();
    handle.close();
    bytes += buffer.byteLength;
  }
  for (const i of urls.keys()) await dir.removeEntry('naive-' + i);
  self.postMessage({ bytes, ms: performance.now() - started });
};`;

export const STREAM_WRITE_WORKER = `
self.onmessage = async ({ data: urls }) => {
  const started = performance.now();
  const dir = await navigator.storage.getDirectory();
  let bytes = 0;
  for (const [i, url] of urls.entries()) {
    const handle = await (await dir.getFileHandle('stream-' + i, { create: true })).createSyncAccessHandle();
    const reader = (await fetch(url, { cache: 'no-store' })).body.getReader();
    let at = 0;
    for (;;) { const { done, value } = await reader.read(); if (done) break; handle.write(value, { at }); at += value.byteLength; }
    handle.flush();
    handle.close();
    bytes += at;
  }
  for (const i of urls.keys()) await dir.removeEntry('stream-' + i);
  self.postMessage({ bytes, ms: performance.now() - started });
};`;
