// Vite build and dev server for the web app. The dev server proxies the API to the Fastify server
// on :3000 so cookies stay same-origin; production is served by that server from dist/.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = 'http://localhost:3000';
const ANTD =
  /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs|classnames|@babel[\\/]runtime)[\\/]/;

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget },
      '/readyz': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Vite 8 bundles with Rolldown, whose `codeSplitting.groups` replaces Rollup's
        // `manualChunks`. React and the query library are long-lived vendor chunks. AntD is split
        // in two: what the shell needs on first load (`$initial`) and the heavier components only
        // the lazy pages use (Table, Tree, pickers, Drawer…), so the login page stays light.
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            { name: 'vendor-query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 25 },
            { name: 'vendor-antd', test: ANTD, tags: ['$initial'], priority: 20 },
            { name: 'vendor-antd-pages', test: ANTD, priority: 10 },
          ],
        },
      },
    },
  },
});
