import { defineConfig } from 'vite';

export default defineConfig({
  base: '/visitor/',
  build: { outDir: 'dist', emptyOutDir: true },
});
