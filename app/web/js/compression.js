// Raw deflate with the browser's own CompressionStream, for certificate links (components/qr.rs).
// wasm-bindgen copies this file into the built site as a snippet.
export async function deflate_raw(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
export async function inflate_raw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return await new Response(stream).text();
}
