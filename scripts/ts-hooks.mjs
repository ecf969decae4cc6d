// Lets `node --experimental-strip-types` run the project's scripts, which import src/ modules
// written for Vite (relative imports without the ".ts" extension). module.register works on
// every Node 22 the project supports (module.registerHooks needs 22.15).
import { register } from 'node:module';

const resolve = async (specifier, context, nextResolve) => {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!/^\.{1,2}\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw error;
    return nextResolve(`${specifier}.ts`, context);
  }
};

register(`data:text/javascript,${encodeURIComponent(`export const resolve = ${resolve.toString()};`)}`);
