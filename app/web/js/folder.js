// Reading a bundle folder the author picked or dropped (pages/studio/folder.rs).
// wasm-bindgen copies this file into the built site as a snippet.
export function has_directory_picker() { return typeof window.showDirectoryPicker === 'function'; }
export async function pick_directory() { return await window.showDirectoryPicker({ mode: 'read' }); }
async function walk(handle, prefix, out, limit) {
  for await (const [name, entry] of handle.entries()) {
    if (out.length > limit) return;
    if (entry.kind === 'file') out.push({ path: prefix + name, file: await entry.getFile() });
    else await walk(entry, prefix + name + '/', out, limit);
  }
}
export async function read_directory(handle, limit) {
  const out = [];
  await walk(handle, handle.name + '/', out, limit);
  return out;
}
export function dropped_entries(transfer) {
  return [...transfer.items].map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter(Boolean);
}
export async function read_entries(entries, limit) {
  const out = [];
  const file = (entry) => new Promise((ok, no) => entry.file(ok, no));
  const batch = (reader) => new Promise((ok, no) => reader.readEntries(ok, no));
  async function visit(entry, prefix) {
    if (out.length > limit) return;
    if (entry.isFile) out.push({ path: prefix + entry.name, file: await file(entry) });
    else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (let next = await batch(reader); next.length; next = await batch(reader)) {
        for (const child of next) await visit(child, prefix + entry.name + '/');
      }
    }
  }
  for (const entry of entries) await visit(entry, '');
  return out;
}
export function input_entries(input) {
  return [...input.files].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}
