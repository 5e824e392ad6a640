// Sharing a file with another app and copying text (files.rs).
// wasm-bindgen copies this file into the built site as a snippet.
export function can_share_file(name, text) {
  try { return !!navigator.canShare && navigator.canShare({ files: [new File([text], name, { type: 'application/json' })] }); } catch (e) { return false; }
}
export async function share_file(name, text, title) {
  await navigator.share({ files: [new File([text], name, { type: 'application/json' })], title });
}
export async function copy(text) { await navigator.clipboard.writeText(text); }
