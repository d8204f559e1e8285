import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// In production the server sends portal.html for /portal and /portal/*; the dev server must agree.
function portalFallback(): Plugin {
  return {
    name: 'griddesk-portal-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/portal(?:[/?#]|$)/.test(req.url)) req.url = '/portal.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  // No @vitejs/plugin-react: esbuild's automatic runtime is all the JSX we need.
  esbuild: { jsx: 'automatic' },
  plugins: [portalFallback()],
  server: {
    // No changeOrigin: the API sees the browser's own Host, which its one-origin check compares
    // with the Origin of a write (issue 9 item 2).
    proxy: { '/api': process.env.GRIDDESK_API_URL ?? 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB minified before gzip; it is one cached chunk shared by both pages.
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      input: {
        index: `${root}index.html`,
        portal: `${root}portal.html`,
      },
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless in a browser-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
          if (/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+)\//.test(id)) return 'antd';
          // Only the console's line-loss chart draws with ECharts; the portal must not download it.
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          return 'vendor';
        },
      },
    },
  },
});
