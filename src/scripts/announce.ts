/** Says a short message through the page's polite live region (`#announcer` in the layout). */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes a repeated message ("Link copied" twice) be read again.
  region.textContent = '';
  setTimeout(() => (region.textContent = message), 50);
}
