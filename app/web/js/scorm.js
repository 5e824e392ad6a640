// Finding and calling a learning platform's SCORM API (lms.rs).
// wasm-bindgen copies this file into the built site as a snippet.
function search(win, name) {
  // The standard discovery walk: this window's parents, at most 10 frames up.
  for (let depth = 0; win && depth <= 10; depth += 1) {
    try {
      if (win[name]) return win[name];
    } catch (e) {
      return null; // a frame of another origin
    }
    if (!win.parent || win.parent === win) break;
    win = win.parent;
  }
  return null;
}
export function find_api(name) {
  const here = window.parent !== window ? search(window.parent, name) : null;
  return here || (window.opener ? search(window.opener, name) : null);
}
export function call(api, method, a, b) {
  try {
    const result = b === undefined ? api[method](a === undefined ? '' : a) : api[method](a, b);
    return String(result);
  } catch (e) {
    return 'false';
  }
}
