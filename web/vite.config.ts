// The Qunyun console: React + Ant Design + ECharts, built into ../dist/web (served by `qunyun serve`).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Vendor code in a few long-lived chunks: the framework, the UI kit, and the charts (loaded only with a chart). */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  if (/node_modules\/(react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)\//.test(id)) return 'react';
  if (
    /node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+|@babel\/runtime|dayjs|classnames|clsx|@emotion|stylis|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|string-convert|toggle-selection|copy-to-clipboard|resize-observer-polyfill|is-mobile)\//.test(
      id,
    )
  )
    return 'antd';
  return undefined;
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // antd alone is ~1 MB before gzip; warn only when a chunk grows well past that.
    chunkSizeWarningLimit: 1400,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
