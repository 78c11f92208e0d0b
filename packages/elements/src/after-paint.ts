/**
 * Runs `work` once the browser has painted the current frame: in the task after the next
 * animation frame. A page that paints no frames (a hidden tab) gets no animation frames,
 * so `work` also runs after `latestMs` whichever comes first; it runs once.
 */
export function afterPaint(work: () => void, latestMs = 100): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, latestMs);
}
