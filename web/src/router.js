// A small history-API router: the server answers index.html for every console path, so a
// link or a reload lands on the same screen.
import { useEffect, useState } from "react";

const listeners = new Set();

export function navigate(path) {
  if (path !== window.location.pathname + window.location.search) window.history.pushState({}, "", path);
  listeners.forEach((listener) => listener());
}

export function usePath() {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return path;
}

/** Cloudscape links and navigation call onFollow: keep them in the page instead of reloading. */
export function follow(event) {
  if (event.detail?.external) return;
  event.preventDefault();
  navigate(event.detail.href);
}
