import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages, one bundle graph: shared code (Preact, the API client, messages) is split into common chunks.
// The output lands where Quarkus serves static files, so the Maven build packages it into the service.
export default defineConfig({
  base: '/',
  build: {
    outDir: resolve(import.meta.dirname, '../../../target/classes/META-INF/resources'),
    emptyOutDir: true,
    assetsDir: 'web-assets',
    sourcemap: false,
    rollupOptions: {
      input: {
        desk: resolve(import.meta.dirname, 'desk/index.html'),
        console: resolve(import.meta.dirname, 'console/index.html'),
      },
    },
  },
});
