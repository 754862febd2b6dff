// Two pages from one build: the console (index.html, served at / and its client routes) and
// GraphiQL (graphiql.html, served at /graphiql). Everything they load is bundled into
// dist/assets, so both work on a machine with no network (api/console.py serves them).
import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Cloudscape and Monaco are large; the size warning says nothing we can act on.
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      input: {
        console: resolve(import.meta.dirname, "index.html"),
        graphiql: resolve(import.meta.dirname, "graphiql.html"),
      },
    },
  },
  server: {
    // `npx vite` in web/ for console work: the API runs on ./dev serve (port 8000).
    proxy: { "/graphql": { target: "http://127.0.0.1:8000", ws: true } },
  },
});
