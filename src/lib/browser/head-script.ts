/**
 * The one inline script of every page, run in `<head>` before the first paint: it applies the
 * theme the reader chose (so a dark-theme reader never sees a flash of light), marks that
 * scripts run (`js`: the theme toggle and section tools get their space before they exist), and
 * whether the browser can share (`can-share`); and once the page has loaded and painted, it starts
 * the page's scripts (see after-paint.ts). Everything else is in files.
 *
 * Kept as a string so the Content-Security-Policy can allow exactly this script by its hash
 * (`deploy/security-headers.conf`, included by `deploy/nginx.conf`; tests/unit/nginx-conf.test.ts
 * checks the hash there against this text).
 */
export const HEAD_SCRIPT =
  "(d=>{d.classList.add('js');try{var t=localStorage.getItem('theme');if(t=='dark'||t=='light')d.dataset.theme=t}catch(e){}if(navigator.share)d.classList.add('can-share');" +
  // The page's scripts, once the page has loaded and painted a frame (after-paint.ts).
  "addEventListener('load',()=>requestAnimationFrame(()=>setTimeout(()=>d.querySelectorAll('[type=after-paint]').forEach(s=>import(s.src)))))" +
  '})(document.documentElement)';

/** The key under which the theme choice is stored; the page script writes it. */
export const THEME_KEY = 'theme';
