import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The build lands where a jar serves static files from, so api-gateway serves it by depending on this module.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8480' },
  },
});
