// Loading and starting another of Wex's apps (shell.rs).
// wasm-bindgen copies this file into the built site as a snippet.
export function load_module(url) { return import(url); }
export function start_module(module, wasm) { return module.default({ module_or_path: wasm }); }
// Fetches files a learner will need next into the browser's cache, unless the
// browser says to save data. Errors do not matter: the app fetches them again when
// it starts.
export function prefetch(urls) {
  if (navigator.connection && navigator.connection.saveData) return;
  for (const url of urls) fetch(url).then((r) => r.arrayBuffer()).catch(() => {});
}
