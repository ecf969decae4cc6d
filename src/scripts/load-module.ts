/**
 * Loads a module that the page needs only later (the search, the landing highlight), once: the
 * module does its work as it is evaluated (`run-*.ts`), which a browser does once per address.
 *
 * Its URL comes from a `?worker&url` import: Vite then bundles the module on its own, with its
 * content hash in the name, and hands over the address. A plain `import('./search')` would do the
 * same, but Vite wraps every such import in its preload helper, about 600 bytes gzip of every
 * page's script, even with `build.modulePreload: false` and nothing to preload (vitejs/vite#13952
 * and #18551). A worker bundle keeps no exports, hence the `run-*.ts` modules that only run.
 * Nothing here runs in a worker: `worker.format: 'es'` (astro.config.mjs) makes
 * the bundle a module this page imports.
 */
export function loadModule(url: string): Promise<unknown> {
  return import(/* @vite-ignore */ url);
}
