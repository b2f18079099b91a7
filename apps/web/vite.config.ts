import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const sharedEntry = decodeURIComponent(new URL('../../packages/shared/src/index.ts', import.meta.url).pathname);

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@stinet/shared': sharedEntry,
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
