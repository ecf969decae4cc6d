/**
 * Keeps the ticks of the guide's checklists on the device (`localStorage`), per page, keyed by
 * each item's text, and wires the clear button of the note that follows each list (written by
 * src/plugins/rehype-task-list.ts). Without scripts the checklist is a plain list whose boxes can
 * still be ticked (and printed).
 */
export function persistChecklists(): void {
  document.querySelectorAll<HTMLElement>('.prose .contains-task-list').forEach((list, n) => {
    const boxes = [...list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    if (boxes.length === 0) return;
    const key = `checklist:${location.pathname}:${n}`;
    const text = (box: HTMLInputElement) => box.closest('label')?.textContent?.trim() ?? '';
    let ticked = new Set<string>();
    try {
      ticked = new Set(JSON.parse(localStorage.getItem(key) ?? '[]') as string[]);
    } catch {
      // Storage refused or unreadable: start with an empty list.
    }
    const save = () => {
      ticked = new Set(boxes.filter((b) => b.checked).map(text));
      try {
        localStorage.setItem(key, JSON.stringify([...ticked]));
      } catch {
        // Nothing more to do: the ticks stay on screen for this visit.
      }
    };
    for (const box of boxes) {
      // Restores the kept ticks without undoing one the reader made before this script arrived.
      if (ticked.has(text(box))) box.checked = true;
      box.addEventListener('change', save);
    }
    list.nextElementSibling?.querySelector('.checklist-reset')?.addEventListener('click', () => {
      boxes.forEach((b) => (b.checked = false));
      save();
      boxes[0]?.focus();
    });
  });
}
