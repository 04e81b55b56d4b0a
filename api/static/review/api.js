// The service's API as the page calls it: same-origin fetch with the session cookie the login form
// set. A lapsed session keeps the unsaved edits (localStorage) and goes to the login form.

import { persist } from "./state.js";

export async function api(path, opts = {}) {
  const r = await fetch(path, { credentials: "same-origin", ...opts });
  if (r.status === 401) {
    persist();
    location.href = `/review/login?next=${encodeURIComponent(location.pathname)}`;
    throw new Error("chưa đăng nhập");
  }
  return r;
}
