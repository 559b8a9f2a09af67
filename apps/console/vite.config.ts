import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.YIDAN_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; pages are split with React.lazy.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/socket.io': { target: server, ws: true },
    },
  },
});
