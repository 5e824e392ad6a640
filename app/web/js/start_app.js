// Loading and starting another of Wex's apps (shell.rs).
// wasm-bindgen copies this file into the built site as a snippet.
export function load_module(url) { return import(url); }
export function start_module(module, wasm) { return module.default({ module_or_path: wasm }); }
