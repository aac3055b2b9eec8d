// What the user can take back with Ctrl/Cmd+Z or a toast's Undo: the last change first
// (articles moved to the trash, a sentence linked or unlinked, a note added, edited or
// deleted); and what was taken back and can be made again with Ctrl/Cmd+Shift+Z or Ctrl+Y.

const steps = [];
const undone = [];

/** Remembers a change: `undo` takes it back, `redo` (when given) makes it again after an undo
 * (either may return a promise). A new change forgets what could be redone. */
export function remember(label, undo, redo = null) {
  const step = { label, undo, redo, done: false };
  steps.push(step);
  undone.length = 0;
  return step;
}

/** Takes back `step` (the latest when none is given); returns whether there was one. */
export async function undo(step = steps[steps.length - 1]) {
  if (!step || step.done) return false;
  step.done = true;
  steps.splice(steps.indexOf(step), 1);
  await step.undo();
  if (step.redo) undone.push(step);
  return true;
}

/** Makes again the change taken back last; returns whether there was one. */
export async function redo() {
  const step = undone.pop();
  if (!step) return false;
  await step.redo();
  step.done = false;
  steps.push(step);
  return true;
}

/** Forgets every change (another library was opened). */
export function forgetAll() {
  steps.length = 0;
  undone.length = 0;
}

// A text field keeps its own keys (Ctrl+Z, Delete, letters); a check box or a button does not.
const NOT_TEXT = ['checkbox', 'radio', 'button', 'submit', 'reset'];
function typing(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.tagName === 'INPUT') return !NOT_TEXT.includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Listens for Ctrl/Cmd+Z (undo), Ctrl/Cmd+Shift+Z and Ctrl+Y (redo) outside text fields;
 * `onError` hears a failed undo or redo. */
export function listenForUndo(onError) {
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || typing(event.target)) return;
    const key = event.key.toLowerCase();
    const redoing = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
    if (key === 'z' && !event.shiftKey && steps.length) {
      event.preventDefault();
      undo().catch(onError);
    } else if (redoing && undone.length) {
      event.preventDefault();
      redo().catch(onError);
    }
  });
}

export { typing as isTyping };
