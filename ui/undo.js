// What the user can take back with Ctrl/Cmd+Z or a toast's Undo: the last change first
// (articles moved to the trash, a sentence linked or unlinked).

const steps = [];

/** Remembers a change: `undo` takes it back (it may return a promise). */
export function remember(label, undo) {
  const step = { label, undo, done: false };
  steps.push(step);
  return step;
}

/** Takes back `step` (the latest when none is given); returns whether there was one. */
export async function undo(step = steps[steps.length - 1]) {
  if (!step || step.done) return false;
  step.done = true;
  steps.splice(steps.indexOf(step), 1);
  await step.undo();
  return true;
}

/** Forgets every change (another library was opened). */
export function forgetAll() {
  steps.length = 0;
}

// A text field keeps its own keys (Ctrl+Z, Delete, letters); a check box or a button does not.
const NOT_TEXT = ['checkbox', 'radio', 'button', 'submit', 'reset'];
function typing(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.tagName === 'INPUT') return !NOT_TEXT.includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Listens for Ctrl/Cmd+Z outside text fields; `onError` hears a failed undo. */
export function listenForUndo(onError) {
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z' || typing(event.target)) return;
    if (!steps.length) return;
    event.preventDefault();
    undo().catch(onError);
  });
}

export { typing as isTyping };
